package io.newsline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks, after a fault, what a user of the timeline would check, and counts it for
 * docs/reliability.md: every acknowledged article is on the timeline exactly once and in date order;
 * a subscriber that resumed across the fault got every change once, in order, and ends with exactly
 * what a fresh subscriber gets. Collects every problem instead of stopping at the first, so the
 * figures of a failed run are written too.
 */
final class DeliveryAudit {

    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    /** Articles posted apart from the load, each reporting several events: id → how many. */
    private final Map<String, Integer> severalEvents = new LinkedHashMap<>();

    DeliveryAudit(String test) {
        figures.put("test", test);
    }

    void put(String name, Object value) {
        figures.put(name, value);
    }

    List<String> problems() {
        return problems;
    }

    private void problem(String what) {
        if (problems.size() < 50) {
            problems.add(what);
        }
    }

    /**
     * An acknowledged article, posted apart from the load, that reports this many events (as nlp-service's
     * {@code /api/enrich} reads it), none of which can merge with anything: the timeline must hold each of
     * them once, with the article as its one source.
     */
    void expectSeveralEvents(String articleId, int events) {
        severalEvents.put(articleId, events);
    }

    /** Another audit's figures under {@code name}, its problems prefixed with it. */
    void include(String name, DeliveryAudit other) {
        Map<String, Object> nested = new LinkedHashMap<>(other.figures);
        nested.remove("test");
        figures.put(name, nested);
        other.problems.forEach(p -> problem(name + ": " + p));
    }

    /** Outcomes of the load: acknowledged at once, refused with 503, not answered, re-posted. */
    void load(SteadyLoad load, int reposted) {
        Collection<SteadyLoad.Posted> all = load.posted();
        figures.put("ratePerSecond", load.perSecond());
        figures.put("articlesPosted", all.size());
        figures.put("acknowledgedOnFirstPost", all.stream().filter(p -> p.acknowledgedOnFirstPost).count());
        figures.put("refusedWith503", all.stream().filter(p -> p.refused).count());
        figures.put("notAnswered", all.stream().filter(p -> p.unanswered).count());
        figures.put("reposted", reposted);
        figures.put("repostAnsweredDuplicate", all.stream().filter(p -> p.duplicateOnRepost).count());
        figures.put("acknowledged", all.stream().filter(SteadyLoad.Posted::acknowledged).count());
        for (String u : load.unexpected()) {
            problem("ingest answered neither 202 nor 503 with Retry-After: " + u);
        }
        for (SteadyLoad.Posted p : all) {
            if (!p.acknowledged()) {
                problem("article " + p.n + " was never acknowledged");
            }
        }
    }

