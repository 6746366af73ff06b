package io.newsline.timeline.domain;

import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventReference;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.TimelineEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Folds articles into the timeline: each event an article reports either joins the event already on
 * the timeline that reports the same happening ({@link MergeRule}) or starts a new one; each happening it
 * only recalls (a background sentence) links the article to that happening's event as a reference and
 * changes nothing else. Returns the records to publish on {@code news.timeline}. Folding an article twice
 * changes nothing. Not thread-safe: one merger folds at a time.
 */
public final class EventMerger {

    private final MergeRule rule;
    private final Clock clock;
    private final boolean publicationFallback;
    /** Builds and updates the events from what articles report. */
    private final EventComposer composer;
    /** The events the merger holds, and where it finds the others ({@link WorkingSet}). */
    private final WorkingSet held;
    private Consumer<MergeDecision> decisions = decision -> {};

    /**
     * A merger that holds every event of the timeline in memory ({@link #reset} gives it them).
     *
     * @param publicationFallback give an article whose NLP found no event it reports one OTHER event dated by
     *                            its publication day, so every article shows on the timeline
     */
    public EventMerger(MergeRule rule, Clock clock, boolean publicationFallback) {
        this(rule, clock, publicationFallback, WorkingSet.everything(rule.maxDistanceKm()));
    }

    /**
     * A merger that finds the events it does not hold in {@code index} and holds at most about {@code maxEvents}
     * (plus what the index does not show yet) and the last {@code maxArticles} article ids ({@link WorkingSet}).
     */
    public EventMerger(MergeRule rule, Clock clock, boolean publicationFallback, CandidateSource index, int maxEvents,
            int maxArticles) {
        this(rule, clock, publicationFallback, WorkingSet.over(index, maxEvents, maxArticles, rule.maxDistanceKm()));
    }

    private EventMerger(MergeRule rule, Clock clock, boolean publicationFallback, WorkingSet held) {
        this.rule = rule;
        this.clock = clock;
        this.publicationFallback = publicationFallback;
        this.composer = new EventComposer(new EventSummary(new DisputeRule(rule.disputeWindow())));
        this.held = held;
    }

    /** Hears every decision {@link #fold} takes, on the folding thread (for the metrics). */
    public void onDecision(Consumer<MergeDecision> listener) {
        this.decisions = listener;
    }

    /**
     * Starts over from the timeline as published (the latest record of each event id). A merger that reads the
     * index is given nothing: it forgets its working set and finds every event in the index.
     */
    public void reset(Collection<TimelineEvent> published) {
        held.clear();
        held.load(published);
    }

    /** Whether this merger finds the events it does not hold in the timeline index. */
    public boolean readsIndex() {
        return held.readsIndex();
    }

    /** The live events the merger holds: with the index, its working set's. */
    public int size() {
        return held.live();
    }

    /** Entries of the working set (events and removals the index may not show yet), as of the last fold; any thread. */
    public int workingSetSize() {
        return held.size();
    }

    /** Entries evicted from the working set so far; any thread. */
    public long workingSetEvicted() {
        return held.evicted();
    }

    /** What one article's fold changes: the events as they were before, as they are now, and the ones merged away. */
    private static final class Changes {
        final Map<String, TimelineEvent> before = new HashMap<>();
        final Map<String, TimelineEvent> changed = new LinkedHashMap<>();
        final List<TimelineEvent> removals = new ArrayList<>();
    }

