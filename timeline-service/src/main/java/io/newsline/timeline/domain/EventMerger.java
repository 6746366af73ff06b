package io.newsline.timeline.domain;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Entity;
import io.newsline.contracts.model.EntityType;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.contracts.model.TimelineStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Folds articles into the timeline: each event an article reports either joins the event already on
 * the timeline that reports the same happening ({@link MergeRule}) or starts a new one. Returns the
 * records to publish on {@code news.timeline}. Folding an article twice changes nothing.
 * Not thread-safe: one merger folds at a time.
 */
public final class EventMerger {

    /** Words with which a source denies what others report; such a source makes the event disputed. */
    private static final Pattern DENIAL = Pattern.compile(
            "\\b(den(y|ies|ied)|refut(e|es|ed)|rejects? (the )?(claims?|reports?)|rejected (the )?(claims?|reports?)"
                    + "|fake|did not happen|never happened|false (claims?|reports?))\\b",
            Pattern.CASE_INSENSITIVE);
    /** Day-precise ranges longer than this are kept in one bucket that every day-precise report looks at. */
    private static final int LONG_RANGE_DAYS = 62;
    private static final String LONG_DAY_RANGES = "D:long";

    private final MergeRule rule;
    private final Clock clock;
    private final boolean publicationFallback;
    private final Map<String, TimelineEvent> events = new HashMap<>();
    /** Event ids by the periods they cover (a day, a month or a year, by precision), so a report only meets its peers. */
    private final Map<String, Set<String>> byPeriod = new HashMap<>();
    private final Set<String> foldedArticles = new HashSet<>();
    private Consumer<MergeDecision> decisions = decision -> {};

    /**
     * @param publicationFallback give an article whose NLP found no event one OTHER event dated by its
     *                            publication day, so every article shows on the timeline
     */
    public EventMerger(MergeRule rule, Clock clock, boolean publicationFallback) {
        this.rule = rule;
        this.clock = clock;
        this.publicationFallback = publicationFallback;
    }

    /** Hears every decision {@link #fold} takes, on the folding thread (for the metrics). */
    public void onDecision(Consumer<MergeDecision> listener) {
        this.decisions = listener;
    }

    /** Starts over from the timeline as published (the latest record of each event id). */
    public void reset(Collection<TimelineEvent> published) {
        events.clear();
        byPeriod.clear();
        foldedArticles.clear();
        for (TimelineEvent e : published) {
            if (e.isRemoved()) {
                continue;
            }
            index(e);
            for (EventSource s : nullSafe(e.sources())) {
                foldedArticles.add(s.articleId());
            }
        }
    }

    public int size() {
        return events.size();
    }

    /** Folds one article in; returns every changed event (latest version) and every removal, in publishing order. */
    public List<TimelineEvent> fold(EnrichedArticle article) {
        if (article == null || article.id() == null || foldedArticles.contains(article.id())) {
            return List.of();
        }
        List<Event> reported = article.events() == null ? List.of() : article.events();
        if (reported.isEmpty() && publicationFallback) {
            reported = List.of(publicationEvent(article));
        }
        if (reported.isEmpty()) {
            return List.of();
        }
        foldedArticles.add(article.id());
        Instant now = clock.instant();
        Map<String, TimelineEvent> before = new HashMap<>();
        Map<String, TimelineEvent> changed = new LinkedHashMap<>();
        List<TimelineEvent> removals = new ArrayList<>();
        for (int i = 0; i < reported.size(); i++) {
            Event e = reported.get(i);
            if (e == null) {
                continue;
            }
            Event placed = withRegion(e, article.locations());
            MergeRule.Report report = reportOf(placed, publishedInstant(article.publishedAt()));
            EventSource source = sourceOf(article, placed);
            List<TimelineEvent> matches = candidates(report, article.id());
            if (matches.isEmpty()) {
                TimelineEvent created = create(eventId(article.id(), e, i), placed, article, source, now);
                index(created);
                changed.put(created.id(), created);
                decisions.accept(MergeDecision.NEW_EVENT);
                continue;
            }
            TimelineEvent target = matches.get(0);
            before.putIfAbsent(target.id(), target);
            TimelineEvent merged = absorb(target, placed, article, source, now);
            decisions.accept(MergeDecision.JOINED);
            // A report that matches several events shows they were one happening: join them into the first seen.
            for (TimelineEvent other : matches.subList(1, matches.size())) {
                if (!disjointSources(merged, other)) {
                    continue;
                }
                before.putIfAbsent(other.id(), other);
                merged = join(merged, other, now);
                unindex(other);
                changed.remove(other.id());
                removals.add(TimelineEvent.removal(other.id(), merged.id()));
                decisions.accept(MergeDecision.EVENTS_JOINED);
            }
            unindex(target);
            index(merged);
            changed.put(merged.id(), merged);
        }
        List<TimelineEvent> out = new ArrayList<>();
        for (TimelineEvent e : changed.values()) {
            TimelineEvent previous = before.get(e.id());
            TimelineEvent numbered = withRevision(e, previous == null ? 1 : previous.revision() + 1);
            events.put(numbered.id(), numbered);
            out.add(numbered);
        }
        out.addAll(removals);
        return out;
    }