    /**
     * The timeline as GET serves it: each acknowledged article is a source of exactly one event and
     * once in it, no source is counted twice, nothing unknown is there, and items are in date order.
     */
    void timeline(RunningSystem.Page page, Collection<SteadyLoad.Posted> posted, long end) {
        Map<String, Integer> articleN = new HashMap<>();
        posted.forEach(p -> articleN.put(p.id, p.n));
        severalEvents.keySet().forEach(id -> articleN.put(id, -1));
        Map<String, Integer> occurrences = new HashMap<>();
        int sourceCountWrong = 0;
        int merged = 0;
        int unknown = 0;
        int outOfOrder = 0;
        LocalDate previous = null;
        for (JsonNode item : page.items()) {
            JsonNode sources = item.path("sources");
            Set<String> distinct = new HashSet<>();
            for (JsonNode s : sources) {
                String article = s.path("articleId").asText();
                distinct.add(article);
                occurrences.merge(article, 1, Integer::sum);
                if (!articleN.containsKey(article)) {
                    unknown++;
                    problem("event " + item.path("id").asText() + " has a source nobody acknowledged: " + article);
                }
            }
            if (item.path("sourceCount").asInt() != sources.size() || distinct.size() != sources.size()) {
                sourceCountWrong++;
                problem("event " + item.path("id").asText() + " counts its sources wrong: sourceCount "
                        + item.path("sourceCount").asInt() + ", " + sources.size() + " sources of " + distinct.size()
                        + " articles");
            }
            if (distinct.size() > 1 && !severalEvents.keySet().containsAll(distinct)) {
                merged++;
                problem("articles written never to merge were merged: " + item.path("id").asText() + " " + distinct);
            }
            LocalDate day = firstDay(item.path("date").asText());
            if (previous != null && day.isBefore(previous)) {
                outOfOrder++;
                problem("GET /api/timeline is out of order: " + item.path("date").asText() + " after " + previous);
            }
            previous = day;
        }
        int delivered = 0;
        int duplicated = 0;
        int missing = 0;
        for (SteadyLoad.Posted p : posted) {
            if (p.id == null) {
                continue;
            }
            int times = occurrences.getOrDefault(p.id, 0);
            if (times == 0) {
                missing++;
                problem("acknowledged article " + p.n + " (" + p.id + ") is not on the timeline");
            } else {
                delivered++;
                if (times > 1) {
                    duplicated++;
                    problem("acknowledged article " + p.n + " (" + p.id + ") is on the timeline " + times + " times");
                }
            }
        }
        int eventsExpected = 0;
        int eventsFound = 0;
        for (Map.Entry<String, Integer> e : severalEvents.entrySet()) {
            int times = occurrences.getOrDefault(e.getKey(), 0);
            eventsExpected += e.getValue();
            eventsFound += times;
            if (times != e.getValue()) {
                problem("article " + e.getKey() + " reports " + e.getValue() + " events, the timeline has it in " + times);
            }
        }
        if (!severalEvents.isEmpty()) {
            figures.put("severalEventArticles", severalEvents.size());
            figures.put("severalEventArticlesEventsReported", eventsExpected);
            figures.put("severalEventArticlesEventsOnTimeline", eventsFound);
        }
        if (page.sequence() != end) {
            problem("GET /api/timeline reflects sequence " + page.sequence() + ", news.timeline ends at " + end);
        }
        figures.put("deliveredToTimeline", delivered);
        figures.put("missingFromTimeline", missing);
        figures.put("duplicatedOnTimeline", duplicated);
        figures.put("sourceCountWrong", sourceCountWrong);
        figures.put("mergedUnexpectedly", merged);
        figures.put("unknownSources", unknown);
        figures.put("timelineEvents", page.items().size());
        figures.put("timelineSequence", end);
        figures.put("outOfOrder", outOfOrder);
    }

    static double seconds(long nanos) {
        return Math.round(nanos / 1e7) / 100.0;
    }

    private static LocalDate firstDay(String date) {
        if (date.length() == 4) {
            return LocalDate.of(Integer.parseInt(date), 1, 1);
        }
        if (date.length() == 7) {
            return LocalDate.parse(date + "-01");
        }
        return LocalDate.parse(date.substring(0, 10));
    }

