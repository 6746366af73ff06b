package io.newsline.timeline.domain;

import io.newsline.contracts.model.EventReference;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.TimelineEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** What one record of an event changed against the one before it, as the readable lines of a {@link Revision}. */
final class RevisionDiff {

    private RevisionDiff() {}

    static List<String> changes(TimelineEvent before, TimelineEvent after) {
        if (before == null) {
            return List.of("created");
        }
        List<String> out = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (EventSource s : nullSafe(before.sources())) {
            known.add(s.articleId());
        }
        for (EventSource s : nullSafe(after.sources())) {
            if (!known.contains(s.articleId())) {
                out.add("source added: " + s.articleId() + (s.source() == null ? "" : " (" + s.source() + ")")
                        + (s.copyOf() == null ? "" : ", a copy of " + s.copyOf()));
            }
        }
        Set<String> referenced = new HashSet<>();
        before.referencesOrEmpty().forEach(r -> referenced.add(r.articleId()));
        for (EventReference r : after.referencesOrEmpty()) {
            if (!referenced.contains(r.articleId())) {
                out.add("referenced by: " + r.articleId() + (r.source() == null ? "" : " (" + r.source() + ")"));
            }
        }
        diff(out, "type", before, after, TimelineEvent::type);
        diff(out, "subtype", before, after, TimelineEvent::subtype);
        diff(out, "date", before, after, TimelineEvent::date);
        diff(out, "dateEnd", before, after, TimelineEvent::dateEnd);
        diff(out, "datePrecision", before, after, TimelineEvent::datePrecision);
        diff(out, "location", before, after, e -> e.location() == null ? null : e.location().name());
        diff(out, "killed", before, after, TimelineEvent::killed);
        diff(out, "injured", before, after, TimelineEvent::injured);
        diff(out, "casualties", before, after, TimelineEvent::casualties);
        diff(out, "status", before, after, e -> e.status() == null ? null : e.status().json());
        diff(out, "signature", before, after, TimelineEvent::signature);
        if (!Objects.equals(before.entities(), after.entities())) {
            out.add("entities: " + after.entities());
        }
        return out;
    }

    private static void diff(List<String> out, String field, TimelineEvent a, TimelineEvent b,
            Function<TimelineEvent, Object> get) {
        Object x = get.apply(a);
        Object y = get.apply(b);
        if (!Objects.equals(x, y)) {
            out.add(field + ": " + x + " → " + y);
        }
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
