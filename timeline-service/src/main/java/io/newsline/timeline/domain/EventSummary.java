package io.newsline.timeline.domain;

import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSignature;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.TimelineEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a merged event shows, worked out from its sources: the figures (the latest a report gives, see
 * {@link Tolls}), the status ({@link DisputeRule}), the signature (each detail as most of its sources give
 * it) and the title. Articles that only recall the event (its references) never count here.
 */
final class EventSummary {

    private final DisputeRule disputes;

    EventSummary(DisputeRule disputes) {
        this.disputes = disputes;
    }

    /** The event with these sources, and everything that follows from them. */
    TimelineEvent of(TimelineEvent event, List<EventSource> sources) {
        EventSignature signature = signatureOf(sources);
        TimelineEvent e = event.withSources(sources)
                .withFigures(Tolls.latest(sources, EventSource::killed), Tolls.latest(sources, EventSource::injured),
                        Tolls.latest(sources, EventSource::casualties))
                .withStatus(disputes.statusOf(sources))
                .withSignature(signature);
        // The stand-in event of an article without events keeps the article's title.
        return e.type() == EventType.OTHER && e.title() != null ? e
                : e.withTitle(titleOf(e.type(), e.subtype(), e.location(), signature));
    }

    /** Each detail as the most sources give it (the earliest of them on a tie); null when none gives any. */
    static EventSignature signatureOf(List<EventSource> sources) {
        List<EventSignature> given = sources.stream().map(EventSource::signature).filter(Objects::nonNull).toList();
        if (given.isEmpty()) {
            return null;
        }
        EventSignature s = EventSignature.NONE
                .withTimeOfDay(mostGiven(given, EventSignature::timeOfDay))
                .withTarget(mostGiven(given, EventSignature::target))
                .withWeapon(mostGiven(given, EventSignature::weapon))
                .withDistrict(mostGiven(given, EventSignature::district));
        String time = mostGiven(given, EventSignature::time);
        String end = time == null ? null : given.stream().filter(g -> time.equals(g.time()))
                .map(EventSignature::timeEnd).filter(Objects::nonNull).findFirst().orElse(null);
        s = s.withTime(time, end);
        return s.isEmpty() ? null : s;
    }

    private static String mostGiven(List<EventSignature> given, Function<EventSignature, String> field) {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        int bestCount = 0;
        for (EventSignature g : given) {
            String v = field.apply(g);
            if (v == null || v.isBlank()) {
                continue;
            }
            int n = counts.merge(v, 1, Integer::sum);
            if (n > bestCount) {
                best = v;
                bestCount = n;
            }
        }
        return best;
    }

    /** "Air strike (glide bomb) on hypermarket in Kharkiv". */
    static String titleOf(EventType type, String subtype, EventLocation location, EventSignature signature) {
        String what = type == null ? "Event" : label(type);
        if (subtype != null && !subtype.isBlank()) {
            what = what + " (" + subtype + ")";
        }
        if (signature != null && signature.target() != null && !signature.target().isBlank()) {
            what = what + " on " + signature.target();
        }
        return location == null || location.name() == null ? what : what + " in " + location.name();
    }

    private static String label(EventType type) {
        String words = type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