    /** Folds one article in; returns every changed event (latest version) and every removal, in publishing order. */
    public List<TimelineEvent> fold(EnrichedArticle article) {
        if (article == null || article.id() == null || held.folded(article.id())) {
            return List.of();
        }
        List<Event> all = article.events() == null ? List.of() : article.events();
        Publication published = Publication.parse(article.publishedAt());
        boolean reportsSomething = all.stream().anyMatch(e -> e != null && !e.background());
        if (!reportsSomething && publicationFallback) {
            List<Event> withStandIn = new ArrayList<>(all);
            withStandIn.add(EventComposer.publicationEvent(article));
            all = withStandIn;
        }
        if (all.stream().noneMatch(Objects::nonNull)) {
            return List.of();
        }
        held.folding(article.id());
        Instant now = clock.instant();
        TextPrint print = TextPrint.of(article.title(), article.body());
        Changes changes = new Changes();
        List<Event> reports = new ArrayList<>();
        List<Event> recalls = new ArrayList<>();
        for (Event e : all) {
            reports.add(e != null && !e.background() ? EventComposer.withRegion(e, article.locations()) : null);
            if (e != null && e.background()) {
                recalls.add(EventComposer.withRegion(e, article.locations()));
            }
        }
        // An older happening told beside the article's news is a recollection when the dates say so, even when
        // the NLP did not mark it as background (ArticleReports.recollections). One weeks or years older is
        // background like the marked ones; one of the same news cycle (a roundup's earlier days) is kept apart.
        boolean[] recalled = ArticleReports.recollections(reports, published, rule.adjacentDayWithin());
        boolean[] background = ArticleReports.outsideNewsCycle(reports, recalled);
        Map<Integer, Event> recollections = new LinkedHashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            if (background[i]) {
                recalls.add(reports.get(i));
            } else if (recalled[i]) {
                recollections.put(i, reports.get(i));
            }
            if (recalled[i]) {
                reports.set(i, null);
            }
        }
        reports = ArticleReports.combine(reports, rule, published);
        // The lead attack's further sites ("shells also landed in a village ...") are told, not reported: the lead's
        // source keeps them, and they link the article to their events as a reference when the timeline has them.
        boolean[] further = FurtherSites.of(reports, rule);
        List<Event> sites = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            if (further[i]) {
                sites.add(reports.get(i));
                reports.set(i, null);
            }
        }
        int lead = FurtherSites.lead(reports);
        Map<String, MergeRule.Report> toldApart = recalledEvents(recalls, published, article.id());
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i) != null) {
                foldReport(article, reports.get(i), i, published, print, now, changes, toldApart, recalls,
                        i == lead ? sites : List.of());
            }
        }
        // After the reports, so a recalled happening the article also reports is not linked to itself.
        for (Event e : recalls) {
            foldRecall(article, e, published, now, changes);
        }
        for (Event e : sites) {
            foldRecall(article, e, published, now, changes);
        }
        // A happening of the article's news cycle that it tells as older is a reference on its event; when the
        // timeline has none, this article (a roundup of the week, say) is its only account, so it starts the
        // event, dated as the text dates it. Background never starts one: its sources keep it among their recalls.
        for (Map.Entry<Integer, Event> r : recollections.entrySet()) {
            if (!foldRecall(article, r.getValue(), published, now, changes)) {
                foldReport(article, r.getValue(), r.getKey(), published, print, now, changes, Map.of(), List.of(),
                        List.of());
            }
        }
        List<TimelineEvent> out = new ArrayList<>();
        for (TimelineEvent e : changes.changed.values()) {
            TimelineEvent previous = changes.before.get(e.id());
            // The record published gets its sequence from its offset; the one it was read with is stale.
            TimelineEvent numbered = e.withRevision(previous == null ? 1 : previous.revision() + 1).withSequence(null);
            held.put(numbered);
            out.add(numbered);
        }
        out.addAll(changes.removals);
        held.folded(article.id(), !out.isEmpty());
        held.trim();
        return out;
    }

    /**
     * The events the article's background sentences recall, each with the recalled report. An article that
     * tells a happening as background beside its news ("Earlier on the day, the hypermarket was hit") says its
     * news is another happening, so its reports do not join that event, unless a report agrees with the
     * recollection on something that tells happenings apart (the hour, the target, the weapon): then the
     * background only retells the article's own news ("Recall that at 10:30 missiles hit the city").
     */
    private Map<String, MergeRule.Report> recalledEvents(List<Event> recalls, Publication published, String articleId) {
        Map<String, MergeRule.Report> out = new HashMap<>();
        for (Event r : recalls) {
            MergeRule.Report recalled = reportOf(r, published);
            List<Candidate> matches = candidates(recalled, articleId);
            if (!matches.isEmpty()) {
                out.putIfAbsent(matches.get(0).event().id(), recalled);
            }
        }
        return out;
    }

    /**
     * The background happenings an article tells beside a report that the report does not retell (it agrees with
     * none of their details), kept on its source without the names around them: the article says they are others.
     */
    private List<Event> otherHappenings(List<Event> recalls, MergeRule.Report report, Publication published) {
        List<Event> out = new ArrayList<>();
        for (Event b : recalls) {
            if (rule.match(reportOf(b, published), report).agreements() == 0) {
                out.add(EventComposer.toldApart(b));
            }
        }
        return out;
    }

    /**
     * Whether a source of the event told the report's happening as another one: its article recalled, beside its
     * own news, a happening the report fits ("earlier on the day, the hypermarket was hit"), so a later report of
     * that happening is not this event, whichever came first. A happening told at another town (beyond a
     * district's reach of the report's place) says nothing of the report's town, though the rule's radius takes in
     * both: a further site of the event's own attack ("shells also landed in a village ...") is such a one.
     */
    private boolean recalledBySource(TimelineEvent event, MergeRule.Report report) {
        for (EventSource s : nullSafe(event.sources())) {
            for (Event b : s.recalls() == null ? List.<Event>of() : s.recalls()) {
                if (!otherTown(b.location(), report.location())
                        && rule.match(reportOf(b, Publication.parse(s.publishedAt())), report).same()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean otherTown(EventLocation a, EventLocation b) {
        return a != null && b != null && a.lat() != null && a.lon() != null && b.lat() != null && b.lon() != null
                && MergeRule.kilometres(a.lat(), a.lon(), b.lat(), b.lon()) > ArticleReports.DISTRICT_RADIUS_KM;
    }

    private void foldReport(EnrichedArticle article, Event e, int index, Publication published, TextPrint print,
            Instant now, Changes changes, Map<String, MergeRule.Report> toldApart, List<Event> recalls,
            List<Event> furtherSites) {
        MergeRule.Report report = reportOf(e, published);
        List<Candidate> matches = new ArrayList<>(candidates(report, article.id()));
        matches.removeIf(c -> toldApart.containsKey(c.event().id())
                && rule.match(toldApart.get(c.event().id()), report).agreements() == 0
                || recalledBySource(c.event(), report));
        List<Event> toldBeside = new ArrayList<>(otherHappenings(recalls, report, published));
        furtherSites.forEach(s -> toldBeside.add(EventComposer.toldApart(s)));
        EventSource source = EventComposer.sourceOf(article, e, print).withRecalls(toldBeside);
        if (matches.isEmpty()) {
            TimelineEvent created = composer.create(eventId(article.id(), e, index), e, article,
                    source.withWhy("first report"), now);
            held.put(created);
            changes.changed.put(created.id(), created);
            decisions.accept(MergeDecision.NEW_EVENT);
            return;
        }
        Candidate best = matches.get(0);
        // A report that matches several events shows their places are one; they were one happening if
        // what their own sources say of time, target and weapon allows it too.
        List<TimelineEvent> group = new ArrayList<>(List.of(best.event()));
        for (Candidate other : matches.subList(1, matches.size())) {
            if (disjointSources(best.event(), other.event())
                    && rule.detailsCompatible(held.view(best.event()).report(), held.view(other.event()).report())) {
                group.add(other.event());
            }
        }
        // The first seen keeps its id, so links to it stay valid.
        TimelineEvent keeper = group.stream().min(Comparator.comparing((TimelineEvent t) -> Instant.parse(t.firstSeen()))
                .thenComparing(OrderKey::of)).orElseThrow();
        changes.before.putIfAbsent(keeper.id(), keeper);
        TimelineEvent merged = composer.absorb(keeper, e, article, source.withWhy(best.match().why()), now);
        decisions.accept(MergeDecision.JOINED);
        for (TimelineEvent other : group) {
            if (other == keeper) {
                continue;
            }
            changes.before.putIfAbsent(other.id(), other);
            merged = composer.join(merged, other, now);
            TimelineEvent removal = TimelineEvent.removal(other.id(), merged.id());
            held.remove(removal);
            changes.changed.remove(other.id());
            changes.removals.add(removal);
            decisions.accept(MergeDecision.EVENTS_JOINED);
        }
        held.put(merged);
        changes.changed.put(merged.id(), merged);
    }

    /** A recalled happening: a reference on the event that reports it, if the timeline has one; never a new event. */
    /** Whether the happening had an event to link to. */
    private boolean foldRecall(EnrichedArticle article, Event e, Publication published, Instant now, Changes changes) {
        List<Candidate> matches = candidates(reportOf(e, published), article.id());
        if (matches.isEmpty()) {
            return false;
        }
        TimelineEvent target = matches.get(0).event();
        if (target.referencesOrEmpty().stream().anyMatch(r -> article.id().equals(r.articleId()))) {
            return true;
        }
        changes.before.putIfAbsent(target.id(), target);
        List<EventReference> references = new ArrayList<>(target.referencesOrEmpty());
        references.add(new EventReference(article.id(), article.source(), article.url(), article.publishedAt(),
                e.evidence(), "recalls it: " + matches.get(0).match().why()));
        TimelineEvent linked = target.withReferences(references).withSeen(target.firstSeen(), now.toString());
        held.put(linked);
        changes.changed.put(linked.id(), linked);
        return true;
    }

    /** An event the report matches, with the rule's answer and its place in the timeline (to break ties). */
    private record Candidate(TimelineEvent event, MergeRule.Match match, OrderKey order) {}

    /**
     * The events a report may join, best first: the one that agrees on the most details, then the closest
     * in place and day, then the first in timeline order. Events this article already reports are left out:
     * two events of one article are two happenings (the NLP told them apart). Only events near the report
     * in time and place are compared ({@link PeriodIndex}, {@link PlaceKeys}); the rest could not match.
     */
    private List<Candidate> candidates(MergeRule.Report report, String articleId) {
        if (report.date() == null) {
            return List.of();
        }
        List<Candidate> found = new ArrayList<>();
        // One day of padding for the overnight rule, plus whatever tolerance is configured.
        // Compared on what the rule reads of each event; only the events the report may join are read whole.
        for (WorkingSet.Nearby n : held.near(report.date(), report.dateEnd(), report.effectivePrecision(),
                Math.max(1, rule.dayTolerance()), report.type(), report.location())) {
            RuleView seen = n.view();
            MergeRule.Match m = rule.match(report, seen.report());
            if (m.same() && !seen.reportedBy(articleId)) {
                TimelineEvent e = n.event();
                if (e != null) {
                    found.add(new Candidate(e, m, seen.order()));
                }
            }
        }
        found.sort(Comparator.comparingInt((Candidate c) -> -c.match().agreements())
                .thenComparingDouble(c -> c.match().closeness())
                .thenComparing(Candidate::order));
        return found;
    }

    /** A stable id, so re-folding an article after a crash names its events as before. */
    static String eventId(String articleId, Event e, int index) {
        return EventComposer.eventId(articleId, e, index);
    }

    private static MergeRule.Report reportOf(Event e, Publication published) {
        return new MergeRule.Report(e.type(), e.date(), e.dateEnd(), e.datePrecision(), e.location(),
                List.of(new MergeRule.Account(e.date(), e.dateEnd(), e.signature(), published)));
    }

    private static boolean disjointSources(TimelineEvent a, TimelineEvent b) {
        Set<String> ids = new HashSet<>();
        nullSafe(a.sources()).forEach(s -> ids.add(s.articleId()));
        return nullSafe(b.sources()).stream().noneMatch(s -> ids.contains(s.articleId()));
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
