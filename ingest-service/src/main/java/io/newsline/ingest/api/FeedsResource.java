package io.newsline.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.problem.FieldError;
import io.newsline.contracts.problem.Problem;
import io.newsline.contracts.problem.ProblemException;
import io.newsline.contracts.net.OutboundAddressPolicy;
import io.newsline.ingest.config.IngestConfig;
import io.newsline.ingest.feeds.FeedDefinition;
import io.newsline.ingest.feeds.FeedStatus;
import io.newsline.ingest.messaging.FeedCatalog;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/feeds}: the RSS/Atom feeds ingest polls, their last poll, last error and item counts. */
@Path("/api/feeds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "feeds", description = "RSS 2.0 and Atom feeds ingest polls")
@SecurityRequirement(name = ApiExamples.BEARER)
public class FeedsResource {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_FEED_REQUEST = 16 * 1024;

    private final FeedCatalog catalog;
    private final IngestConfig config;
    private final ArticleSubmission submission;
    private final OutboundAddressPolicy outbound;

    public FeedsResource(FeedCatalog catalog, IngestConfig config, ArticleSubmission submission) {
        this.catalog = catalog;
        this.config = config;
        this.submission = submission;
        this.outbound = OutboundAddressPolicy.of(config.outbound().refusePrivateAddresses());
    }

    @Operation(summary = "Every feed with its last poll, last error and item counts")
    @APIResponse(responseCode = "200", description = "The feeds, by name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedStatus[].class),
                    examples = @ExampleObject(name = "feeds", value = ApiExamples.FEED_LIST)))
    @APIResponse(responseCode = "401", description = "NEWSLINE_READ_TOKENS is set and no read token was sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unauthorized", value = ApiExamples.UNAUTHORIZED)}))
    @GET
    public List<FeedStatus> list() {
        return catalog.statuses();
    }

    @Operation(summary = "One feed with its last poll, last error and item counts")
    @APIResponse(responseCode = "200", description = "The feed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedStatus.class),
                    examples = @ExampleObject(name = "feed", value = ApiExamples.FEED_STATUS)))
    @APIResponse(responseCode = "401", description = "NEWSLINE_READ_TOKENS is set and no read token was sent",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unauthorized", value = ApiExamples.UNAUTHORIZED)}))
    @APIResponse(responseCode = "404", description = "No feed of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND)}))
    @GET
    @Path("/{name}")
    public FeedStatus get(@PathParam("name") String name) {
        return catalog.status(name).orElseThrow(() -> notFound(name));
    }

    @Operation(summary = "Add or replace a feed",
            description = "Kept in the compacted topic news.ingest.feeds, so it survives a restart; polled at once and then on its interval.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "feed", value = ApiExamples.FEED_REQUEST)))
    @APIResponse(responseCode = "201", description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedStatus.class),
                    examples = @ExampleObject(name = "feed", value = ApiExamples.FEED_STATUS)))
    @APIResponse(responseCode = "200", description = "Replaced a feed of that name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedStatus.class),
                    examples = @ExampleObject(name = "feed", value = ApiExamples.FEED_STATUS)))
    @APIResponse(responseCode = "400", description = "Invalid feed fields or malformed JSON",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "invalid-fields", value = ApiExamples.FEED_INVALID), @ExampleObject(name = "bad-json", value = ApiExamples.BAD_JSON)}))
    @APIResponse(responseCode = "401", description = "No, malformed or unknown bearer token (with WWW-Authenticate: Bearer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unauthorized", value = ApiExamples.UNAUTHORIZED)}))
    @APIResponse(responseCode = "429", description = "This token is over its write rate (with Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "rate-limited", value = ApiExamples.RATE_LIMITED)}))
    @APIResponse(responseCode = "409", description = "The name belongs to a feed of the configuration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "conflict", value = ApiExamples.CONFLICT)}))
    @APIResponse(responseCode = "413", description = "The request is over 16 KiB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "too-large", value = ApiExamples.TOO_LARGE)}))
    @APIResponse(responseCode = "415", description = "Not application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unsupported", value = ApiExamples.UNSUPPORTED)}))
    @APIResponse(responseCode = "503", description = "Kafka did not store the feed in time (with Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unavailable", value = ApiExamples.UNAVAILABLE)}))
    @POST
    public Response add(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                        @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        RequestBodies.requireMediaType(contentType, MediaType.APPLICATION_JSON);
        JsonNode json = RequestBodies.json(RequestBodies.utf8(
                RequestBodies.readLimited(body, contentLength == null ? -1 : contentLength, MAX_FEED_REQUEST)));
        FeedDefinition feed = definition(json);
        if (catalog.isConfigured(feed.name())) {
            throw new ProblemException(Problem.conflict(
                    "feed " + feed.name() + " comes from newsline.feeds." + feed.name() + "; change it there"));
        }
        boolean created;
        try {
            created = catalog.put(feed, config.ingest().ackTimeout());
        } catch (ExecutionException | TimeoutException e) {
            throw submission.unavailable("Kafka did not store the feed; retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw submission.unavailable("interrupted");
        }
        FeedStatus status = catalog.status(feed.name()).orElse(null);
        return Response.status(created ? 201 : 200).entity(status)
                .location(URI.create("/api/feeds/" + feed.name())).build();
    }

    @Operation(summary = "Delete a feed added through the API", description = "Writes a tombstone to news.ingest.feeds and stops polling.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No, malformed or unknown bearer token (with WWW-Authenticate: Bearer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unauthorized", value = ApiExamples.UNAUTHORIZED)}))
    @APIResponse(responseCode = "429", description = "This token is over its write rate (with Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "rate-limited", value = ApiExamples.RATE_LIMITED)}))
    @APIResponse(responseCode = "404", description = "No feed of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND)}))
    @APIResponse(responseCode = "409", description = "The feed comes from the configuration",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "conflict", value = ApiExamples.CONFLICT)}))
    @APIResponse(responseCode = "503", description = "Kafka did not store the deletion in time (with Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unavailable", value = ApiExamples.UNAVAILABLE)}))
    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) {
        if (catalog.isConfigured(name)) {
            throw new ProblemException(Problem.conflict(
                    "feed " + name + " comes from newsline.feeds." + name + "; remove it there"));
        }
        try {
            if (!catalog.delete(name, config.ingest().ackTimeout())) {
                throw notFound(name);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw submission.unavailable("Kafka did not store the deletion; retry");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw submission.unavailable("interrupted");
        }
        return Response.noContent().build();
    }

    /** Polls a feed now, besides its schedule, and answers once the poll is over, with what it found. */
    @Operation(summary = "Poll a feed now", description = "Besides its schedule. Answers when the poll is over (at most"
            + " the fetch timeout plus the broker's acknowledgements), with the feed's status after it; a poll already"
            + " running is waited for instead.")
    @APIResponse(responseCode = "200", description = "Polled; the feed's status after the poll",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeedStatus.class),
                    examples = @ExampleObject(name = "feed", value = ApiExamples.FEED_STATUS)))
    @APIResponse(responseCode = "401", description = "No, malformed or unknown bearer token (with WWW-Authenticate: Bearer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unauthorized", value = ApiExamples.UNAUTHORIZED)}))
    @APIResponse(responseCode = "429", description = "This token is over its write rate (with Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "rate-limited", value = ApiExamples.RATE_LIMITED)}))
    @APIResponse(responseCode = "404", description = "No feed of that name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND)}))
    @POST
    @Path("/{name}/poll")
    public CompletionStage<FeedStatus> poll(@PathParam("name") String name) {
        return catalog.pollNow(name).orElseThrow(() -> notFound(name));
    }

    private FeedDefinition definition(JsonNode json) {
        List<FieldError> errors = new ArrayList<>();
        if (!json.isObject()) {
            throw new ProblemException(Problem.invalidFields(List.of(new FieldError("", "a feed is a JSON object"))));
        }
        String name = json.path("name").isTextual() ? json.get("name").textValue() : null;
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new FieldError("name", "is required: 1–64 lower-case letters, digits and '-'"));
        }
        String url = json.path("url").isTextual() ? json.get("url").textValue().strip() : null;
        if (url == null || url.isEmpty()) {
            errors.add(new FieldError("url", "is required"));
        } else {
            try {
                outbound.validate(url);
            } catch (OutboundAddressPolicy.RefusedUrl e) {
                errors.add(new FieldError("url", e.getMessage()));
            }
        }
        long min = config.ingest().feedPolling().minInterval().toSeconds();
        long interval = 300;
        JsonNode i = json.get("intervalSeconds");
        if (i != null && !i.isNull()) {
            if (!i.canConvertToLong() || !i.isIntegralNumber() || i.asLong() < Math.max(1, min) || i.asLong() > 86_400) {
                errors.add(new FieldError("intervalSeconds", "must be a whole number of seconds from "
                        + Math.max(1, min) + " to 86400"));
            } else {
                interval = i.asLong();
            }
        }
        String source = null;
        JsonNode s = json.get("source");
        if (s != null && !s.isNull()) {
            if (!s.isTextual() || s.textValue().length() > 200) {
                errors.add(new FieldError("source", "must be a string of at most 200 characters"));
            } else {
                source = s.textValue().strip();
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.invalidFields(errors));
        }
        return new FeedDefinition(name, url, Duration.ofSeconds(interval), source, FeedDefinition.Origin.API);
    }

    private static ProblemException notFound(String name) {
        return new ProblemException(Problem.notFound("there is no feed named " + name));
    }
}
