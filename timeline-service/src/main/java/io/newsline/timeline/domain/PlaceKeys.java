package io.newsline.timeline.domain;

import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The place buckets an event is filed under and the buckets a report looks in, so that a report meets
 * only the events {@link MergeRule} could place with it, never a whole day's timeline. Every way the rule
 * lets two places be one has its bucket:
 * <ul>
 *   <li>the same GeoNames id, at any level: {@code G:<id>};</li>
 *   <li>two geocoded towns at most {@code maxDistanceKm} apart: cells of a latitude/longitude grid about that
 *       wide ({@code T:<row>:<column>}); a report looks in every cell a place that close can lie in;</li>
 *   <li>a town and a town without coordinates of the same name: {@code N:<name>} holds every town event,
 *       {@code n:<name>} the ones without coordinates;</li>
 *   <li>one region by name ({@code R:<stem>}), one country by code ({@code C:<code>});</li>
 *   <li>a disaster's town or region and the region or country it lies in: {@code DK:<country>} (disasters
 *       placed at a country), {@code DF:<country>} (at a town or region of it), {@code DR:<country>:<stem>}
 *       (at a region), {@code DT:<country>:<stem>} (at a town of that region).</li>
 * </ul>
 * A report placed only by its country still meets all of that country's country-level events (and, for a
 * disaster, every disaster in the country): that is what the rule compares it with.
 */
public final class PlaceKeys {

    private static final double EARTH_RADIUS_KM = 6371.0;
    /** Widens every bound a little, so rounding never leaves out a place exactly at the distance. */
    private static final double MARGIN = 1.001;

    private final double maxDistanceKm;
    /** The grid's cell size in degrees: 360 divided into a whole number of columns, so longitude wraps exactly. */
    private final double cellDegrees;
    private final int columns;
    private final int lastRow;

    PlaceKeys(double maxDistanceKm) {
        this.maxDistanceKm = Math.max(0, maxDistanceKm);
        double wanted = Math.max(0.01, Math.toDegrees(this.maxDistanceKm / EARTH_RADIUS_KM));
        this.columns = (int) Math.ceil(360.0 / wanted);
        this.cellDegrees = 360.0 / columns;
        this.lastRow = row(90);
    }

    /** The buckets an event of this type at this place is filed under. */
    List<String> filed(EventType type, EventLocation l) {
        List<String> keys = filedByName(type, l);
        if (l != null && MergeRule.level(l) == MergeRule.Level.TOWN && MergeRule.geocoded(l)) {
            keys.add(cell(row(l.lat()), column(l.lon())));
        }
        return keys;
    }

    /**
     * Every bucket {@link #filed} gives but the grid's cell: the ones that do not depend on
     * {@code max-distance-km}, which the timeline index keeps for the merger's look-ups (the index finds towns
     * within the distance by their coordinates instead).
     */
    public static List<String> filedByName(EventType type, EventLocation l) {
        List<String> keys = new ArrayList<>(4);
        if (l == null) {
            return keys;
        }
        if (l.geonameId() != null) {
            keys.add("G:" + l.geonameId());
        }
        String country = country(l);
        switch (MergeRule.level(l)) {
            case TOWN -> {
                String name = PlaceNames.normalize(l.name());
                if (!name.isEmpty()) {
                    keys.add("N:" + name);
                }
                if (!MergeRule.geocoded(l) && !name.isEmpty()) {
                    keys.add("n:" + name);
                }
                if (type == EventType.DISASTER && country != null) {
                    keys.add("DF:" + country);
                    if (l.admin1() != null) {
                        keys.add("DT:" + country + ":" + PlaceNames.regionStem(l.admin1()));
                    }
                }
            }
            case REGION -> {
                keys.add("R:" + PlaceNames.regionStem(l.name()));
                if (type == EventType.DISASTER && country != null) {
                    keys.add("DF:" + country);
                    keys.add("DR:" + country + ":" + PlaceNames.regionStem(l.name()));
                }
            }
            case COUNTRY -> {
                if (country != null) {
                    keys.add("C:" + country);
                    if (type == EventType.DISASTER) {
                        keys.add("DK:" + country);
                    }
                }
            }
        }
        return keys;
    }