    /**
     * The resuming subscriber's messages against news.timeline itself: ids only grow (no duplicate);
     * each message is the record at its sequence; every record arrived, or (in a replay after a resume)
     * a later record of the same event did; and its final state is what a fresh {@code ?since=0}
     * subscriber and the GET see.
     */
    void stream(ResumingSseClient client, List<RunningSystem.TimelineRecord> records,
            List<SseClient.Message> freshReplay, RunningSystem.Page page) {
        Map<Long, RunningSystem.TimelineRecord> bySequence = new HashMap<>();
        Map<String, Long> lastSequenceOfEvent = new HashMap<>();
        for (RunningSystem.TimelineRecord r : records) {
            bySequence.put(r.sequence(), r);
            lastSequenceOfEvent.put(r.key(), r.sequence());
        }
        Set<Long> seen = new HashSet<>();
        Map<String, Long> lastReceivedOfEvent = new HashMap<>();
        int messages = 0;
        int overflows = 0;
        int duplicateIds = 0;
        int backwards = 0;
        int mismatched = 0;
        long last = 0;
        for (ResumingSseClient.Received received : client.received()) {
            SseClient.Message m = received.message();
            if ("overflow".equals(m.event())) {
                // The protocol's answer to a client that fell 1000 messages behind (a burst while a restarted
                // instance rebuilds can do it); the client resumes from its last id like after a break.
                overflows++;
                continue;
            }
            if (m.id() == null) {
                problem("a stream message without an id: " + m);
                continue;
            }
            messages++;
            long id = Long.parseLong(m.id());
            if (!seen.add(id)) {
                duplicateIds++;
                problem("the subscriber got sequence " + id + " twice");
            } else if (id < last) {
                backwards++;
                problem("the subscriber got sequence " + id + " after " + last);
            }
            last = Math.max(last, id);
            JsonNode data = read(m.data());
            String event = data.path("id").asText();
            RunningSystem.TimelineRecord record = bySequence.get(id);
            if (record == null || !record.key().equals(event)
                    || ("removed".equals(m.event()) != record.value().path("removed").asBoolean())
                    || (!"removed".equals(m.event()) && (data.path("sequence").asLong() != id
                            || data.path("revision").asInt() != record.value().path("revision").asInt()))) {
                mismatched++;
                problem("message " + id + " (" + m.event() + " " + event + ") is not record " + id + " of news.timeline: "
                        + (record == null ? "none" : record.key() + " " + record.value().path("revision")));
            }
            lastReceivedOfEvent.merge(event, id, Math::max);
        }
        int gaps = 0;
        int superseded = 0;
        for (RunningSystem.TimelineRecord r : records) {
            if (seen.contains(r.sequence())) {
                continue;
            }
            if (lastReceivedOfEvent.getOrDefault(r.key(), 0L) > r.sequence()) {
                superseded++;
            } else {
                gaps++;
                problem("the subscriber never got record " + r.sequence() + " (" + r.key() + ") nor a later one of it");
            }
        }
        Map<String, Long> resumedState = state(client.received().stream().map(ResumingSseClient.Received::message).toList());
        Map<String, Long> freshState = state(freshReplay);
        Map<String, Long> getState = new TreeMap<>();
        page.items().forEach(i -> getState.put(i.path("id").asText(), i.path("sequence").asLong()));
        boolean sameAsFresh = resumedState.equals(freshState);
        if (!sameAsFresh) {
            problem("the resumed subscriber's events differ from a fresh ?since=0 subscriber's: "
                    + difference(resumedState, freshState));
        }
        if (!freshState.equals(getState)) {
            problem("a fresh ?since=0 subscriber's events differ from GET /api/timeline's: "
                    + difference(freshState, getState));
        }
        figures.put("sseMessagesReceived", messages);
        figures.put("sseResumes", client.resumes());
        figures.put("sseOverflows", overflows);
        figures.put("sseReconnectAttemptsRefused", client.failedAttempts());
        figures.put("sseGaps", gaps);
        figures.put("sseDuplicateIds", duplicateIds);
        figures.put("sseOutOfOrderIds", backwards);
        figures.put("sseMessagesNotMatchingTheirRecord", mismatched);
        figures.put("sseRevisionsSupersededInReplay", superseded);
        figures.put("sseFinalStateEqualsFreshReplay", sameAsFresh);
        figures.put("freshReplayMessages", freshReplay.size());
    }

    /**
     * The committed records of news.timeline against what no reader may see: each revision of an event is
     * written once (a merger folding an article twice, or a fenced one writing next to its successor, would
     * repeat one), and none of the records that were never committed (an aborted or fenced transaction's)
     * reached a subscriber or the GET.
     */
    void neverSeen(List<RunningSystem.TimelineRecord> committed, java.util.Set<Long> neverCommitted,
            RunningSystem.Page page, List<ResumingSseClient> clients) {
        Map<String, Integer> revisions = new HashMap<>();
        int duplicateRevisions = 0;
        for (RunningSystem.TimelineRecord r : committed) {
            String revision = r.key() + (r.value().path("removed").asBoolean() ? " removed"
                    : " r" + r.value().path("revision").asInt());
            if (revisions.merge(revision, 1, Integer::sum) > 1) {
                duplicateRevisions++;
                problem("news.timeline holds " + revision + " twice (again at sequence " + r.sequence() + ")");
            }
        }
        int seen = 0;
        for (ResumingSseClient client : clients) {
            for (ResumingSseClient.Received received : client.received()) {
                String id = received.message().id();
                if (id != null && neverCommitted.contains(Long.parseLong(id))) {
                    seen++;
                    problem("a subscriber got record " + id + ", which was never committed");
                }
            }
        }
        for (JsonNode item : page.items()) {
            if (neverCommitted.contains(item.path("sequence").asLong())) {
                seen++;
                problem("GET /api/timeline serves record " + item.path("sequence") + ", which was never committed");
            }
        }
        figures.put("committedRecords", committed.size());
        figures.put("duplicateRevisions", duplicateRevisions);
        figures.put("recordsWrittenButNeverCommitted", neverCommitted.size());
        figures.put("fencedOrAbortedWritesSeenByReaders", seen);
    }

