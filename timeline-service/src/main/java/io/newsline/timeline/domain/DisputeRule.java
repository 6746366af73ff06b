package io.newsline.timeline.domain;

import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.TimelineStatus;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How well an event is supported by its sources: disputed when a source denies it or outlets' figures
 * conflict, corroborated when two independent outlets report it, else single-source. Copies of one text
 * count as their original's outlet, so a republished wire story is never a second outlet.
 *
 * @param window two outlets' figures published at most this far apart are one moment's view (see
 *               {@link MergeRule#DISPUTE_WINDOW})
 */
public record DisputeRule(Duration window) {

    /** Words with which a source denies what others report; such a source makes the event disputed. */
    private static final Pattern DENIAL = Pattern.compile(
            "\\b(den(y|ies|ied)|refut(e|es|ed)|rejects? (the )?(claims?|reports?)|rejected (the )?(claims?|reports?)"
                    + "|fake|did not happen|never happened|false (claims?|reports?))\\b",
            Pattern.CASE_INSENSITIVE);

    /** One outlet's latest word on a count, and when it was published (null when unknown). */
    record Figure(int value, Publication published) {}

    public TimelineStatus statusOf(List<EventSource> sources) {
        if (sources.stream().anyMatch(s -> s.evidence() != null && DENIAL.matcher(s.evidence()).find())) {
            return TimelineStatus.DISPUTED;
        }
        Map<String, List<EventSource>> byOutlet = byOutlet(sources);
        for (Function<EventSource, Integer> figure : List.<Function<EventSource, Integer>>of(
                EventSource::killed, EventSource::injured, EventSource::casualties)) {
            List<Figure> latest = new ArrayList<>();
            for (List<EventSource> outlet : byOutlet.values()) {
                latestFigure(outlet, figure).ifPresent(latest::add);
            }
            if (figuresConflict(latest)) {
                return TimelineStatus.DISPUTED;
            }
        }
        return byOutlet.size() > 1 ? TimelineStatus.CORROBORATED : TimelineStatus.SINGLE_SOURCE;
    }

    /** How many independent outlets report it: copies count with the source they copy. */
    public int outlets(List<EventSource> sources) {
        return byOutlet(sources).size();
    }

    private static Map<String, List<EventSource>> byOutlet(List<EventSource> sources) {
        Map<String, EventSource> byArticle = new HashMap<>();
        sources.forEach(s -> byArticle.put(s.articleId(), s));
        Map<String, List<EventSource>> byOutlet = new LinkedHashMap<>();
        for (EventSource s : sources) {
            EventSource original = s.copyOf() == null ? s : byArticle.getOrDefault(s.copyOf(), s);
            byOutlet.computeIfAbsent(outletOf(original), k -> new ArrayList<>()).add(s);
        }
        return byOutlet;
    }

    /**
     * Whether outlets' latest figures for one count disagree. Tolls grow as the dead are found, so a
     * figure that is higher than an earlier outlet's and published more than the window after it is an
     * update. Different figures published within the window of each other (or when either time is
     * unknown) are a disagreement, and so is a later figure lower than an earlier one.
     */
    boolean figuresConflict(List<Figure> figures) {
        for (int i = 0; i < figures.size(); i++) {
            for (int j = i + 1; j < figures.size(); j++) {
                Figure a = figures.get(i);
                Figure b = figures.get(j);
                if (a.value() == b.value()) {
                    continue;
                }
                if (a.published() == null || b.published() == null
                        || a.published().gap(b.published()).compareTo(window) <= 0) {
                    return true;
                }
                Figure earlier = a.published().before(b.published()) ? a : b;
                Figure later = earlier == a ? b : a;
                if (later.value() < earlier.value()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The figure of an outlet's most recently published source that gives one. */
    private static Optional<Figure> latestFigure(List<EventSource> outlet, Function<EventSource, Integer> figure) {
        Figure found = null;
        for (EventSource s : outlet) {
            Integer v = figure.apply(s);
            if (v == null) {
                continue;
            }
            Publication published = Publication.parse(s.publishedAt());
            if (found == null || found.published() == null
                    || published != null && !published.before(found.published())) {
                found = new Figure(v, published);
            }
        }
        return Optional.ofNullable(found);
    }

    /** Who published a source: its outlet name, else its web site, else the article itself. */
    static String outletOf(EventSource s) {
        // Feeds say "unknown (wire report)" when they do not know: that names no outlet.
        if (s.source() != null && !s.source().isBlank() && !PlaceNames.normalize(s.source()).startsWith("unknown")) {
            return PlaceNames.normalize(s.source());
        }
        if (s.url() != null) {
            try {
                String host = URI.create(s.url()).getHost();
                if (host != null) {
                    return host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
                }
            } catch (IllegalArgumentException ignored) {
                // Not a URL we can read a site from: fall through to the article.
            }
        }
        return "article:" + s.articleId();
    }
}
