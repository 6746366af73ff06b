package io.newsline.timeline.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.contracts.model.TimelineStatus;
import io.newsline.timeline.domain.TimelineFilter;
import io.newsline.timeline.domain.TimelineView;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;

/** The per-client buffer of the stream, driven directly as the HTTP layer drives it (request n, read). */
class StreamSubscriptionTest {

    private final TimelineView view = new TimelineView();
    private final List<OutboundSseEvent> sent = new CopyOnWriteArrayList<>();
    private final AtomicBoolean completed = new AtomicBoolean();
    private Flow.Subscription subscription;

    private final Flow.Subscriber<OutboundSseEvent> client = new Flow.Subscriber<>() {
        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(OutboundSseEvent item) {
            sent.add(item);
        }

        @Override
        public void onError(Throwable throwable) {
            completed.set(true);
        }

        @Override
        public void onComplete() {
            completed.set(true);
        }
    };

    private static TimelineEvent event(String id, int revision) {
        return event(id, revision, EventType.SHELLING);
    }

    private static TimelineEvent event(String id, int revision, EventType type) {
        return TimelineEvent.of(id).withType(type).withDate("2025-06-07", null, DatePrecision.DAY)
                .withTitle(id).withStatus(TimelineStatus.SINGLE_SOURCE).withRevision(revision)
                .withSeen("2025-06-07T00:00:00Z", "2025-06-07T00:00:00Z");
    }

    private StreamSubscription open(Long since, int capacity) {
        // Runs drains on the calling thread, so the test sees their effect at once.
        return open(since, capacity, Runnable::run);
    }

    private StreamSubscription open(Long since, int capacity, Executor executor) {
        return open(since, capacity, executor, TimelineFilter.NONE);
    }

    private StreamSubscription open(Long since, TimelineFilter filter) {
        return open(since, 100, Runnable::run, filter);
    }

    private StreamSubscription open(Long since, int capacity, Executor executor, TimelineFilter filter) {
        StreamSubscription s = new StreamSubscription(client, view, filter, SseImpl.INSTANCE,
                StreamSubscriptionTest::json, capacity, executor, () -> { }, () -> { });
        client.onSubscribe(s);
        s.start(since);
        return s;
    }

    private static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A field as the client reads it: SSE parsers drop the one space after the colon. */
    private static String read(String field) {
        return field == null ? null : field.startsWith(" ") ? field.substring(1) : field;
    }

    private List<String> ids() {
        return sent.stream().map(m -> read(m.getId())).toList();
    }

    private List<String> names() {
        return sent.stream().map(m -> read(m.getName())).toList();
    }

