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
        return TimelineEvent.of(id).withType(EventType.SHELLING).withDate("2025-06-07", null, DatePrecision.DAY)
                .withTitle(id).withStatus(TimelineStatus.SINGLE_SOURCE).withRevision(revision)
                .withSeen("2025-06-07T00:00:00Z", "2025-06-07T00:00:00Z");
    }

    private StreamSubscription open(Long since, int capacity) {
        // Runs drains on the calling thread, so the test sees their effect at once.
        return open(since, capacity, Runnable::run);
    }

    private StreamSubscription open(Long since, int capacity, Executor executor) {
        StreamSubscription s = new StreamSubscription(client, view, TimelineFilter.NONE, SseImpl.INSTANCE,
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

    private static JsonNode data(OutboundSseEvent message) {
        try {
            return Json.mapper().readTree((String) message.getData());
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
        assertEquals("overflow", last.getName());
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
        assertEquals(List.of("1"), sent.stream().map(OutboundSseEvent::getId).toList());
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

        assertEquals(List.of("2", "3", "4"), sent.stream().map(OutboundSseEvent::getId).toList());
        assertEquals(List.of("created", "updated", "created"), sent.stream().map(OutboundSseEvent::getName).toList());
    }
}
