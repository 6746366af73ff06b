package io.newsline.timeline.domain;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.TimelineEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The events the merger holds in memory, and where it finds the rest. Without a {@link CandidateSource} it holds
 * every event of the timeline (the tests, the benchmarks' baseline). With one (the timeline index) it holds at
 * most about {@code maxEvents} of them:
 * <ul>
 *   <li><b>pinned</b>: what the merger itself wrote (a new revision, or the removal of an event merged away).
 *       The index is fed from {@code news.timeline} asynchronously, so it may not have these yet: they stay
 *       until the index {@linkplain CandidateSource#shows shows} them, and in the meantime they win over
 *       whatever the index holds of the same id (a removal hides the index's live copy);</li>
 *   <li><b>clean</b>: events read from the index, kept so the next report near them does not read them
 *       again. The merger is the only writer of the timeline, so a copy can only be made stale by the merger
 *       itself, which pins its newer version.</li>
 * </ul>
 * Eviction: when there are more than {@code maxEvents}, the least recently used go first, clean ones at once,
 * pinned ones once the index shows them (so the set may stay above its cap while the index lags). A report's
 * candidates are the union of the set's own events near it ({@link PeriodIndex}, {@link PlaceKeys}) and the
 * index's ({@link CandidateSource#near}), each id at its newest. The ids of folded articles are kept the same way:
 * the last {@code maxArticles}, each until the index names it (or at once when its fold wrote nothing), and
 * beyond them the index is asked. Not thread-safe: the merger's one thread uses it; {@link #size} may be read by
 * any.
 */
final class WorkingSet {

    /** At most this many pinned entries are looked up in the index per trim: a lagging index costs little. */
    private static final int CHECKS_PER_TRIM = 16;

    private final CandidateSource source;
    private final int maxEvents;
    private final int maxArticles;
    private final double maxDistanceKm;
    private final PlaceKeys places;
    private final PeriodIndex byPeriod = new PeriodIndex();
    /** Access order: the eldest is the least recently used. */
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    /** Folded article ids in the order folded, each with whether the index must show it before it goes. */
    private final LinkedHashMap<String, Boolean> articles = new LinkedHashMap<>();
    private int live;
    private volatile int sizeSeen;
    private volatile long evicted;

    private static final class Entry {
        TimelineEvent event;
        List<String> filed;
        boolean pinned;
        /** What the rule reads of {@link #event}, once asked; null again when the event changes. */
        RuleView view;

        RuleView view() {
            if (view == null) {
                view = RuleView.of(event);
            }
            return view;
        }
    }

    /**
     * An event near a report: what the rule compares of it, at once, and the event itself when asked (an event
     * the index found is read then, and held: the merger asks for the events a report joins).
     */
    final class Nearby {
        private final RuleView view;
        private TimelineEvent event;

        private Nearby(RuleView view, TimelineEvent event) {
            this.view = view;
            this.event = event;
        }

        RuleView view() {
            return view;
        }

        /** The event; null in the rare case the index no longer holds it live (then it is not a candidate). */
        TimelineEvent event() {
            if (event == null) {
                event = source.read(view.id());
                if (event != null) {
                    hold(event, false);
                    entries.get(event.id()).view = view;
                }
            }
            return event;
        }
    }

    /** Holds every event: there is nowhere else to look. */
    static WorkingSet everything(double maxDistanceKm) {
        return new WorkingSet(null, Integer.MAX_VALUE, Integer.MAX_VALUE, maxDistanceKm);
    }

    static WorkingSet over(CandidateSource source, int maxEvents, int maxArticles, double maxDistanceKm) {
        return new WorkingSet(Objects.requireNonNull(source), Math.max(0, maxEvents), Math.max(0, maxArticles),
                maxDistanceKm);
    }

    private WorkingSet(CandidateSource source, int maxEvents, int maxArticles, double maxDistanceKm) {
        this.source = source;
        this.maxEvents = maxEvents;
        this.maxArticles = maxArticles;
        this.maxDistanceKm = maxDistanceKm;
        this.places = new PlaceKeys(maxDistanceKm);
    }

    boolean readsIndex() {
        return source != null;
    }

    void clear() {
        entries.clear();
        byPeriod.clear();
        articles.clear();
        live = 0;
        sizeSeen = 0;
    }

    /** Holds these events as the timeline's (for a set without a source: the whole timeline). */
    void load(Collection<TimelineEvent> published) {
        for (TimelineEvent e : published) {
            if (e.isRemoved()) {
                continue;
            }
            hold(e, false);
            for (EventSource s : e.sources() == null ? List.<EventSource>of() : e.sources()) {
                if (s != null) {
                    articles.put(s.articleId(), false);
                }
            }
            e.referencesOrEmpty().forEach(r -> articles.put(r.articleId(), false));
        }
        sizeSeen = entries.size();
    }

    /** A new version of a live event, written by the merger. */
    void put(TimelineEvent e) {
        hold(e, source != null);
    }

    /** An event merged away: gone from the set's events; with an index, its removal hides the index's copy. */
    void remove(TimelineEvent removal) {
        Entry old = entries.remove(removal.id());
        if (old != null && !old.event.isRemoved()) {
            unfile(old);
            live--;
        }
        if (source != null) {
            Entry tomb = new Entry();
            tomb.event = removal;
            tomb.filed = List.of();
            tomb.pinned = true;
            entries.put(removal.id(), tomb);
        }
    }

    /**
     * The live events near a report, each at its newest: every event the rule could merge it with is among them.
     * Those the set does not hold are compared on what the index keeps of them and read only when asked.
     */
    Collection<Nearby> near(String date, String dateEnd, DatePrecision precision, int padDays, EventType type,
            EventLocation location) {
        Map<String, Nearby> found = new HashMap<>();
        for (String id : byPeriod.near(date, dateEnd, precision, padDays, places.sought(type, location))) {
            Entry e = entries.get(id);
            found.put(id, new Nearby(e.view(), e.event));
        }
        if (source == null) {
            return found.values();
        }
        CandidateSource.Neighbourhood where = CandidateSource.Neighbourhood.of(date, dateEnd, precision, padDays, type,
                location, maxDistanceKm);
        if (where == null) {
            return found.values();
        }
        source.near(where, (id, read) -> {
            if (found.containsKey(id)) {
                return;
            }
            Entry held = entries.get(id);
            if (held != null) {
                if (!held.event.isRemoved()) {
                    found.put(id, new Nearby(held.view(), held.event));
                }
                return;
            }
            RuleView view = read.get();
            if (view != null && view.report().date() != null) {
                found.put(id, new Nearby(view, null));
            }
        });
        return found.values();
    }

    /** What the rule reads of an event: kept with the set's entry while the event stays the same object. */
    RuleView view(TimelineEvent e) {
        Entry held = entries.get(e.id());
        return held != null && held.event == e ? held.view() : RuleView.of(e);
    }

    /** Whether this article was folded already (here, or as the index says). */
    boolean folded(String articleId) {
        return articles.containsKey(articleId) || source != null && source.folded(articleId);
    }

    /** An article being folded; {@link #folded(String, boolean)} says what came of it. */
    void folding(String articleId) {
        articles.put(articleId, source != null);
    }

    /** What came of an article's fold: whether it wrote records the index will name it in. */
    void folded(String articleId, boolean wroteRecords) {
        if (source != null && articles.containsKey(articleId)) {
            articles.put(articleId, wroteRecords);
        }
    }

    /** Evicts what is over the caps, least recently used first, keeping what the index does not show yet. */
    void trim() {
        if (source != null) {
            trimEvents();
            trimArticles();
        }
        sizeSeen = entries.size();
    }

    private void trimEvents() {
        int checks = 0;
        List<String> waiting = new ArrayList<>();
        Iterator<Entry> it = entries.values().iterator();
        while (entries.size() > maxEvents && it.hasNext()) {
            Entry e = it.next();
            if (e.pinned) {
                if (checks >= CHECKS_PER_TRIM) {
                    // Not looked up this time; the clean entries behind it still go.
                    continue;
                }
                checks++;
                if (!source.shows(e.event)) {
                    waiting.add(e.event.id());
                    continue;
                }
                e.pinned = false;
            }
            it.remove();
            if (!e.event.isRemoved()) {
                unfile(e);
                live--;
            }
            evicted++;
        }
        // What the index does not show yet goes behind the rest, so the next trim looks at others first.
        waiting.forEach(entries::get);
    }

    private void trimArticles() {
        int checks = 0;
        List<String> waiting = new ArrayList<>();
        Iterator<Map.Entry<String, Boolean>> it = articles.entrySet().iterator();
        while (articles.size() > maxArticles && it.hasNext()) {
            Map.Entry<String, Boolean> a = it.next();
            if (a.getValue()) {
                if (checks >= CHECKS_PER_TRIM) {
                    continue;
                }
                checks++;
                if (!source.folded(a.getKey())) {
                    waiting.add(a.getKey());
                    continue;
                }
            }
            it.remove();
        }
        for (String id : waiting) {
            articles.remove(id);
            articles.put(id, true);
        }
    }

    /** Live events held. */
    int live() {
        return live;
    }

    /** Entries held (live events and removals) as of the last trim; safe to read from any thread. */
    int size() {
        return sizeSeen;
    }

    /** Entries evicted so far; safe to read from any thread. */
    long evicted() {
        return evicted;
    }

    int articles() {
        return articles.size();
    }

    private void hold(TimelineEvent e, boolean pinned) {
        Entry old = entries.get(e.id());
        List<String> filed = places.filed(e.type(), e.location());
        if (old != null) {
            boolean sameFiling = !old.event.isRemoved() && Objects.equals(old.filed, filed)
                    && Objects.equals(old.event.date(), e.date()) && Objects.equals(old.event.dateEnd(), e.dateEnd())
                    && old.event.datePrecision() == e.datePrecision();
            if (!sameFiling) {
                if (!old.event.isRemoved()) {
                    unfile(old);
                }
                file(e, filed);
            }
            if (old.event.isRemoved()) {
                live++;
            }
            if (old.event != e) {
                old.view = null;
            }
            old.event = e;
            old.filed = filed;
            old.pinned = old.pinned || pinned;
            return;
        }
        Entry fresh = new Entry();
        fresh.event = e;
        fresh.filed = filed;
        fresh.pinned = pinned;
        entries.put(e.id(), fresh);
        file(e, filed);
        live++;
    }

    private void file(TimelineEvent e, List<String> filed) {
        byPeriod.add(e.id(), e.date(), e.dateEnd(), e.datePrecision(), filed);
    }

    private void unfile(Entry e) {
        byPeriod.remove(e.event.id(), e.event.date(), e.event.dateEnd(), e.event.datePrecision(), e.filed);
    }
}
