package io.newsline.timeline.domain;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.TimelineEvent;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the merger finds the events of the timeline it does not hold in its working set: the timeline index
 * (which lags behind what the merger has just written, see {@link WorkingSet}). One merger thread asks.
 */
public interface CandidateSource {

    /**
     * The neighbourhood of a report in which every event the rule could merge it with lies: the same one
     * {@link PeriodIndex} and {@link PlaceKeys} give, written as an index query. An event is in it when it is
     * live, is filed under one of {@code placeKeys} ({@link PlaceKeys#filedByName}) or, when {@code lat} is
     * given, lies within {@code km} of that point, and its day range meets [{@code from}, {@code to}] or, when
     * {@code longDayRanges}, it is a day-precise range longer than {@link PeriodIndex#LONG_RANGE_DAYS}.
     * A query may find more than this; the rule decides.
     */
    record Neighbourhood(LocalDate from, LocalDate to, boolean longDayRanges, List<String> placeKeys, Double lat,
            Double lon, double km) {

        /** The neighbourhood of a report, {@code padDays} widened for day-precise dates; null when it has none. */
        public static Neighbourhood of(String date, String dateEnd, DatePrecision precision, int padDays, EventType type,
                EventLocation location, double maxDistanceKm) {
            if (date == null || location == null) {
                return null;
            }
            LocalDate start = EventDates.firstDay(date);
            LocalDate end = EventDates.lastDay(date, dateEnd);
            LocalDate from;
            LocalDate to;
            boolean longOnes = false;
            switch (precision != null ? precision : EventDates.precisionOf(date)) {
                case DAY -> {
                    long span = Math.min(end.toEpochDay() - start.toEpochDay(), PeriodIndex.LONGEST_SCAN_DAYS);
                    from = start.minusDays(padDays);
                    to = start.plusDays(span + padDays);
                    longOnes = padDays > 0 || end.toEpochDay() - start.toEpochDay() > PeriodIndex.LONG_RANGE_DAYS;
                }
                case MONTH -> {
                    from = YearMonth.from(start).atDay(1);
                    to = YearMonth.from(end).atEndOfMonth();
                }
                default -> {
                    from = LocalDate.of(start.getYear(), 1, 1);
                    to = LocalDate.of(end.getYear(), 12, 31);
                }
            }
            List<String> keys = PlaceKeys.soughtByName(type, location);
            boolean byDistance = PlaceKeys.placedByDistance(location);
            if (keys.isEmpty() && !byDistance) {
                return null;
            }
            return new Neighbourhood(from, to, longOnes, keys, byDistance ? location.lat() : null,
                    byDistance ? location.lon() : null, maxDistanceKm);
        }
    }

    /** What the index files an event under for {@link Neighbourhood} queries. */
    record Filing(List<String> placeKeys, boolean longDayRange) {

        public static Filing of(TimelineEvent e) {
            return new Filing(PlaceKeys.filedByName(e.type(), e.location()),
                    PeriodIndex.longDayRange(e.date(), e.dateEnd(), e.datePrecision()));
        }
    }

    /**
     * Calls {@code hit} with the id of every live event the source finds in the neighbourhood and a way to read
     * what the rule compares of it, valid during the call only (read only when asked: the working set may hold a
     * newer version).
     */
    void near(Neighbourhood where, Hit hit);

    /** The live event of this id as the source holds it, or null when it holds none. */
    TimelineEvent read(String id);

    /** Whether the source holds this record already: this revision of a live event (or a later), or this removal. */
    boolean shows(TimelineEvent record);

    /** Whether an event of the source names this article among its sources or references. */
    boolean folded(String articleId);

    /** What {@link #near} hands over for each event it finds. */
    @FunctionalInterface
    interface Hit {
        void found(String id, Supplier<RuleView> view);
    }
}
