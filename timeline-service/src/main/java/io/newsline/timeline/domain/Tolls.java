package io.newsline.timeline.domain;

import io.newsline.contracts.model.EventSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The figure an event shows for a count (killed, injured, casualties): the latest that a report of it
 * gives. Only sources are read, never the articles that merely recall the happening, so a background
 * restatement never changes it.
 */
final class Tolls {

    /**
     * The figure of the most recently published source that gives one. Sources whose order cannot be told
     * (two published the same day without a time, or at the same moment) are all "the latest"; among them the
     * highest figure is shown, because tolls rise as the dead are found and an outlet's "over 20" and another's
     * "21" written at the same time are the same count, one more exact. A source with no publication time
     * is older than any with a time; when no source has one, all are the latest.
     */
    static Integer latest(List<EventSource> sources, Function<EventSource, Integer> figure) {
        List<Integer> values = new ArrayList<>();
        List<Publication> published = new ArrayList<>();
        for (EventSource s : sources) {
            Integer v = figure.apply(s);
            if (v != null) {
                values.add(v);
                published.add(Publication.parse(s.publishedAt()));
            }
        }
        Integer best = null;
        for (int i = 0; i < values.size(); i++) {
            if (!surelyOlder(published.get(i), published) && (best == null || values.get(i) > best)) {
                best = values.get(i);
            }
        }
        return best;
    }

    private static boolean surelyOlder(Publication p, List<Publication> all) {
        if (p == null) {
            return all.stream().anyMatch(Objects::nonNull);
        }
        return all.stream().anyMatch(q -> q != null && p.before(q));
    }

    private Tolls() {}
}
