package io.newsline.timeline.domain;

import io.newsline.contracts.model.EventSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks the sources of an event whose texts are copies of one text ({@link TextPrint#copies}): each copy
 * names, in {@code copyOf}, the earliest published of them, which stands for all. Which article arrived
 * first does not matter: the same sources give the same marks in any order.
 */
final class Copies {

    /** The sources with the added ones appended and every copy marked; the order of the sources is kept. */
    static List<EventSource> add(List<EventSource> existing, List<EventSource> added) {
        List<EventSource> all = new ArrayList<>(existing);
        for (EventSource a : added) {
            all = addOne(all, a);
        }
        return all;
    }

    private static List<EventSource> addOne(List<EventSource> sources, EventSource added) {
        List<EventSource> out = new ArrayList<>(sources);
        out.add(added);
        TextPrint print = TextPrint.decode(added.fingerprint());
        if (print == null) {
            return out;
        }
        Map<String, EventSource> byArticle = new HashMap<>();
        out.forEach(s -> byArticle.put(s.articleId(), s));
        // The groups the new text joins: those of every source it copies (or is copied by).
        Set<String> roots = new HashSet<>();
        for (EventSource s : sources) {
            TextPrint other = TextPrint.decode(s.fingerprint());
            if (other != null && print.copies(other)) {
                roots.add(s.copyOf() != null ? s.copyOf() : s.articleId());
            }
        }
        if (roots.isEmpty()) {
            return out;
        }
        List<EventSource> candidates = new ArrayList<>();
        candidates.add(added);
        roots.stream().map(byArticle::get).filter(s -> s != null).forEach(candidates::add);
        EventSource original = candidates.stream().min(EARLIEST).orElseThrow();
        for (int i = 0; i < out.size(); i++) {
            EventSource s = out.get(i);
            String root = s.copyOf() != null ? s.copyOf() : s.articleId();
            boolean inGroup = s == added || roots.contains(root);
            if (inGroup) {
                out.set(i, s.articleId().equals(original.articleId()) ? s.withCopyOf(null) : s.withCopyOf(original.articleId()));
            }
        }
        return out;
    }

    /** The earliest published first; an unknown time counts as late; then by article id, so ties are stable. */
    private static final Comparator<EventSource> EARLIEST = Comparator
            .comparing((EventSource s) -> {
                Instant at = Publication.instant(s.publishedAt());
                return at == null ? Instant.MAX : at;
            })
            .thenComparing(EventSource::articleId);

    private Copies() {}
}
