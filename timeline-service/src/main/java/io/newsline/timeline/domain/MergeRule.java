package io.newsline.timeline.domain;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * When two reports are of the same happening: compatible types, the same or a nearby place at the
 * same level (a town is never merged with a region), and dates of the same precision that overlap.
 * Deliberately strict: two strikes on one city days apart must stay two events.
 *
 * @param maxDistanceKm       how far apart two town-level places may lie and still be one place
 * @param dayTolerance        how many days apart two day-precise dates may lie (0: they must overlap)
 * @param adjacentDayWithin   day-precise dates one day apart still match when the two reports were
 *                            published at most this long apart: outlets date an overnight strike by
 *                            either night; strikes on two nights are reported a day apart
 * @param disputeWindow       two outlets' figures published at most this far apart are one moment's
 *                            view, so if they differ the event is disputed; further apart, a higher
 *                            later figure is a toll that rose (see {@link #DISPUTE_WINDOW})
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

    /**
     * What a report says about when, where and what: the part of an event the rule looks at.
     * {@code published} holds when its sources were published (any that are known).
     */
    public record Report(EventType type, String date, String dateEnd, DatePrecision precision, EventLocation location,
            List<Instant> published) {
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

    /** Same precision and overlapping periods (day-precise dates within {@link #dayTolerance} days). */
    public boolean datesOverlap(Report a, Report b) {
        if (a.date() == null || b.date() == null || a.effectivePrecision() != b.effectivePrecision()) {
            return false;
        }
        boolean day = a.effectivePrecision() == DatePrecision.DAY;
        int slack = day ? dayTolerance : 0;
        if (!a.end().plusDays(slack).isBefore(b.start()) && !b.end().plusDays(slack).isBefore(a.start())) {
            return true;
        }
        boolean adjacent = day && (a.end().plusDays(1).equals(b.start()) || b.end().plusDays(1).equals(a.start()));
        return adjacent && publishedClose(a.published(), b.published());
    }

    private boolean publishedClose(List<Instant> a, List<Instant> b) {
        for (Instant x : a) {
            for (Instant y : b) {
                if (Duration.between(x, y).abs().compareTo(adjacentDayWithin) <= 0) {
                    return true;
                }
            }
        }
        return false;
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
                if (a.lat() != null && a.lon() != null && b.lat() != null && b.lon() != null) {
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

    /** Whether two reports are of one happening. */
    public boolean sameHappening(Report a, Report b) {
        return typesCompatible(a.type(), b.type()) && datesOverlap(a, b)
                && placeDistance(a.location(), b.location()).isPresent();
    }

    /** How close a match is; smaller is closer. Used to pick among several matching events. */
    public double closeness(Report a, Report b) {
        double km = placeDistance(a.location(), b.location()).orElse(Double.MAX_VALUE);
        return km + 100.0 * Math.abs(ChronoUnit.DAYS.between(a.start(), b.start()));
    }

    private enum Level { TOWN, REGION, COUNTRY }

    private static Level level(EventLocation l) {
        if (Place.REGION.equals(l.precision())) {
            return Level.REGION;
        }
        return Place.COUNTRY.equals(l.precision()) ? Level.COUNTRY : Level.TOWN;
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
