package io.newsline.timeline.api;

import io.newsline.contracts.problem.Problem;
import io.newsline.contracts.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsline.contracts.net.OutboundAddressPolicy;
import io.newsline.timeline.config.TimelineConfig;
import io.newsline.timeline.domain.TimelineFilter;
import io.newsline.timeline.domain.TimelineView;
import io.newsline.timeline.messaging.WatchDeliverer;
import io.newsline.timeline.messaging.WatchStore;
import io.newsline.timeline.watch.DeliveryStatus;
import io.newsline.timeline.watch.Watch;
import io.newsline.timeline.watch.WatchFilter;
import io.newsline.timeline.watch.WatchRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/watches}: saved filters whose every matching change of the timeline is posted to a webhook, each
 * with its delivery status and an Atom feed of its latest events. Writes need a write token (WriteTokenFilter).
 */
@Path("/api/watches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "watches", description = "Saved filters that post every matching change to a webhook")
public class WatchesResource {

    static final String EXAMPLE = """
            {"name": "kharkiv-strikes",
             "filter": {"type": ["air_strike", "missile_strike"], "near": {"lat": 49.99, "lon": 36.23, "km": 50}, "minKilled": 1},
             "webhook": {"url": "https://hooks.example.org/newsline", "secret": "a-long-random-shared-secret"}}""";

    /** A watch as answers show it: no secret, and of the webhook URL only its origin. */
    public record WatchView(String name, WatchFilter filter, Map<String, String> webhook, String createdAt,
            long startSequence, DeliveryStatus status, Map<String, String> links) {}

    private final WatchStore store;
    private final WatchDeliverer deliverer;
    private final TimelineView view;
    private final TimelineConfig.Watches config;
    private final WatchRequest requests;
    private final ObjectMapper mapper;

    public WatchesResource(WatchStore store, WatchDeliverer deliverer, TimelineView view, TimelineConfig config,
            OutboundAddressPolicy policy, ObjectMapper mapper) {
        this.store = store;
        this.deliverer = deliverer;
        this.view = view;
        this.config = config.watches();
        this.requests = new WatchRequest(policy);
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a watch",
            description = "Every change of the timeline after now (each created or updated event, each revision) that "
                    + "matches the filter is POSTed to the webhook as {watch, change, event}, signed with the secret. "
                    + "Kept in the compacted topic news.timeline.watches. The secret is never shown again.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "watch", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Saved; Location names it",
            content = @Content(schema = @Schema(implementation = WatchView.class)))
    @APIResponse(responseCode = "400", description = "Bad fields, each named in errors (filter.near.km, webhook.url, …)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or unknown write token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A watch of that name exists, or there are as many watches as allowed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not store the watch in time (with Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(String body, @Context UriInfo uri) {
        JsonNode json;
        try {
            json = mapper.readTree(body == null ? "" : body);
        } catch (IOException e) {
            throw new TimelineFilter.BadFilterException(List.of(new TimelineFilter.Violation("", "not JSON: "
                    + e.getMessage().lines().findFirst().orElse(""))));
        }
        WatchRequest.Parsed parsed = requests.read(json);
        if (store.watch(parsed.name()).isPresent()) {
            throw new ProblemException(Problem.conflict("there is a watch named " + parsed.name()
                    + "; delete it first to replace it").with("errors",
                    List.of(new TimelineFilter.Violation("name", "is taken"))));
        }
        if (store.watches().size() >= config.max()) {
            throw new ProblemException(Problem.conflict("there are " + config.max()
                    + " watches, as many as timeline.watches.max allows"));
        }
        Watch watch = new Watch(parsed.name(), parsed.filter(), parsed.webhook(), Instant.now().toString(),
                view.lastSequence());
        try {
            store.put(watch, config.writeTimeout());
        } catch (ExecutionException | TimeoutException e) {
            return unavailable("Kafka did not store the watch; retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("interrupted");
        }
        return Response.created(URI.create("/api/watches/" + watch.name())).entity(shown(watch, uri)).build();
    }

    @GET
    @Operation(summary = "Every watch, with its delivery status")
    public List<WatchView> list(@Context UriInfo uri) {
        return store.watches().stream().sorted(Comparator.comparing(Watch::name)).map(w -> shown(w, uri)).toList();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One watch with its delivery status: last delivery, last status, failures, pending")
    @APIResponse(responseCode = "200", description = "The watch",
            content = @Content(schema = @Schema(implementation = WatchView.class)))
    @APIResponse(responseCode = "404", description = "No watch of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WatchView get(@PathParam("name") String name, @Context UriInfo uri) {
        return shown(find(name), uri);
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete a watch: no further deliveries; tombstones on news.timeline.watches and news.timeline.deliveries")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No or unknown write token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No watch of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("name") String name) {
        find(name);
        try {
            store.delete(name, config.writeTimeout());
        } catch (ExecutionException | TimeoutException e) {
            return unavailable("Kafka did not store the deletion; retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("interrupted");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{name}/feed.atom")
    @Produces(AtomWriter.MEDIA_TYPE)
    @Operation(summary = "The watch's latest matching events as an Atom feed, the latest change first")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = AtomWriter.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No watch of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response feed(@PathParam("name") String name, @Context UriInfo uri) {
        Watch watch = find(name);
        var events = view.latest(watch.filter().toTimelineFilter(), config.feedEntries());
        String self = uri.getRequestUri().toString();
        String eventsUrl = uri.getBaseUri().resolve("api/events/").toString();
        StreamingOutput body = out -> {
            AtomWriter atom = new AtomWriter(out, "urn:newsline:watch:" + watch.name(), "Newsline watch " + watch.name(),
                    self, eventsUrl, cursor -> self);
            atom.begin(view.lastSequence());
            for (var e : events) {
                atom.event(e);
            }
            atom.end(null);
        };
        return Response.ok(body, AtomWriter.MEDIA_TYPE + "; charset=utf-8").build();
    }

    private Watch find(String name) {
        return store.watch(name).orElseThrow(() -> new ProblemException(Problem.notFound("no watch named " + name)));
    }

    private WatchView shown(Watch w, UriInfo uri) {
        String self = uri.getBaseUri().resolve("api/watches/" + w.name()).toString();
        return new WatchView(w.name(), w.filter(), Map.of("url", w.webhook().shown()), w.createdAt(),
                w.startSequence(), deliverer.status(w), Map.of("self", self, "feed", self + "/feed.atom"));
    }

    private static Response unavailable(String detail) {
        return Response.fromResponse(ProblemMappers.response(Problem.unavailable(detail))).header("Retry-After", 5).build();
    }
}