    /**
     * Articles nlp-service published to news.articles.enriched more than once (it was killed after publishing
     * them and before committing their raw offsets, so it enriched them again): each must still be in
     * exactly one record of news.timeline, its event's first, the copy having changed nothing.
     */
    void reEnriched(Map<String, Integer> enrichedRecordsPerArticle, Collection<SteadyLoad.Posted> posted,
            List<RunningSystem.TimelineRecord> committed) {
        Map<String, Integer> timelineRecords = new HashMap<>();
        for (RunningSystem.TimelineRecord r : committed) {
            for (JsonNode s : r.value().path("sources")) {
                timelineRecords.merge(s.path("articleId").asText(), 1, Integer::sum);
            }
        }
        int articles = 0;
        int copies = 0;
        int changedTheTimeline = 0;
        for (SteadyLoad.Posted p : posted) {
            int enriched = enrichedRecordsPerArticle.getOrDefault(p.id, 0);
            if (enriched <= 1) {
                continue;
            }
            articles++;
            copies += enriched - 1;
            int records = timelineRecords.getOrDefault(p.id, 0);
            if (records != 1) {
                changedTheTimeline++;
                problem("article " + p.n + " was enriched " + enriched + " times and is in " + records
                        + " timeline records instead of 1");
            }
        }
        figures.put("articlesEnrichedMoreThanOnce", articles);
        figures.put("extraEnrichedCopies", copies);
        figures.put("reEnrichedArticlesThatChangedTheTimeline", changedTheTimeline);
    }

    /** What a client holds after these messages: event id → sequence of its latest revision. */
    private static Map<String, Long> state(List<SseClient.Message> messages) {
        Map<String, Long> state = new TreeMap<>();
        for (SseClient.Message m : messages) {
            if (m.id() == null) {
                continue;
            }
            String event = read(m.data()).path("id").asText();
            if ("removed".equals(m.event())) {
                state.remove(event);
            } else {
                state.put(event, Long.parseLong(m.id()));
            }
        }
        return state;
    }

    private static String difference(Map<String, Long> a, Map<String, Long> b) {
        Map<String, String> diff = new TreeMap<>();
        Set<String> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            if (!java.util.Objects.equals(a.get(k), b.get(k))) {
                diff.put(k, a.get(k) + " vs " + b.get(k));
            }
            if (diff.size() >= 10) {
                break;
            }
        }
        return diff + " (" + a.size() + " vs " + b.size() + " events)";
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Seconds from {@code fromNanos} until the subscriber first received an event of an article that was
     * first posted after {@code postedAfterNanos} and acknowledged: when articles flowed end to end again.
     * Null when none did.
     */
    static Double secondsUntilFlowing(ResumingSseClient client, Collection<SteadyLoad.Posted> posted,
            long postedAfterNanos, long fromNanos) {
        Set<String> candidates = new HashSet<>();
        for (SteadyLoad.Posted p : posted) {
            if (p.firstPostedNanos >= postedAfterNanos && p.acknowledgedOnFirstPost) {
                candidates.add(p.id);
            }
        }
        for (ResumingSseClient.Received r : client.received()) {
            for (JsonNode s : read(r.message().data()).path("sources")) {
                if (candidates.contains(s.path("articleId").asText())) {
                    return seconds(r.atNanos() - fromNanos);
                }
            }
        }
        return null;
    }

    /** Writes the figures to {@code e2e-tests/target/reliability/<test>.json} and prints a one-line summary. */
    void write() {
        String test = (String) figures.get("test");
        figures.put("problems", problems.size());
        Path file = ServiceProcess.repositoryRoot().resolve("e2e-tests/target/reliability").resolve(test + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder line = new StringBuilder("reliability ").append(test).append(':');
        figures.forEach((k, v) -> {
            if (!"test".equals(k) && !(v instanceof Collection<?>) && !(v instanceof Map<?, ?>)) {
                line.append(' ').append(k).append('=').append(v);
            }
        });
        System.out.println(line);
    }
}