    private List<TimelineEvent> candidates(MergeRule.Report report, String articleId) {
        if (report.date() == null) {
            return List.of();
        }
        Set<String> nearby = new LinkedHashSet<>();
        // One day of padding for the overnight rule, plus whatever tolerance is configured.
        for (String period : periods(report, Math.max(1, rule.dayTolerance()))) {
            nearby.addAll(byPeriod.getOrDefault(period, Set.of()));
        }
        List<TimelineEvent> found = new ArrayList<>();
        for (String id : nearby) {
            TimelineEvent e = events.get(id);
            // Two events one article reports are two happenings: the NLP already told them apart.
            boolean sameArticle = nullSafe(e.sources()).stream().anyMatch(s -> articleId.equals(s.articleId()));
            if (!sameArticle && rule.sameHappening(report, reportOf(e))) {
                found.add(e);
            }
        }
        found.sort(Comparator.<TimelineEvent>comparingDouble(e -> rule.closeness(report, reportOf(e)))
                .thenComparing(OrderKey::of));
        if (found.size() > 1) {
            // The first seen of the matching events keeps its id, so links to it stay valid.
            TimelineEvent closest = found.get(0);
            TimelineEvent oldest = found.stream().min(Comparator.comparing(e -> Instant.parse(e.firstSeen())))
                    .orElse(closest);
            found.remove(oldest);
            found.add(0, oldest);
        }
        return found;
    }

    private TimelineEvent create(String id, Event e, EnrichedArticle a, EventSource source, Instant now) {
        List<EventSource> sources = List.of(source);
        DatePrecision precision = e.datePrecision() != null ? e.datePrecision() : EventDates.precisionOf(e.date());
        String title = e.type() == EventType.OTHER && "publication".equals(e.id()) ? a.title()
                : titleOf(e.type(), e.subtype(), e.location());
        return new TimelineEvent(id, e.type(), e.subtype(), e.date(), e.dateEnd(), precision, e.location(), title,
                e.killed(), e.injured(), e.casualties(), entitiesOf(e, a, List.of()), sources, 1,
                statusOf(sources, rule.disputeWindow()), 0, now.toString(), now.toString(), null, null, null);
    }

    private TimelineEvent absorb(TimelineEvent t, Event e, EnrichedArticle a, EventSource source, Instant now) {
        List<EventSource> sources = new ArrayList<>(nullSafe(t.sources()));
        sources.add(source);
        EventType type = moreSpecific(t.type(), e.type());
        String subtype = t.subtype() != null ? t.subtype() : e.subtype();
        EventLocation location = betterLocation(t.location(), e.location());
        return rebuild(t, type, subtype, location, sources, entitiesOf(e, a, nullSafe(t.entities())), t.firstSeen(),
                now);
    }

    private TimelineEvent join(TimelineEvent into, TimelineEvent other, Instant now) {
        List<EventSource> sources = new ArrayList<>(nullSafe(into.sources()));
        sources.addAll(nullSafe(other.sources()));
        List<String> entities = union(nullSafe(into.entities()), nullSafe(other.entities()));
        String firstSeen = Instant.parse(other.firstSeen()).isBefore(Instant.parse(into.firstSeen()))
                ? other.firstSeen() : into.firstSeen();
        return rebuild(into, moreSpecific(into.type(), other.type()),
                into.subtype() != null ? into.subtype() : other.subtype(),
                betterLocation(into.location(), other.location()), sources, entities, firstSeen, now);
    }

    private TimelineEvent rebuild(TimelineEvent t, EventType type, String subtype, EventLocation location,
            List<EventSource> sources, List<String> entities, String firstSeen, Instant now) {
        String title = t.type() == EventType.OTHER ? t.title() : titleOf(type, subtype, location);
        return new TimelineEvent(t.id(), type, subtype, t.date(), t.dateEnd(), t.datePrecision(), location, title,
                latest(sources, EventSource::killed), latest(sources, EventSource::injured),
                latest(sources, EventSource::casualties), entities, List.copyOf(sources), sources.size(),
                statusOf(sources, rule.disputeWindow()), t.revision(), firstSeen, now.toString(), null, null, null);
    }

