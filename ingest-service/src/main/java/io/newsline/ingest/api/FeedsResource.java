package io.newsline.ingest.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.ingest.config.IngestConfig;
import io.newsline.ingest.feeds.FeedDefinition;
import io.newsline.ingest.feeds.FeedStatus;
import io.newsline.ingest.intake.FieldError;
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
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** {@code /api/feeds}: the RSS/Atom feeds ingest polls, their last poll, last error and item counts. */
@Path("/api/feeds")
@Produces(MediaType.APPLICATION_JSON)
public class FeedsResource {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_FEED_REQUEST = 16 * 1024;

    private final FeedCatalog catalog;
    private final IngestConfig config;
    private final ArticleSubmission submission;

    public FeedsResource(FeedCatalog catalog, IngestConfig config, ArticleSubmission submission) {
        this.catalog = catalog;
        this.config = config;
        this.submission = submission;
    }

    @GET
    public List<FeedStatus> list() {
        return catalog.statuses();
    }

    @GET
    @Path("/{name}")
    public FeedStatus get(@PathParam("name") String name) {
        return catalog.status(name).orElseThrow(() -> notFound(name));
    }

    @POST
    public Response add(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                        @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        RequestBodies.requireMediaType(contentType, MediaType.APPLICATION_JSON);
        JsonNode json = RequestBodies.json(RequestBodies.utf8(
                RequestBodies.readLimited(body, contentLength == null ? -1 : contentLength, MAX_FEED_REQUEST)));
        FeedDefinition feed = definition(json);
        if (catalog.isConfigured(feed.name())) {
            throw new ProblemException(Problem.of("conflict", "The feed is defined in configuration", 409,
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

    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) {
        if (catalog.isConfigured(name)) {
            throw new ProblemException(Problem.of("conflict", "The feed is defined in configuration", 409,
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

    /** Polls a feed now, besides its schedule; the poll runs in the background. */
    @POST
    @Path("/{name}/poll")
    public Response poll(@PathParam("name") String name) {
        if (!catalog.pollNow(name)) {
            throw notFound(name);
        }
        return Response.accepted(catalog.status(name).orElse(null)).build();
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
                URI u = new URI(url);
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || url.length() > 2048) {
                    errors.add(new FieldError("url", "must be an absolute http or https URL"));
                }
            } catch (URISyntaxException e) {
                errors.add(new FieldError("url", "is not a valid URL: " + e.getReason()));
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
            throw new ProblemException(new Problem("urn:newsline:problem:invalid-fields", "The feed has invalid fields",
                    400, Problem.invalidFields(errors).detail(), errors));
        }
        return new FeedDefinition(name, url, Duration.ofSeconds(interval), source, FeedDefinition.Origin.API);
    }

    private static ProblemException notFound(String name) {
        return new ProblemException(Problem.of("not-found", "No such feed", 404, "there is no feed named " + name));
    }
}