    /** The buckets a report of this type at this place looks in: every event it could be placed with is in one. */
    List<String> sought(EventType type, EventLocation l) {
        List<String> keys = soughtByName(type, l);
        if (l != null && placedByDistance(l)) {
            cellsAround(l.lat(), l.lon(), keys);
        }
        return keys;
    }

    /** Whether the rule places this report by its distance to other towns (a town with coordinates). */
    public static boolean placedByDistance(EventLocation l) {
        return l != null && MergeRule.level(l) == MergeRule.Level.TOWN && MergeRule.geocoded(l);
    }

    /**
     * Every bucket {@link #sought} gives but the grid's cells: with the towns within {@code max-distance-km} of a
     * geocoded town ({@link #placedByDistance}), they are the events the rule could place with the report.
     */
    public static List<String> soughtByName(EventType type, EventLocation l) {
        List<String> keys = new ArrayList<>(8);
        if (l == null) {
            return keys;
        }
        if (l.geonameId() != null) {
            keys.add("G:" + l.geonameId());
        }
        String country = country(l);
        boolean disaster = type == EventType.DISASTER && country != null;
        switch (MergeRule.level(l)) {
            case TOWN -> {
                String name = PlaceNames.normalize(l.name());
                if (MergeRule.geocoded(l)) {
                    if (!name.isEmpty()) {
                        keys.add("n:" + name);
                    }
                } else if (!name.isEmpty()) {
                    keys.add("N:" + name);
                }
                if (disaster) {
                    keys.add("DK:" + country);
                    if (l.admin1() != null) {
                        keys.add("DR:" + country + ":" + PlaceNames.regionStem(l.admin1()));
                    }
                }
            }
            case REGION -> {
                keys.add("R:" + PlaceNames.regionStem(l.name()));
                if (disaster) {
                    keys.add("DK:" + country);
                    keys.add("DT:" + country + ":" + PlaceNames.regionStem(l.name()));
                }
            }
            case COUNTRY -> {
                if (country != null) {
                    keys.add("C:" + country);
                    if (disaster) {
                        keys.add("DF:" + country);
                    }
                }
            }
        }
        return keys;
    }

    /**
     * The cells any place within {@code maxDistanceKm} of the point can lie in. Two points that close are at
     * most d/R radians apart in latitude, and cos φ1 · cos φ2 · sin²(Δλ/2) ≤ sin²(d/2R) bounds their
     * difference in longitude, loosest at the latitude nearest a pole; near a pole every column is looked in.
     */
    private void cellsAround(double lat, double lon, List<String> keys) {
        double radians = maxDistanceKm / EARTH_RADIUS_KM * MARGIN;
        double dLat = Math.toDegrees(radians);
        double south = Math.max(-90, lat - dLat);
        double north = Math.min(90, lat + dLat);
        double coldest = Math.cos(Math.toRadians(Math.max(Math.abs(south), Math.abs(north))));
        double sine = Math.sin(Math.min(radians, Math.PI) / 2) / coldest;
        double dLon = coldest <= 0 || sine >= 1 ? 180 : Math.toDegrees(2 * Math.asin(sine)) * MARGIN;
        int firstColumn = (int) Math.floor((lon + 180 - dLon) / cellDegrees);
        int lastColumn = (int) Math.floor((lon + 180 + dLon) / cellDegrees);
        if (dLon >= 180 || lastColumn - firstColumn + 1 >= columns) {
            firstColumn = 0;
            lastColumn = columns - 1;
        }
        for (int r = Math.max(0, row(south)); r <= Math.min(lastRow, row(north)); r++) {
            for (int c = firstColumn; c <= lastColumn; c++) {
                keys.add(cell(r, Math.floorMod(c, columns)));
            }
        }
    }

    private int row(double lat) {
        return (int) Math.floor((lat + 90) / cellDegrees);
    }

    private int column(double lon) {
        return Math.floorMod((int) Math.floor((lon + 180) / cellDegrees), columns);
    }

    private static String cell(int row, int column) {
        return "T:" + row + ":" + column;
    }

    private static String country(EventLocation l) {
        return l.countryCode() == null ? null : l.countryCode().toUpperCase(Locale.ROOT);
    }
}
