package io.newsline.timeline.watch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.timeline.domain.TimelineFilter;
import io.newsline.timeline.domain.TimelineFilter.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A watch's filter as its owner gave it: every filter of {@code GET /api/timeline} (text as in the query, or a
 * list for {@code type}, {@code status} and {@code bbox}), plus {@code near} and {@code minKilled}. Kept as
 * given, so it reads back the same; {@link #toTimelineFilter()} is what matches events. {@code q} is the full text
 * of {@code GET /api/timeline?q=}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WatchFilter(String from, String to, String place, List<String> type, String entity, List<Double> bbox,
        List<String> status, TimelineFilter.Near near, Integer minKilled, String q) {

    private static final Set<String> FIELDS = Set.of("from", "to", "place", "type", "entity", "bbox", "status",
            "near", "minKilled", "q");

    /** A filter without full text. */
    public WatchFilter(String from, String to, String place, List<String> type, String entity, List<Double> bbox,
            List<String> status, TimelineFilter.Near near, Integer minKilled) {
        this(from, to, place, type, entity, bbox, status, near, minKilled, null);
    }

    /** Reads a filter object, adding each bad field to {@code bad} as {@code filter.<field>}; null when bad. */
    public static WatchFilter read(JsonNode node, List<Violation> bad) {
        if (node == null || node.isNull()) {
            node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            bad.add(new Violation("filter", "must be an object"));
            return null;
        }
        int before = bad.size();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                bad.add(new Violation("filter." + name, "is not a filter; filters are " + FIELDS.stream().sorted().toList()));
            }
        }
        String from = text(node, "from", bad);
        String to = text(node, "to", bad);
        String place = text(node, "place", bad);
        String entity = text(node, "entity", bad);
        String q = text(node, "q", bad);
        List<String> type = texts(node, "type", bad);
        List<String> status = texts(node, "status", bad);
        List<Double> bbox = numbers(node, "bbox", bad);
        TimelineFilter.Near near = null;
        JsonNode n = node.get("near");
        if (n != null && !n.isNull()) {
            if (!n.isObject()) {
                bad.add(new Violation("filter.near", "must be an object {lat, lon, km}"));
            } else {
                near = TimelineFilter.Near.of(number(n.get("lat")), number(n.get("lon")), number(n.get("km")),
                        "filter.near", bad);
            }
        }
        Integer minKilled = null;
        JsonNode k = node.get("minKilled");
        if (k != null && !k.isNull()) {
            if (!k.isIntegralNumber() || !k.canConvertToInt() || k.intValue() < 0) {
                bad.add(new Violation("filter.minKilled", "must be a whole number, 0 or more"));
            } else {
                minKilled = k.intValue();
            }
        }
        WatchFilter filter = new WatchFilter(from, to, place, type, entity, bbox, status, near, minKilled, q);
        try {
            filter.toTimelineFilter();
        } catch (TimelineFilter.BadFilterException e) {
            e.violations().forEach(v -> bad.add(new Violation("filter." + v.field(), v.message())));
        }
        return bad.size() == before ? filter : null;
    }

    /** The filter that matches events; throws {@link TimelineFilter.BadFilterException} for a filter never read. */
    public TimelineFilter toTimelineFilter() {
        return TimelineFilter.parse(from, to, place, joined(type), entity, joined(bbox), joined(status), null, null, q)
                .withNear(near).withMinKilled(minKilled);
    }

    private static String joined(List<?> parts) {
        return parts == null ? null : String.join(",", parts.stream().map(String::valueOf).toList());
    }

    private static String text(JsonNode node, String field, List<Violation> bad) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            bad.add(new Violation("filter." + field, "must be a string"));
            return null;
        }
        return v.textValue().isBlank() ? null : v.textValue().strip();
    }

    /** A list of strings, or one comma-separated string as the query takes it. */
    private static List<String> texts(JsonNode node, String field, List<Violation> bad) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (v.isTextual()) {
            for (String part : v.textValue().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        } else if (v.isArray()) {
            for (JsonNode item : v) {
                if (!item.isTextual()) {
                    bad.add(new Violation("filter." + field, "must be a list of strings"));
                    return null;
                }
                out.add(item.textValue().strip());
            }
        } else {
            bad.add(new Violation("filter." + field, "must be a string or a list of strings"));
            return null;
        }
        return out.isEmpty() ? null : List.copyOf(out);
    }

    /** {@code [minLon, minLat, maxLon, maxLat]}, or the query's comma-separated text. */
    private static List<Double> numbers(JsonNode node, String field, List<Violation> bad) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        List<Double> out = new ArrayList<>();
        try {
            if (v.isTextual()) {
                for (String part : v.textValue().split(",")) {
                    out.add(Double.parseDouble(part.strip()));
                }
            } else if (v.isArray()) {
                for (JsonNode item : v) {
                    if (!item.isNumber()) {
                        throw new NumberFormatException();
                    }
                    out.add(item.doubleValue());
                }
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            bad.add(new Violation("filter." + field, "must be four numbers [minLon, minLat, maxLon, maxLat]"));
            return null;
        }
        return List.copyOf(out);
    }

    private static Double number(JsonNode v) {
        return v != null && v.isNumber() ? v.doubleValue() : null;
    }
}
