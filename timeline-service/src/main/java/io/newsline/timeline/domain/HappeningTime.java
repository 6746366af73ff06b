package io.newsline.timeline.domain;

import io.newsline.contracts.model.EventSignature;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When, within a day or across midnight, a report places a happening, as spans of local time: a clock time
 * ("around 00:40") give or take {@link #CLOCK_SLACK_MINUTES}, a part of the day ("in the evening"), or the
 * whole day when the text gives no time. Two reports can be of one happening when their spans meet.
 *
 * <p>Each report has two sets of spans. {@link #stated} is what it says. {@link #possible} adds what a
 * reader cannot rule out when outlets date one night differently: a report without a time may be of the
 * night before its day or the night after, and "overnight" on a day may be the night into it or the night
 * out of it. The merge rule allows the wider spans only for reports published close together, as outlets
 * date an overnight strike by either night while strikes on two nights are reported a day apart.
 */
record HappeningTime(boolean timed, List<Span> stated, List<Span> possible) {

    /** Outlets round a clock time and report the first or the last blast of a wave: this much either way. */
    static final int CLOCK_SLACK_MINUTES = 45;
    private static final int DAY = 24 * 60;

    /**
     * The parts of a day as minutes from the report's midnight. Neighbouring parts overlap by an hour (a
     * strike at half past noon is "morning" to one outlet and "afternoon" to another). Night is the small
     * hours of the day, as in "overnight into Saturday"; the evening before is only a possible reading
     * ({@link #NIGHT_POSSIBLE}), so an undated report of the day before does not meet it unless the two
     * were published close together.
     */
    private static final Map<String, Span> PARTS = Map.of(
            "night", new Span(0, 6 * 60),
            "morning", new Span(5 * 60, 12 * 60 + 30),
            "afternoon", new Span(11 * 60 + 30, 18 * 60),
            "evening", new Span(17 * 60, DAY));
    /** A night dated by the day it ends on, or by the day it begins on ("on the night of the 24th"). */
    private static final List<Span> NIGHT_POSSIBLE = List.of(new Span(-3 * 60, 6 * 60), new Span(DAY - 3 * 60, DAY + 6 * 60));
    /**
     * "This morning" in a report written that morning covers the small hours too ("early this morning, at
     * 1 a.m."), so a morning may be the night before it to a reader of reports published close together.
     */
    private static final Span MORNING_POSSIBLE = new Span(0, 12 * 60 + 30);
    /** A day without a time, widened to the evening before and the early morning after. */
    private static final Span WHOLE_DAY_WIDENED = new Span(-5 * 60, DAY + 9 * 60);

    /** Minutes on a local time axis whose zero is 1970-01-01 00:00, from inclusive, to exclusive. */
    record Span(long from, long to) {
        boolean meets(Span other) {
            return from < other.to && other.from < to;
        }

        boolean contains(long minute) {
            return from <= minute && minute < to;
        }

        Span shift(long minutes) {
            return new Span(from + minutes, to + minutes);
        }
    }

    /** The spans of a report dated {@code first}..{@code last} (days) with what its signature says of the time. */
    static HappeningTime of(LocalDate first, LocalDate last, EventSignature signature) {
        long day = first.toEpochDay() * DAY;
        Span wholeDays = new Span(day, (last.toEpochDay() + 1) * DAY);
        if (!first.equals(last)) {
            // A range of days: the time of day of a span of days says nothing that can be compared.
            return new HappeningTime(false, List.of(wholeDays),
                    List.of(new Span(wholeDays.from() + WHOLE_DAY_WIDENED.from(),
                            wholeDays.to() - DAY + WHOLE_DAY_WIDENED.to())));
        }
        Span clock = signature == null ? null : clock(signature.time(), signature.timeEnd());
        if (clock != null) {
            Span at = clock.shift(day);
            return new HappeningTime(true, List.of(at), List.of(at));
        }
        Span part = signature == null || signature.timeOfDay() == null ? null
                : PARTS.get(signature.timeOfDay().toLowerCase(Locale.ROOT));
        if (part == null) {
            return new HappeningTime(false, List.of(wholeDays), List.of(WHOLE_DAY_WIDENED.shift(day)));
        }
        if (part == PARTS.get("night")) {
            return new HappeningTime(true, List.of(part.shift(day)),
                    NIGHT_POSSIBLE.stream().map(s -> s.shift(day)).toList());
        }
        Span possible = part == PARTS.get("morning") ? MORNING_POSSIBLE : part;
        return new HappeningTime(true, List.of(part.shift(day)), List.of(possible.shift(day)));
    }

    /** "HH:mm", or a range "HH:mm".."HH:mm" (an end before the start runs past midnight), with the slack. */
    private static Span clock(String time, String timeEnd) {
        Integer start = minutes(time);
        if (start == null) {
            return null;
        }
        Integer end = minutes(timeEnd);
        int last = end == null ? start : end < start ? end + DAY : end;
        return new Span(start - CLOCK_SLACK_MINUTES, last + CLOCK_SLACK_MINUTES);
    }

    private static Integer minutes(String hhmm) {
        if (hhmm == null || hhmm.isBlank()) {
            return null;
        }
        try {
            LocalTime t = LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
            return t.getHour() * 60 + t.getMinute();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Whether what the two reports say of the time lets them be one moment. */
    boolean statedMeets(HappeningTime other) {
        return anyMeet(stated, other.stated);
    }

    /**
     * Whether both give a time and each puts the happening where the other does: the middle of one's span
     * lies in the other's. "Evening" and "19:10" agree; "afternoon" and "evening" only do not rule each other out.
     */
    boolean agrees(HappeningTime other) {
        if (!timed || !other.timed) {
            return false;
        }
        for (Span x : stated) {
            for (Span y : other.stated) {
                if (x.contains((y.from + y.to) / 2) || y.contains((x.from + x.to) / 2)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether they can be one moment once a night's or a day's dating is allowed to differ. */
    boolean possiblyMeets(HappeningTime other) {
        return anyMeet(possible, other.possible);
    }

    private static boolean anyMeet(List<Span> a, List<Span> b) {
        for (Span x : a) {
            for (Span y : b) {
                if (x.meets(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How the report places it in the day, for an explanation: "00:40", "night", or null without a time. */
    static String describe(EventSignature signature) {
        if (signature == null) {
            return null;
        }
        if (signature.time() != null) {
            return signature.timeEnd() != null ? signature.time() + "–" + signature.timeEnd() : signature.time();
        }
        return signature.timeOfDay();
    }
}