    private static JsonNode data(OutboundSseEvent message) {
        try {
            return Json.mapper().readTree(read((String) message.getData()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aClientThatStopsReadingGetsOverflowWithWhereToResumeAndIsClosed() {
        view.apply(1, event("ev-1", 1));
        open(null, 2);
        subscription.request(1);
        view.apply(2, event("ev-2", 1));
        assertEquals(1, sent.size());

        // The client stops reading while the feed goes on past its buffer of two.
        view.apply(3, event("ev-3", 1));
        view.apply(4, event("ev-4", 1));
        view.apply(5, event("ev-5", 1));
        subscription.request(10);

        OutboundSseEvent last = sent.get(sent.size() - 1);
        assertEquals("overflow", read(last.getName()));
        assertEquals(2L, data(last).get("resumeFrom").asLong());
        assertTrue(completed.get());
        assertEquals(0, view.subscribers());
    }

    @Test
    void closingAsTheServiceStopsEndsTheStreamAfterWhatWasSentAndUnsubscribes() {
        view.apply(1, event("ev-1", 1));
        StreamSubscription s = open(0L, 10);
        subscription.request(10);
        assertEquals(1, sent.size());

        s.close();
        view.apply(2, event("ev-2", 1));

        assertTrue(completed.get(), "the stream ended");
        assertEquals(List.of("1"), ids());
        assertEquals(0, view.subscribers());
    }

    @Test
    void aClientThatNeverReadsAgainIsEndedTwoHeartbeatsAfterOverflowing() {
        StreamSubscription s = open(null, 2);
        // The client never asks for a message while the feed goes past its buffer.
        view.apply(1, event("ev-1", 1));
        view.apply(2, event("ev-2", 1));
        view.apply(3, event("ev-3", 1));
        assertEquals(0, view.subscribers());

        s.ping();
        assertFalse(completed.get(), "one heartbeat is not yet enough to give up on it");
        s.ping();

        assertTrue(completed.get());
        assertTrue(sent.isEmpty());
    }

    @Test
    void aLongReplayYieldsItsThreadEveryTurnSoOtherConnectionsOnItAreServedInBetween() {
        for (int i = 1; i <= 3 * StreamSubscription.TURN; i++) {
            view.apply(i, event("ev-" + i, 1));
        }
        Queue<Runnable> thread = new ArrayDeque<>();
        open(0L, 10, thread::add);
        subscription.request(Long.MAX_VALUE);

        thread.poll().run();
        assertEquals(StreamSubscription.TURN, sent.size(), "one turn's worth, then the thread is given back");
        assertEquals(1, thread.size(), "the rest waits its turn behind other tasks");
        while (!thread.isEmpty()) {
            thread.poll().run();
        }
        assertEquals(3 * StreamSubscription.TURN, sent.size());
    }

    @Test
    void aLiveRecordIsRenderedOnceHoweverManyClientsItGoesTo() {
        AtomicInteger renders = new AtomicInteger();
        Function<Object, String> counting = value -> {
            renders.incrementAndGet();
            return json(value);
        };
        List<String> data = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            Flow.Subscriber<OutboundSseEvent> reader = new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    s.request(10);
                }

                @Override
                public void onNext(OutboundSseEvent item) {
                    data.add((String) item.getData());
                }

                @Override
                public void onError(Throwable throwable) {
                }

                @Override
                public void onComplete() {
                }
            };
            StreamSubscription s = new StreamSubscription(reader, view, TimelineFilter.NONE, SseImpl.INSTANCE, counting,
                    10, Runnable::run, () -> { }, () -> { });
            reader.onSubscribe(s);
            s.start(null);
        }

        view.apply(1, event("ev-1", 1));

        assertEquals(3, data.size());
        assertEquals(1, data.stream().distinct().count());
        assertEquals(1, renders.get(), "rendered once, shared by the three clients");
    }

    @Test
    void replayThenLiveCarriesEachSequenceOnceInOrder() {
        view.apply(1, event("ev-1", 1));
        view.apply(2, event("ev-2", 1));
        view.apply(3, event("ev-1", 2));
        open(1L, 10);
        view.apply(4, event("ev-3", 1));
        subscription.request(10);

        assertEquals(List.of("2", "3", "4"), ids());
        assertEquals(List.of("created", "updated", "created"), names());
    }

    @Test
    void everyFieldIsWrittenWithTheSpaceAfterTheColonThatTheDocsShow() {
        view.apply(1, event("ev-1", 1));
        StreamSubscription s = open(0L, 10);
        subscription.request(10);
        s.ping();

        OutboundSseEvent message = sent.get(0);
        assertEquals(" 1", message.getId());
        assertEquals(" created", message.getName());
        assertTrue(((String) message.getData()).startsWith(" {"), (String) message.getData());
        assertEquals(" ping", sent.get(1).getComment());
    }

    @Test
    void aFilteredReplayTellsOfRemovalsOnlyForEventsTheClientWasSent() {
        // Given a shelling and an air strike the client may hold (sequences 1 and 2), both merged away later
        view.apply(1, event("ev-shelling", 1));
        view.apply(2, event("ev-strike", 1, EventType.AIR_STRIKE));
        view.apply(3, event("ev-survivor", 1));
        view.apply(4, TimelineEvent.removal("ev-shelling", "ev-survivor"));
        view.apply(5, TimelineEvent.removal("ev-strike", "ev-survivor"));
        // and an air strike created and merged away after the client's position: it never had it
        view.apply(6, event("ev-late", 1, EventType.AIR_STRIKE));
        view.apply(7, TimelineEvent.removal("ev-late", "ev-survivor"));

        // When a client that only follows shelling resumes after sequence 3
        open(3L, TimelineFilter.parse(null, null, null, "shelling", null, null, null));
        subscription.request(10);

        // Then it hears only of the shelling it was sent
        assertEquals(List.of("4"), ids());
        assertEquals(List.of("removed"), names());
        assertEquals("ev-shelling", data(sent.get(0)).get("id").asText());
        assertEquals("ev-survivor", data(sent.get(0)).get("mergedInto").asText());
    }

    @Test
    void anUnfilteredReplayTellsOfEveryRemovalOfAnEventTheClientMayHold() {
        view.apply(1, event("ev-shelling", 1));
        view.apply(2, event("ev-strike", 1, EventType.AIR_STRIKE));
        view.apply(3, TimelineEvent.removal("ev-shelling", "ev-strike"));
        view.apply(4, event("ev-late", 1));
        view.apply(5, TimelineEvent.removal("ev-late", "ev-strike"));

        open(2L, 10);
        subscription.request(10);

        assertEquals(List.of("3"), ids(), "ev-late came and went after sequence 2");
    }

    @Test
    void aRemovalWhoseEventWasCompactedAwayIsToldToFilteredClientsWhoseFiltersItsSurvivorMatches() {
        // The view never saw these events live (their records were compacted away), only where they went.
        view.apply(5, event("ev-survivor", 2));
        view.apply(6, TimelineEvent.removal("ev-shelling", "ev-survivor"));
        view.apply(7, event("ev-strike", 1, EventType.AIR_STRIKE));
        view.apply(8, TimelineEvent.removal("ev-other", "ev-strike"));

        open(1L, TimelineFilter.parse(null, null, null, "shelling", null, null, null));
        subscription.request(10);

        assertEquals(List.of("5", "6"), ids());
        assertEquals(List.of("updated", "removed"), names());
    }

    @Test
    void aLiveRemovalReachesAFilteredClientOnlyWhenItHeldTheEvent() {
        view.apply(1, event("ev-shelling", 1));
        view.apply(2, event("ev-strike", 1, EventType.AIR_STRIKE));
        view.apply(3, event("ev-survivor", 1, EventType.AIR_STRIKE));
        open(null, TimelineFilter.parse(null, null, null, "shelling", null, null, null));
        subscription.request(10);

        view.apply(4, TimelineEvent.removal("ev-strike", "ev-survivor"));
        view.apply(5, TimelineEvent.removal("ev-shelling", "ev-survivor"));

        assertEquals(List.of("5"), ids());
        assertEquals("ev-shelling", data(sent.get(0)).get("id").asText());
    }
}
