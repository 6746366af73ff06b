package io.newsline.timeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsline.timeline.config.TimelineConfig;
import io.newsline.timeline.domain.TimelineFilter;
import io.newsline.timeline.domain.TimelineView;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The live timeline as Server-Sent Events: {@code id:} the record's sequence, {@code event:}
 * created, updated or removed, {@code data:} the whole event. {@code Last-Event-ID} or
 * {@code ?since=} replays what changed after that sequence first, then continues live.
 */
@Path("/api/timeline/stream")
@ApplicationScoped
// Created at start rather than on the first request, so the subscriber and overflow series exist from the start.
@Startup
public class TimelineStreamResource {

    private final TimelineView view;
    private final TimelineConfig config;
    private final Function<Object, String> json;
    private final Set<StreamSubscription> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat;
    private final Counter overflows;
    private final Thread closer;
    private volatile boolean stopping;

    public TimelineStreamResource(TimelineView view, TimelineConfig config, MeterRegistry registry, ObjectMapper mapper) {
        this.view = view;
        this.config = config;
        // The same mapper as GET /api/timeline, so an event reads the same on both.
        this.json = value -> {
            try {
                return mapper.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        };
        this.overflows = Counter.builder("newsline.timeline.stream.overflows")
                .description("SSE subscribers sent event: overflow and closed because they read too slowly")
                .register(registry);
        Gauge.builder("newsline.timeline.stream.subscribers", open, Set::size)
                .description("Open SSE connections to /api/timeline/stream")
                .register(registry);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "timeline-stream-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long every = config.stream().heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(() -> open.forEach(StreamSubscription::ping), every, every, TimeUnit.MILLISECONDS);
        // Quarkus waits for open requests before it stops the merger, and a stream never ends by itself:
        // end the streams as soon as the stop begins. JVM shutdown hooks run side by side, so this one runs
        // while Quarkus' own hook is waiting for them.
        this.closer = new Thread(this::closeStreams, "timeline-stream-close");
        try {
            Runtime.getRuntime().addShutdownHook(closer);
        } catch (IllegalStateException stopping) {
            // Created while the JVM is already stopping (an observer woke this bean): nothing to close.
        }
    }

    private void closeStreams() {
        stopping = true;
        open.forEach(StreamSubscription::close);
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "The timeline, live, as Server-Sent Events; resumable with Last-Event-ID or ?since=")
    public Multi<OutboundSseEvent> stream(
            @Context Sse sse,
            @Parameter(description = "the id of the last message received; wins over since")
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Parameter(description = "replay every event changed after this sequence first (0: everything)")
            @QueryParam("since") String since,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("place") String place,
            @QueryParam("type") String type, @QueryParam("entity") String entity, @QueryParam("bbox") String bbox,
            @QueryParam("status") String status, @QueryParam("near") String near,
            @QueryParam("minKilled") String minKilled, @QueryParam("q") String q) {
        Long resumeAfter = resumePoint(lastEventId, since);
        TimelineFilter parsed = TimelineFilter.parse(from, to, place, type, entity, bbox, status, near, minKilled, q);
        TimelineFilter filter = parsed.isEmpty() ? TimelineFilter.NONE : parsed;
        return Multi.createFrom().publisher(subscriber -> {
            StreamSubscription[] self = new StreamSubscription[1];
            self[0] = new StreamSubscription(subscriber, view, filter, sse, json, config.stream().buffer(),
                    connectionThread(), () -> open.remove(self[0]), overflows::increment);
            open.add(self[0]);
            subscriber.onSubscribe(self[0]);
            self[0].start(resumeAfter);
            if (stopping) {
                self[0].close();
            }
        });
    }

    /**
     * Where a subscriber's messages are handed to its connection: the connection's own event loop, so
     * a write and its completion (which asks for the next message) need no hop between threads; a
     * drain only queues writes, never blocks. Off an event loop (not expected), the worker pool.
     */
    private static Executor connectionThread() {
        io.vertx.core.Context context = Vertx.currentContext();
        if (context != null && context.isEventLoopContext()) {
            return task -> context.runOnContext(ignored -> task.run());
        }
        return Infrastructure.getDefaultWorkerPool();
    }

    private static Long resumePoint(String lastEventId, String since) {
        String field = lastEventId != null && !lastEventId.isBlank() ? "Last-Event-ID" : "since";
        String text = "Last-Event-ID".equals(field) ? lastEventId : since;
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long n = Long.parseLong(text.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new TimelineFilter.BadFilterException(List.of(
                    new TimelineFilter.Violation(field, "must be a sequence number (0 or more)")));
        }
    }

    void stop(@Observes ShutdownEvent ev) {
        heartbeat.shutdownNow();
        closeStreams();
        try {
            Runtime.getRuntime().removeShutdownHook(closer);
        } catch (IllegalStateException alreadyRunning) {
            // The JVM is exiting and the hook has run or is running.
        }
    }
}
