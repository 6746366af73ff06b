package io.newsline.timeline.domain;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Entity;
import io.newsline.contracts.model.EntityType;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventReference;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import io.newsline.contracts.model.TimelineEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the timeline's events from what articles report, for {@link EventMerger}: a new event from an article's
 * first report of a happening, an event that takes in another report (the more specific type and place, the
 * people named, the source), two events joined into one, and the stand-in event of an article the NLP found
 * nothing in. Each result goes through {@link EventSummary}, which gives the toll, status and counts its sources
 * support. The merger decides what joins what; this class only composes.
 */
final class EventComposer {

    private final EventSummary summary;

    EventComposer(EventSummary summary) {
        this.summary = summary;
    }

    TimelineEvent create(String id, Event e, EnrichedArticle a, EventSource source, Instant now) {
        DatePrecision precision = e.datePrecision() != null ? e.datePrecision() : EventDates.precisionOf(e.date());
        TimelineEvent base = TimelineEvent.of(id)
                .withType(e.type())
                .withSubtype(e.subtype())
                .withDate(e.date(), e.dateEnd(), precision)
                .withLocation(e.location())
                .withTitle(e.type() == EventType.OTHER && PUBLICATION.equals(e.id()) ? a.title() : null)
                .withEntities(entitiesOf(e, a, List.of()))
                .withSeen(now.toString(), now.toString());
        return summary.of(base, Copies.add(List.of(), List.of(source)));
    }

    TimelineEvent absorb(TimelineEvent t, Event e, EnrichedArticle a, EventSource source, Instant now) {
        TimelineEvent updated = t.withType(MergeRule.moreSpecific(t.type(), e.type()))
                .withSubtype(t.subtype() != null ? t.subtype() : e.subtype())
                .withLocation(betterLocation(t.location(), e.location()))
                .withEntities(entitiesOf(e, a, nullSafe(t.entities())))
                .withSeen(t.firstSeen(), now.toString());
        return summary.of(updated, Copies.add(nullSafe(t.sources()), List.of(source)));
    }

    TimelineEvent join(TimelineEvent into, TimelineEvent other, Instant now) {
        String firstSeen = Instant.parse(other.firstSeen()).isBefore(Instant.parse(into.firstSeen()))
                ? other.firstSeen() : into.firstSeen();
        List<EventReference> references = new ArrayList<>(into.referencesOrEmpty());
        other.referencesOrEmpty().stream()
                .filter(r -> references.stream().noneMatch(x -> x.articleId().equals(r.articleId())))
                .forEach(references::add);
        TimelineEvent updated = into.withType(MergeRule.moreSpecific(into.type(), other.type()))
                .withSubtype(into.subtype() != null ? into.subtype() : other.subtype())
                .withLocation(betterLocation(into.location(), other.location()))
                .withEntities(union(nullSafe(into.entities()), nullSafe(other.entities())))
                .withReferences(references)
                .withSeen(firstSeen, now.toString());
        return summary.of(updated, Copies.add(nullSafe(into.sources()), nullSafe(other.sources())));
    }

    private static int rank(EventLocation l) {
        if (l == null) {
            return 9;
        }
        int level = switch (l.precision() == null ? Place.EXACT : l.precision()) {
            case Place.EXACT -> 0;
            case Place.NEAR -> 1;
            case Place.REGION -> 2;
            default -> 3;
        };
        return l.lat() == null ? level + 4 : level;
    }

    private static EventLocation betterLocation(EventLocation current, EventLocation incoming) {
        return rank(incoming) < rank(current) ? incoming : current;
    }

    /**
     * A happening an article tells beside its report (background, or a further site of its attack), as its source
     * keeps it: what, when, where, the figures and the sentence, without the names around it, marked background.
     */
    static Event toldApart(Event b) {
        return new Event(null, b.type(), b.subtype(), b.date(), b.dateEnd(), b.datePrecision(), b.location(),
                b.killed(), b.injured(), b.casualties(), List.of(), List.of(), b.attribution(), b.evidence(),
                b.confidence()).withSignature(b.signature()).withBackground(true);
    }

