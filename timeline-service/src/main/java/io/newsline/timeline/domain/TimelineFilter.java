package io.newsline.timeline.domain;

import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.contracts.model.TimelineStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an analyst asked to see: the filters of {@code GET /api/timeline}, of the stream and of a watch.
 * {@link #parse} reads them from query text and names every bad one in a {@link BadFilterException}.
 *
 * @param near      events within this many kilometres of a point (events without coordinates never match)
 * @param minKilled events whose killed figure is at least this (events without one never match)
 * @param q         full text as the client typed it; {@code queryWords} its words ({@link SearchWords})
 */
public record TimelineFilter(
        LocalDate from,
        LocalDate to,
        String place,
        Set<EventType> types,
        String entity,
        double[] bbox,
        Set<TimelineStatus> statuses,
        PlaceQuery placeQuery,
        List<String> entityWords,
        Near near,
        Integer minKilled,
        String q,
        List<String> queryWords) {

    public static final TimelineFilter NONE = new TimelineFilter(null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** The largest radius of {@code near}: half the Earth's circumference, beyond which every place is near. */
    public static final double MAX_NEAR_KM = 20_000;

    /** A circle on the map: a point and a radius in kilometres. */
    public record Near(double lat, double lon, double km) {

        /**
         * Checks a circle given by parts; each bad part is added to {@code bad} under {@code field} + ".lat",
         * ".lon" or ".km". Null when one is bad.
         */
        public static Near of(Double lat, Double lon, Double km, String field, List<Violation> bad) {
            int before = bad.size();
            if (lat == null || !Double.isFinite(lat) || Math.abs(lat) > 90) {
                bad.add(new Violation(field + ".lat", "must be a latitude in [-90, 90]"));
            }
            if (lon == null || !Double.isFinite(lon) || Math.abs(lon) > 180) {
                bad.add(new Violation(field + ".lon", "must be a longitude in [-180, 180]"));
            }
            if (km == null || !Double.isFinite(km) || km <= 0 || km > MAX_NEAR_KM) {
                bad.add(new Violation(field + ".km", "must be a radius in kilometres, above 0 and at most "
                        + (int) MAX_NEAR_KM));
            }
            return bad.size() == before ? new Near(lat, lon, km) : null;
        }

        /** Reads {@code lat,lon,km} as a query gives it. */
        static Near parse(String text, List<Violation> bad) {
            String[] parts = text.split(",");
            if (parts.length != 3) {
                bad.add(new Violation("near", "must be lat,lon,km"));
                return null;
            }
            Double[] n = new Double[3];
            for (int i = 0; i < 3; i++) {
                try {
                    n[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    bad.add(new Violation("near", "must be three numbers lat,lon,km"));
                    return null;
                }
            }
            return of(n[0], n[1], n[2], "near", bad);
        }

        boolean contains(EventLocation l) {
            return l != null && l.lat() != null && l.lon() != null
                    && MergeRule.kilometres(lat, lon, l.lat(), l.lon()) <= km;
        }
    }

    /** A place filter read once, so matching thousands of events does not re-read it each time. */
    public record PlaceQuery(Long geonameId, String name, String regionStem, boolean namesRegion, String countryCode) {
        static PlaceQuery of(String q) {
            if (q.chars().allMatch(Character::isDigit)) {
                try {
                    return new PlaceQuery(Long.parseLong(q), null, null, false, null);
                } catch (NumberFormatException tooLong) {
                    return new PlaceQuery(-1L, null, null, false, null);
                }
            }
            return new PlaceQuery(null, PlaceNames.normalize(q), PlaceNames.regionStem(q), PlaceNames.namesRegion(q),
                    PlaceNames.countryCode(q));
        }
    }

    /** Whether no filter is set: every event passes. */
    public boolean isEmpty() {
        return from == null && to == null && place == null && types == null && entity == null && bbox == null
                && statuses == null && near == null && minKilled == null && q == null;
    }

    /** One filter a client got wrong, and why. */
    public record Violation(String field, String message) {}

    /** Thrown when one or more filters cannot be read; carries each bad field. */
    public static final class BadFilterException extends RuntimeException {
        private final List<Violation> violations;

        public BadFilterException(List<Violation> violations) {
            super(violations.stream().map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b)
                    .orElse("bad filter"));
            this.violations = List.copyOf(violations);
        }

        public List<Violation> violations() {
            return violations;
        }
    }

    /** Reads filters as clients send them; blank means absent. */
    public static TimelineFilter parse(String from, String to, String place, String type, String entity,
            String bbox, String status) {
        return parse(from, to, place, type, entity, bbox, status, null, null);
    }

    /** The same, with {@code near} as {@code lat,lon,km} and {@code minKilled} as a whole number. */
    public static TimelineFilter parse(String from, String to, String place, String type, String entity,
            String bbox, String status, String near, String minKilled) {
        return parse(from, to, place, type, entity, bbox, status, near, minKilled, null);
    }

    /** The same, with {@code q}: full text, every word of it in the event (a word ending in {@code *}: a prefix). */
    public static TimelineFilter parse(String from, String to, String place, String type, String entity,
            String bbox, String status, String near, String minKilled, String q) {
        List<Violation> bad = new ArrayList<>();
        LocalDate fromDay = null;
        LocalDate toDay = null;
        if (present(from)) {
            if (EventDates.isValid(from.trim())) {
                fromDay = EventDates.firstDay(from.trim());
            } else {
                bad.add(new Violation("from", "must be a date YYYY-MM-DD, YYYY-MM or YYYY, got '" + clip(from) + "'"));
            }
        }
        if (present(to)) {
            if (EventDates.isValid(to.trim())) {
                toDay = EventDates.lastDay(to.trim());
            } else {
                bad.add(new Violation("to", "must be a date YYYY-MM-DD, YYYY-MM or YYYY, got '" + clip(to) + "'"));
            }
        }
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            bad.add(new Violation("to", "must not be before 'from'"));
        }
        Set<EventType> types = null;
        if (present(type)) {
            types = EnumSet.noneOf(EventType.class);
            for (String t : type.split(",")) {
                String name = t.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
                try {
                    types.add(EventType.valueOf(name));
                } catch (IllegalArgumentException e) {
                    bad.add(new Violation("type", "unknown event type '" + clip(t.trim()) + "'; one of "
                            + Arrays.toString(EventType.values())));
                }
            }
        }
        double[] box = null;
        if (present(bbox)) {
            box = parseBbox(bbox, bad);
        }
        Set<TimelineStatus> statuses = null;
        if (present(status)) {
            statuses = EnumSet.noneOf(TimelineStatus.class);
            for (String s : status.split(",")) {
                try {
                    statuses.add(TimelineStatus.parse(s.trim()));
                } catch (IllegalArgumentException e) {
                    bad.add(new Violation("status", "unknown status '" + clip(s.trim())
                            + "'; one of single-source, corroborated, disputed"));
                }
            }
        }
        if (present(place) && place.length() > 200) {
            bad.add(new Violation("place", "must be at most 200 characters"));
        }
        if (present(entity) && entity.length() > 200) {
            bad.add(new Violation("entity", "must be at most 200 characters"));
        }
        List<String> words = null;
        if (present(q)) {
            words = SearchWords.query(q);
            if (q.length() > 200) {
                bad.add(new Violation("q", "must be at most 200 characters"));
            } else if (words.isEmpty()) {
                bad.add(new Violation("q", "must contain a word (letters or digits)"));
            }
        }
        Near circle = present(near) ? Near.parse(near, bad) : null;
        Integer killed = null;
        if (present(minKilled)) {
            try {
                killed = Integer.parseInt(minKilled.trim());
                if (killed < 0) {
                    bad.add(new Violation("minKilled", "must not be negative"));
                }
            } catch (NumberFormatException e) {
                bad.add(new Violation("minKilled", "must be a whole number, got '" + clip(minKilled) + "'"));
            }
        }
        if (!bad.isEmpty()) {
            throw new BadFilterException(bad);
        }
        String placeText = present(place) ? place.trim() : null;
        String entityText = present(entity) ? entity.trim() : null;
        return new TimelineFilter(fromDay, toDay, placeText, types, entityText, box, statuses,
                placeText == null ? null : PlaceQuery.of(placeText),
                entityText == null ? null : List.of(PlaceNames.normalize(entityText).split(" ")), circle, killed,
                words == null ? null : q.trim(), words);
    }

    /** The same filters, and only events within this circle (null: anywhere). */
    public TimelineFilter withNear(Near circle) {
        return new TimelineFilter(from, to, place, types, entity, bbox, statuses, placeQuery, entityWords, circle,
                minKilled, q, queryWords);
    }

    /** The same filters, and only events with at least this many killed (null: any). */
    public TimelineFilter withMinKilled(Integer killed) {
        return new TimelineFilter(from, to, place, types, entity, bbox, statuses, placeQuery, entityWords, near,
                killed, q, queryWords);
    }

    private static double[] parseBbox(String text, List<Violation> bad) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            bad.add(new Violation("bbox", "must be minLon,minLat,maxLon,maxLat"));
            return null;
        }
        double[] box = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                box[i] = Double.parseDouble(parts[i].trim());
                if (!Double.isFinite(box[i])) {
                    throw new NumberFormatException();
                }
            }
        } catch (NumberFormatException e) {
            bad.add(new Violation("bbox", "must be four numbers minLon,minLat,maxLon,maxLat"));
            return null;
        }
        if (Math.abs(box[0]) > 180 || Math.abs(box[2]) > 180) {
            bad.add(new Violation("bbox", "longitudes must lie in [-180, 180]"));
        } else if (Math.abs(box[1]) > 90 || Math.abs(box[3]) > 90) {
            bad.add(new Violation("bbox", "latitudes must lie in [-90, 90]"));
        } else if (box[1] > box[3]) {
            bad.add(new Violation("bbox", "minLat must not exceed maxLat"));
        } else {
            return box;
        }
        return null;
    }

    /** Whether an event passes every filter; {@code regions} answers which region a GeoNames id names. */
    public boolean matches(TimelineEvent e, KnownRegions regions) {
        if (e == null || e.isRemoved()) {
            return false;
        }
        if (from != null && EventDates.lastDay(e.date(), e.dateEnd()).isBefore(from)) {
            return false;
        }
        if (to != null && EventDates.firstDay(e.date()).isAfter(to)) {
            return false;
        }
        if (types != null && !types.contains(e.type())) {
            return false;
        }
        if (statuses != null && !statuses.contains(e.status())) {
            return false;
        }
        if (bbox != null && !inBox(e.location())) {
            return false;
        }
        if (entity != null && !mentionsEntity(e.entities())) {
            return false;
        }
        if (minKilled != null && (e.killed() == null || e.killed() < minKilled)) {
            return false;
        }
        if (near != null && !near.contains(e.location())) {
            return false;
        }
        if (queryWords != null && !SearchWords.matches(SearchWords.of(e), queryWords)) {
            return false;
        }
        return place == null || isAt(e.location(), regions);
    }

    private boolean inBox(EventLocation l) {
        if (l == null || l.lat() == null || l.lon() == null) {
            return false;
        }
        boolean lat = l.lat() >= bbox[1] && l.lat() <= bbox[3];
        // A box whose west edge lies east of its east edge crosses the antimeridian.
        boolean lon = bbox[0] <= bbox[2] ? l.lon() >= bbox[0] && l.lon() <= bbox[2]
                : l.lon() >= bbox[0] || l.lon() <= bbox[2];
        return lat && lon;
    }

    private boolean mentionsEntity(List<String> entities) {
        if (entities == null) {
            return false;
        }
        for (String name : entities) {
            // Every word of the query is a word of the name: "Zelensky" finds "Volodymyr Zelensky".
            if (List.of(PlaceNames.normalize(name).split(" ")).containsAll(entityWords)) {
                return true;
            }
        }
        return false;
    }

    private boolean isAt(EventLocation l, KnownRegions regions) {
        if (l == null) {
            return false;
        }
        PlaceQuery q = placeQuery;
        if (q.geonameId() != null) {
            if (l.geonameId() != null && l.geonameId().longValue() == q.geonameId()) {
                return true;
            }
            KnownRegions.Region region = regions.byGeonameId(q.geonameId());
            return region != null && region.contains(l);
        }
        if (q.name().equals(PlaceNames.normalize(l.name()))) {
            return true;
        }
        if (l.admin1() != null && (q.name().equals(PlaceNames.normalize(l.admin1()))
                || q.namesRegion() && q.regionStem().equals(PlaceNames.regionStem(l.admin1())))) {
            return true;
        }
        return q.countryCode() != null && q.countryCode().equalsIgnoreCase(l.countryCode());
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
