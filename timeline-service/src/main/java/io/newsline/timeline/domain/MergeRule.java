package io.newsline.timeline.domain;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSignature;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * When two reports are of the same happening: compatible types, the same or a nearby place at the
 * same level (a town is never merged with a region), dates of the same precision that overlap, times of
 * day that can be one moment, and nothing in what they say of the target, weapon or district that tells
 * them apart ({@link SignatureRule}). Deliberately strict: two strikes on one city days apart, or on one
 * day at different hours or on different targets, stay two events.
 *
 * @param maxDistanceKm       how far apart two town-level places may lie and still be one place
 * @param dayTolerance        how many days apart two day-precise dates without a time may lie (0: they must overlap)
 * @param adjacentDayWithin   reports dated a day apart (or a night's two readings) still match when they were
 *                            published at most this long apart: outlets date an overnight strike by either
 *                            night; strikes on two nights are reported a day apart. Each must also have been
 *                            published within this long after the day it gives (a later recollection is not
 *                            one of the night's readings)
 * @param disputeWindow       two outlets' figures published at most this far apart are one moment's view, so if
 *                            they differ the event is disputed; further apart, a higher later figure is a toll
 *                            that rose (see {@link #DISPUTE_WINDOW})
 */
public record MergeRule(double maxDistanceKm, int dayTolerance, Duration adjacentDayWithin, Duration disputeWindow) {

    /**
     * Tolls rise for hours after a strike or a disaster as rescuers work; reports this close together
     * were written knowing much the same, so differing figures between them are a real disagreement.
     */
    public static final Duration DISPUTE_WINDOW = Duration.ofHours(3);

    public static final MergeRule DEFAULT = new MergeRule(25.0, 0, Duration.ofHours(18), DISPUTE_WINDOW);

    /** The rule with the default {@link #DISPUTE_WINDOW}. */
    public MergeRule(double maxDistanceKm, int dayTolerance, Duration adjacentDayWithin) {
        this(maxDistanceKm, dayTolerance, adjacentDayWithin, DISPUTE_WINDOW);
    }

    /** One source's account of a happening: the dates it gives, its details, and when it was published. */
    public record Account(String date, String dateEnd, EventSignature signature, Publication published) {}

    /**
     * What a report (or an event, through its sources) says about when, where and what: the part of an
     * event the rule looks at. {@code accounts} holds one entry per source.
     */
    public record Report(EventType type, String date, String dateEnd, DatePrecision precision, EventLocation location,
            List<Account> accounts) {
        LocalDate start() {
            return EventDates.firstDay(date);
        }

        LocalDate end() {
            return EventDates.lastDay(date, dateEnd);
        }

        DatePrecision effectivePrecision() {
            return precision != null ? precision : EventDates.precisionOf(date);
        }
    }

    /**
     * The rule's answer for two reports: whether they are one happening, how many details they agree on
     * and how close they are (to choose among several matches), and why, in words.
     */
    public record Match(boolean same, int agreements, double closeness, String why) {
        static Match no(String why) {
            return new Match(false, 0, Double.MAX_VALUE, why);
        }
    }

    private static final Set<EventType> STRIKES = EnumSet.of(EventType.AIR_STRIKE, EventType.MISSILE_STRIKE,
            EventType.DRONE_STRIKE, EventType.SHELLING, EventType.EXPLOSION, EventType.ATTACK_ON_CIVILIANS);
    private static final List<Set<EventType>> GROUPS = List.of(
            STRIKES,
            EnumSet.of(EventType.GROUND_ASSAULT, EventType.TERRITORY_CAPTURE),
            EnumSet.of(EventType.PROTEST, EventType.RIOT),
            EnumSet.of(EventType.DISASTER, EventType.EXPLOSION),
            EnumSet.of(EventType.CRIME, EventType.ATTACK_ON_CIVILIANS));
    /** A bare toll is the outcome of some violent happening, so it joins any of those. */
    private static final Set<EventType> TOLL_COMPATIBLE = EnumSet.of(EventType.AIR_STRIKE, EventType.MISSILE_STRIKE,
            EventType.DRONE_STRIKE, EventType.SHELLING, EventType.EXPLOSION, EventType.ATTACK_ON_CIVILIANS,
            EventType.GROUND_ASSAULT, EventType.TERRITORY_CAPTURE, EventType.CRIME, EventType.DISASTER,
            EventType.RIOT, EventType.CASUALTY_REPORT);

    /** Types that can describe one happening; OTHER says too little to merge on. */
    public boolean typesCompatible(EventType a, EventType b) {
        if (a == null || b == null || a == EventType.OTHER || b == EventType.OTHER) {
            return false;
        }
        if (a == b) {
            return true;
        }
        if (a == EventType.CASUALTY_REPORT || b == EventType.CASUALTY_REPORT) {
            return TOLL_COMPATIBLE.contains(a) && TOLL_COMPATIBLE.contains(b);
        }
        return GROUPS.stream().anyMatch(g -> g.contains(a) && g.contains(b));
    }

    /**
     * A fire, a collapse or another disaster at the same target as a strike of the same place and day is
     * that strike: early reports tell what the rescuers face ("a fire broke out at the hypermarket") before
     * they tell what caused it.
     */
    private static boolean disasterOfStrike(EventType a, EventType b) {
        return a == EventType.DISASTER && STRIKES.contains(b) || b == EventType.DISASTER && STRIKES.contains(a);
    }

    /** The type an event takes when a report of {@code incoming} joins one of {@code current}: the more telling. */
    static EventType moreSpecific(EventType current, EventType incoming) {
        if (incoming == null) {
            return current;
        }
        boolean strikeCausedIt = current == EventType.DISASTER && STRIKES.contains(incoming);
        return current == EventType.CASUALTY_REPORT || strikeCausedIt ? incoming : current;
    }

    /**
     * Earthquakes, floods and storms strike an area, and outlets place one by its country or province as
     * often as by the town nearest its centre; so for them a town is one place with the region or country
     * it lies in. Strikes and other happenings at a point keep the levels apart: a count for a whole
     * region is not one town's strike.
     */
    private static OptionalDouble within(EventType type, EventLocation a, EventLocation b) {
        if (type != EventType.DISASTER || a == null || b == null) {
            return OptionalDouble.empty();
        }
        Level la = level(a);
        Level lb = level(b);
        if (la == lb) {
            return OptionalDouble.empty();
        }
        EventLocation coarse = la.ordinal() > lb.ordinal() ? a : b;
        EventLocation fine = coarse == a ? b : a;
        boolean sameCountry = coarse.countryCode() != null && coarse.countryCode().equalsIgnoreCase(fine.countryCode());
        if (!sameCountry) {
            return OptionalDouble.empty();
        }
        if (level(coarse) == Level.COUNTRY) {
            return OptionalDouble.of(0);
        }
        boolean inRegion = fine.admin1() != null
                && PlaceNames.regionStem(fine.admin1()).equals(PlaceNames.regionStem(coarse.name()));
        return inRegion ? OptionalDouble.of(0) : OptionalDouble.empty();
    }

    /** Whether two reports are of one happening. */
    public boolean sameHappening(Report a, Report b) {
        return match(a, b).same();
    }

    /** The rule applied to two reports, with its reasons. */
    public Match match(Report a, Report b) {
        boolean disaster = disasterOfStrike(a.type(), b.type());
        if (!typesCompatible(a.type(), b.type()) && !disaster) {
            return Match.no("kinds " + label(a.type()) + " and " + label(b.type()) + " differ");
        }
        OptionalDouble km = placeDistance(a.location(), b.location());
        boolean area = km.isEmpty() && a.type() == b.type();
        if (area) {
            km = within(a.type(), a.location(), b.location());
        }
        if (km.isEmpty()) {
            return Match.no("places differ");
        }
        List<String> why = new ArrayList<>();
        why.add(area ? "one area (" + same(a.location().name(), b.location().name()) + ": a " + label(a.type())
                + " covers an area)" : placeNote(a.location(), b.location(), km.getAsDouble()));
        if (!a.type().equals(b.type())) {
            why.add("kinds " + label(a.type()) + " ~ " + label(b.type()) + (disaster ? " at one target" : ""));
        }
        Details details = compareDetails(a, b, why);
        if (!details.same()) {
            return Match.no(details.whyNot());
        }
        if (disaster && details.target() != SignatureRule.Verdict.AGREE) {
            return Match.no("kinds " + label(a.type()) + " and " + label(b.type()) + " differ, and no target is the same");
        }
        double closeness = km.getAsDouble() + 100.0 * Math.abs(ChronoUnit.DAYS.between(a.start(), b.start()));
        return new Match(true, details.agreements(), closeness, String.join("; ", why));
    }

    /**
     * Whether two events may be one happening as far as their times and details go, wherever they were
     * placed: a report that matches both shows their places are one, but not that a lyceum hit at night
     * and a hypermarket hit in the afternoon were one strike.
     */
    public boolean detailsCompatible(Report a, Report b) {
        boolean disaster = disasterOfStrike(a.type(), b.type());
        if (!typesCompatible(a.type(), b.type()) && !disaster) {
            return false;
        }
        Details details = compareDetails(a, b, new ArrayList<>());
        return details.same() && (!disaster || details.target() == SignatureRule.Verdict.AGREE);
    }

    /** What the dates, times and signatures of two reports say: whether they fit, on how much they agree, and why not. */
    private record Details(boolean same, int agreements, SignatureRule.Verdict target, String whyNot) {
        static Details no(String whyNot) {
            return new Details(false, 0, SignatureRule.Verdict.UNKNOWN, whyNot);
        }
    }

    private Details compareDetails(Report a, Report b, List<String> why) {
        if (a.date() == null || b.date() == null || a.effectivePrecision() != b.effectivePrecision()) {
            return Details.no("dates of different precision");
        }
        int agreements = 0;
        boolean timesAgree = false;
        if (a.effectivePrecision() == DatePrecision.DAY) {
            TimeVerdict time = times(a, b);
            if (!time.fits()) {
                return Details.no(time.note());
            }
            why.add(time.note());
            timesAgree = time.agreed();
            agreements += time.agreed() ? 1 : 0;
        } else if (a.end().isBefore(b.start()) || b.end().isBefore(a.start())) {
            return Details.no("periods do not overlap");
        } else {
            why.add("same period (" + a.date() + ")");
        }
        SignatureRule.Comparison c = SignatureRule.compare(signatures(a), signatures(b), timesAgree);
        if (c.apart(timesAgree)) {
            return Details.no(String.join("; ", c.notes()));
        }
        why.addAll(c.notes());
        return new Details(true, agreements + c.agreements(), c.target(), null);
    }

    private static List<EventSignature> signatures(Report r) {
        List<EventSignature> out = new ArrayList<>();
        String town = r.location() == null ? null : r.location().name();
        r.accounts().forEach(x -> out.add(SignatureRule.withoutTownsDistrict(x.signature(), town)));
        return out.isEmpty() ? Collections.singletonList(null) : out;
    }

    /** What the times of two day-precise reports say: whether they fit, whether both gave one that agreed, and why. */
    private record TimeVerdict(boolean fits, boolean agreed, String note) {}

    /**
     * Every account of one report must be able to be the same moment as every account of the other, and
     * at least one pair must be: on the day and time each states, or, for reports published within
     * {@link #adjacentDayWithin}, on the neighbouring night or day a reader cannot rule out.
     */
    private TimeVerdict times(Report a, Report b) {
        boolean fits = false;
        boolean agreed = false;
        String note = null;
        for (Account x : accounts(a)) {
            HappeningTime tx = timeOf(x, a);
            for (Account y : accounts(b)) {
                HappeningTime ty = timeOf(y, b);
                if (!tx.possiblyMeets(ty) && !withinTolerance(x, a, y, b)) {
                    return new TimeVerdict(false, false, "times differ (" + when(x, a) + " and " + when(y, b) + ")");
                }
                boolean close = publishedClose(x.published(), y.published()) && writtenThatNight(x, a)
                        && writtenThatNight(y, b);
                if (tx.statedMeets(ty) || withinTolerance(x, a, y, b)) {
                    fits = true;
                    if (tx.agrees(ty)) {
                        agreed = true;
                        note = "time " + same(when(x, a), when(y, b));
                    }
                } else if (close) {
                    fits = true;
                    note = note != null ? note : "dated " + same(when(x, a), when(y, b))
                            + ", published within " + adjacentDayWithin.toHours() + " h (one night read two ways)";
                }
            }
        }
        if (!fits) {
            return new TimeVerdict(false, false, "dated a day apart and published more than "
                    + adjacentDayWithin.toHours() + " h apart");
        }
        return new TimeVerdict(true, agreed, note != null ? note : "same day (" + a.date() + ")");
    }

    private static List<Account> accounts(Report r) {
        return r.accounts().isEmpty() ? List.of(new Account(r.date(), r.dateEnd(), null, null)) : r.accounts();
    }

    private static HappeningTime timeOf(Account x, Report r) {
        String date = x.date() != null ? x.date() : r.date();
        String dateEnd = x.date() != null ? x.dateEnd() : r.dateEnd();
        return HappeningTime.of(EventDates.firstDay(date), EventDates.lastDay(date, dateEnd), x.signature());
    }

    /** Untimed reports within the configured day tolerance of each other. */
    private boolean withinTolerance(Account x, Report a, Account y, Report b) {
        if (dayTolerance == 0 || timeOf(x, a).timed() || timeOf(y, b).timed()) {
            return false;
        }
        LocalDate xs = EventDates.firstDay(x.date() != null ? x.date() : a.date());
        LocalDate ys = EventDates.firstDay(y.date() != null ? y.date() : b.date());
        return Math.abs(ChronoUnit.DAYS.between(xs, ys)) <= dayTolerance;
    }

    private static String when(Account x, Report r) {
        String date = x.date() != null ? x.date() : r.date();
        String time = HappeningTime.describe(x.signature());
        return time == null ? date : date + " " + time;
    }

    /**
     * Whether an account was published soon enough after the day it gives to be one of a night's two
     * readings: an article that dates a strike two days before it appeared is recalling it, and its date
     * is no evidence that an overnight report of the next day was the same strike.
     */
    private boolean writtenThatNight(Account x, Report r) {
        String date = x.date() != null ? x.date() : r.date();
        if (x.published() == null || !EventDates.isValid(date)) {
            return false;
        }
        Instant dayOver = EventDates.lastDay(date).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return !x.published().from().isAfter(dayOver.plus(adjacentDayWithin));
    }

    private boolean publishedClose(Publication a, Publication b) {
        return a != null && b != null && a.gap(b).compareTo(adjacentDayWithin) <= 0;
    }

    /** How far apart two places are when they can be one place, in km (0 for the same place). */
    public OptionalDouble placeDistance(EventLocation a, EventLocation b) {
        if (a == null || b == null) {
            return OptionalDouble.empty();
        }
        if (a.geonameId() != null && a.geonameId().equals(b.geonameId())) {
            return OptionalDouble.of(0);
        }
        Level la = level(a);
        Level lb = level(b);
        if (la != lb) {
            return OptionalDouble.empty();
        }
        switch (la) {
            case TOWN -> {
                if (geocoded(a) && geocoded(b)) {
                    double km = kilometres(a.lat(), a.lon(), b.lat(), b.lon());
                    return km <= maxDistanceKm ? OptionalDouble.of(km) : OptionalDouble.empty();
                }
                boolean sameName = !PlaceNames.normalize(a.name()).isEmpty()
                        && PlaceNames.normalize(a.name()).equals(PlaceNames.normalize(b.name()));
                return sameName ? OptionalDouble.of(0) : OptionalDouble.empty();
            }
            case REGION -> {
                boolean same = PlaceNames.regionStem(a.name()).equals(PlaceNames.regionStem(b.name()))
                        && (a.countryCode() == null || a.countryCode().equalsIgnoreCase(b.countryCode()));
                return same ? OptionalDouble.of(0) : OptionalDouble.empty();
            }
            default -> {
                boolean same = a.countryCode() != null && a.countryCode().equalsIgnoreCase(b.countryCode());
                return same ? OptionalDouble.of(0) : OptionalDouble.empty();
            }
        }
    }

    private static String placeNote(EventLocation a, EventLocation b, double km) {
        String names = same(a.name(), b.name());
        return km < 0.5 ? "same place (" + names + ")" : String.format(Locale.ROOT, "places %s %.0f km apart", names, km);
    }

    private static String same(String a, String b) {
        return a == null || a.equals(b) ? String.valueOf(a) : a + " ~ " + b;
    }

    private static String label(EventType type) {
        return type == null ? "none" : type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The levels places are compared at: a town (or any point), a first-level region, a country. */
    enum Level { TOWN, REGION, COUNTRY }

    static Level level(EventLocation l) {
        if (Place.REGION.equals(l.precision())) {
            return Level.REGION;
        }
        return Place.COUNTRY.equals(l.precision()) ? Level.COUNTRY : Level.TOWN;
    }

    /**
     * Whether a place has coordinates on the globe; one without (or with a latitude beyond a pole) is
     * compared by its name.
     */
    static boolean geocoded(EventLocation l) {
        return l.lat() != null && l.lon() != null && Math.abs(l.lat()) <= 90 && Math.abs(l.lon()) <= 180;
    }

    /** Great-circle distance on a spherical Earth; plenty for "is it the same town". */
    public static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