    /** The event with its place's region, which the article's place list knows and the event may not. */
    static Event withRegion(Event e, List<Place> places) {
        EventLocation l = e.location();
        if (l == null || l.admin1() != null || places == null) {
            return e;
        }
        for (Place p : places) {
            boolean same = l.geonameId() != null ? l.geonameId().equals(p.geonameId())
                    : PlaceNames.normalize(l.name()).equals(PlaceNames.normalize(p.name()));
            if (same && p.admin1() != null) {
                return e.withLocation(l.withAdmin1(p.admin1()));
            }
        }
        return e;
    }

    /** The people and organisations of an event: those the NLP tied to it and those its sentence names. */
    private static List<String> entitiesOf(Event e, EnrichedArticle a, List<String> existing) {
        List<String> names = new ArrayList<>(existing);
        names.addAll(nullSafe(e.entities()));
        names.addAll(nullSafe(e.actors()));
        String evidence = e.evidence();
        for (Entity entity : nullSafe(a.entities())) {
            boolean actor = entity.type() == EntityType.PERSON || entity.type() == EntityType.ORGANIZATION;
            if (actor && entity.text() != null && evidence != null && evidence.contains(entity.text())) {
                names.add(entity.text());
            }
        }
        return union(names, List.of());
    }

    private static List<String> union(List<String> a, List<String> b) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (List<String> names : List.of(a, b)) {
            for (String n : names) {
                if (n != null && !n.isBlank()) {
                    byKey.putIfAbsent(PlaceNames.normalize(n), n);
                }
            }
        }
        return List.copyOf(byKey.values());
    }

    static EventSource sourceOf(EnrichedArticle a, Event e, TextPrint print) {
        return EventSource.of(a.id(), a.source(), a.url(), a.publishedAt())
                .withArticle(a.title(), a.language())
                .withReport(e.date(), e.evidence(), e.attribution())
                .withFigures(e.killed(), e.injured(), e.casualties())
                .withSignature(e.signature())
                .withFingerprint(print == null ? null : print.encode());
    }

    /** The id the NLP's stand-in for an article without events carries. */
    private static final String PUBLICATION = "publication";

    /** The stand-in event of an article the NLP found no event in: OTHER, on its publication day. */
    static Event publicationEvent(EnrichedArticle a) {
        Instant published = Publication.instant(a.publishedAt());
        if (published == null) {
            published = Publication.instant(a.receivedAt());
        }
        String day = published == null ? null : published.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        EventLocation where = nullSafe(a.locations()).stream()
                .filter(p -> p.lat() != null && p.lon() != null)
                .max(Comparator.comparingInt((Place p) -> p.mentions() == null ? 0 : p.mentions().size())
                        .thenComparing(p -> Place.COUNTRY.equals(p.precision()) ? 0 : 1))
                .map(p -> new EventLocation(p.name(), p.lat(), p.lon(), p.countryCode(), p.geonameId(), p.precision(),
                        p.admin1()))
                .orElse(null);
        List<String> actors = nullSafe(a.entities()).stream()
                .filter(en -> en.type() == EntityType.PERSON || en.type() == EntityType.ORGANIZATION)
                .map(Entity::text).toList();
        return new Event(PUBLICATION, EventType.OTHER, null, day, null, DatePrecision.DAY, where, null, null, null,
                List.of(), actors, null, a.title(), 0.0);
    }

    /** A stable id, so re-folding an article after a crash names its events as before. */
    static String eventId(String articleId, Event e, int index) {
        String basis = articleId + "#" + (e.id() != null ? e.id() : Integer.toString(index));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return "ev-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e2) {
            throw new IllegalStateException("every JVM has SHA-256", e2);
        }
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