    /** A figure as the most recently published source that gives it states it. */
    private static Integer latest(List<EventSource> sources, Function<EventSource, Integer> figure) {
        Integer value = null;
        Instant when = null;
        for (EventSource s : sources) {
            Integer v = figure.apply(s);
            if (v == null) {
                continue;
            }
            Instant published = publishedInstant(s.publishedAt());
            if (value == null || when == null || published != null && !published.isBefore(when)) {
                value = v;
                when = published;
            }
        }
        return value;
    }

    /**
     * Disputed when a source denies the happening, or when outlets' figures for one count conflict
     * ({@link #figuresConflict}); corroborated when at least two independent outlets report it;
     * otherwise single-source.
     */
    static TimelineStatus statusOf(List<EventSource> sources, Duration disputeWindow) {
        if (sources.stream().anyMatch(s -> s.evidence() != null && DENIAL.matcher(s.evidence()).find())) {
            return TimelineStatus.DISPUTED;
        }
        Map<String, List<EventSource>> byOutlet = new LinkedHashMap<>();
        for (EventSource s : sources) {
            byOutlet.computeIfAbsent(outletOf(s), k -> new ArrayList<>()).add(s);
        }
        for (Function<EventSource, Integer> figure : List.<Function<EventSource, Integer>>of(
                EventSource::killed, EventSource::injured, EventSource::casualties)) {
            List<Figure> latest = new ArrayList<>();
            for (List<EventSource> outlet : byOutlet.values()) {
                latestFigure(outlet, figure).ifPresent(latest::add);
            }
            if (figuresConflict(latest, disputeWindow)) {
                return TimelineStatus.DISPUTED;
            }
        }
        return byOutlet.size() > 1 ? TimelineStatus.CORROBORATED : TimelineStatus.SINGLE_SOURCE;
    }

    /** One outlet's latest word on a count, and when it was published (null when unknown). */
    record Figure(int value, Instant published) {}

    /**
     * Whether outlets' latest figures for one count disagree. Tolls grow as the dead are found, so a
     * figure that is higher than an earlier outlet's and published more than {@code disputeWindow}
     * after it is an update. Different figures published within the window of each other (or when
     * either time is unknown) are a disagreement, and so is a later figure lower than an earlier one.
     */
    static boolean figuresConflict(List<Figure> figures, Duration disputeWindow) {
        for (int i = 0; i < figures.size(); i++) {
            for (int j = i + 1; j < figures.size(); j++) {
                Figure a = figures.get(i);
                Figure b = figures.get(j);
                if (a.value() == b.value()) {
                    continue;
                }
                if (a.published() == null || b.published() == null
                        || Duration.between(a.published(), b.published()).abs().compareTo(disputeWindow) <= 0) {
                    return true;
                }
                Figure earlier = a.published().isBefore(b.published()) ? a : b;
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
            Instant published = publishedInstant(s.publishedAt());
            if (found == null || found.published() == null || published != null && !published.isBefore(found.published())) {
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

    private static EventType moreSpecific(EventType current, EventType incoming) {
        return current == EventType.CASUALTY_REPORT && incoming != null ? incoming : current;
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

    private static Event withRegion(Event e, List<Place> places) {
        EventLocation l = e.location();
        if (l == null || l.admin1() != null || places == null) {
            return e;
        }
        for (Place p : places) {
            boolean same = l.geonameId() != null ? l.geonameId().equals(p.geonameId())
                    : PlaceNames.normalize(l.name()).equals(PlaceNames.normalize(p.name()));
            if (same && p.admin1() != null) {
                return new Event(e.id(), e.type(), e.subtype(), e.date(), e.dateEnd(), e.datePrecision(),
                        l.withAdmin1(p.admin1()), e.killed(), e.injured(), e.casualties(), e.actors(), e.entities(),
                        e.attribution(), e.evidence(), e.confidence());
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
        for (String n : a) {
            if (n != null && !n.isBlank()) {
                byKey.putIfAbsent(PlaceNames.normalize(n), n);
            }
        }
        for (String n : b) {
            if (n != null && !n.isBlank()) {
                byKey.putIfAbsent(PlaceNames.normalize(n), n);
            }
        }
        return List.copyOf(byKey.values());
    }

    private static EventSource sourceOf(EnrichedArticle a, Event e) {
        return new EventSource(a.id(), a.source(), a.url(), a.publishedAt(), e.evidence(), e.killed(), e.injured(),
                e.casualties(), e.attribution());
    }

    /** The stand-in event of an article the NLP found no event in: OTHER, on its publication day. */
    private static Event publicationEvent(EnrichedArticle a) {
        Instant published = publishedInstant(a.publishedAt());
        if (published == null) {
            published = publishedInstant(a.receivedAt());
        }
        String day = published == null ? null : published.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        if (a.publishedAt() != null && a.publishedAt().length() == 10) {
            day = a.publishedAt();
        }
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
        return new Event("publication", EventType.OTHER, null, day, null, DatePrecision.DAY, where, null, null, null,
                List.of(), actors, null, a.title(), 0.0);
    }

    static Instant publishedInstant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static String titleOf(EventType type, String subtype, EventLocation location) {
        String what = type == null ? "Event" : label(type);
        if (subtype != null && !subtype.isBlank()) {
            what = what + " (" + subtype + ")";
        }
        return location == null || location.name() == null ? what : what + " in " + location.name();
    }

    private static String label(EventType type) {
        String words = type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
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

    private static MergeRule.Report reportOf(Event e, Instant published) {
        return new MergeRule.Report(e.type(), e.date(), e.dateEnd(), e.datePrecision(), e.location(),
                published == null ? List.of() : List.of(published));
    }

    private static MergeRule.Report reportOf(TimelineEvent e) {
        List<Instant> published = nullSafe(e.sources()).stream().map(s -> publishedInstant(s.publishedAt()))
                .filter(Objects::nonNull).toList();
        return new MergeRule.Report(e.type(), e.date(), e.dateEnd(), e.datePrecision(), e.location(), published);
    }

    private static boolean disjointSources(TimelineEvent a, TimelineEvent b) {
        Set<String> ids = new LinkedHashSet<>();
        nullSafe(a.sources()).forEach(s -> ids.add(s.articleId()));
        return nullSafe(b.sources()).stream().noneMatch(s -> ids.contains(s.articleId()));
    }

    private void index(TimelineEvent e) {
        events.put(e.id(), e);
        for (String period : periods(reportOf(e), 0)) {
            byPeriod.computeIfAbsent(period, k -> new LinkedHashSet<>()).add(e.id());
        }
    }

    private void unindex(TimelineEvent e) {
        events.remove(e.id());
        for (String period : periods(reportOf(e), 0)) {
            Set<String> ids = byPeriod.get(period);
            if (ids != null) {
                ids.remove(e.id());
                if (ids.isEmpty()) {
                    byPeriod.remove(period);
                }
            }
        }
    }

    /**
     * The buckets a report's period falls in: its days ({@code D:2025-06-07}), months or years,
     * by its precision, widened by {@code padDays} for day-precise reports. The rule only merges
     * reports of one precision whose periods overlap (or touch), so they always share a bucket.
     */
    private static List<String> periods(MergeRule.Report r, int padDays) {
        if (r.date() == null) {
            return List.of();
        }
        LocalDate start = r.start();
        LocalDate end = r.end();
        List<String> keys = new ArrayList<>();
        switch (r.effectivePrecision()) {
            case DAY -> {
                if (end.toEpochDay() - start.toEpochDay() > LONG_RANGE_DAYS) {
                    keys.add(LONG_DAY_RANGES);
                    if (padDays == 0) {
                        return keys;
                    }
                    // A long report meets the other long ones here, and short ones by scanning its days below.
                }
                if (padDays > 0) {
                    keys.add(LONG_DAY_RANGES);
                }
                long span = Math.min(end.toEpochDay() - start.toEpochDay(), 4L * LONG_RANGE_DAYS);
                for (LocalDate d = start.minusDays(padDays); !d.isAfter(start.plusDays(span + padDays)); d = d.plusDays(1)) {
                    keys.add("D:" + d);
                }
            }
            case MONTH -> {
                for (java.time.YearMonth m = java.time.YearMonth.from(start); !m.isAfter(java.time.YearMonth.from(end));
                        m = m.plusMonths(1)) {
                    keys.add("M:" + m);
                }
            }
            default -> {
                for (int y = start.getYear(); y <= end.getYear(); y++) {
                    keys.add("Y:" + y);
                }
            }
        }
        return keys;
    }

    private static TimelineEvent withRevision(TimelineEvent e, int revision) {
        return new TimelineEvent(e.id(), e.type(), e.subtype(), e.date(), e.dateEnd(), e.datePrecision(),
                e.location(), e.title(), e.killed(), e.injured(), e.casualties(), e.entities(), e.sources(),
                e.sourceCount(), e.status(), revision, e.firstSeen(), e.updatedAt(), null, null, null);
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
