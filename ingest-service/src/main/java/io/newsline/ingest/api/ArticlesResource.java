package io.newsline.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.problem.Problem;
import io.newsline.contracts.problem.ProblemException;
import io.newsline.ingest.config.IngestConfig;
import io.newsline.ingest.intake.ArticleIntake;
import io.newsline.ingest.messaging.IngestPipeline.Via;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/articles} and {@code POST /api/articles/batch}: a 202 (or a 202 per item) means Kafka has it. */
@Path("/api/articles")
@Tag(name = "articles", description = "Post articles; a 202 means Kafka has them")
@SecurityRequirement(name = ApiExamples.BEARER)
public class ArticlesResource {

    public static final String NDJSON = "application/x-ndjson";

    /** The answer to an accepted article. */
    public record Accepted(String id, boolean duplicate) {}

    /** One item of a batch answer: {@code id} and {@code duplicate} when accepted, else {@code problem}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(int index, int status, String id, Boolean duplicate, Problem problem) {}

    /** A batch answer: one result per item, in order, and the totals. */
    public record BatchResult(int items, int accepted, int duplicates, int rejected, int unavailable,
                              List<ItemResult> results) {}

    private final ArticleSubmission submission;
    private final IngestConfig config;

    public ArticlesResource(ArticleSubmission submission, IngestConfig config) {
        this.submission = submission;
        this.config = config;
    }

    @Operation(summary = "Post one article",
            description = "Validates and normalises the article, derives its id when absent, and publishes it to "
                    + "news.articles.raw; answers only once Kafka acknowledged. A re-post is answered duplicate: true and not published again.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = io.newsline.contracts.model.Article.class),
            examples = {@ExampleObject(name = "text", value = ApiExamples.ARTICLE),
                    @ExampleObject(name = "html", value = ApiExamples.ARTICLE_HTML)}))
    @APIResponse(responseCode = "202", description = "Stored by Kafka, or seen before (duplicate: true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class),
                    examples = {@ExampleObject(name = "new", value = ApiExamples.ACCEPTED),
                            @ExampleObject(name = "duplicate", value = ApiExamples.DUPLICATE)}))
    @APIResponse(responseCode = "400", description = "Invalid fields, malformed JSON or invalid UTF-8",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "invalid-fields", value = ApiExamples.INVALID_FIELDS), @ExampleObject(name = "bad-json", value = ApiExamples.BAD_JSON), @ExampleObject(name = "bad-encoding", value = ApiExamples.BAD_ENCODING)}))
    @APIResponse(responseCode = "401", description = "No, malformed or unknown bearer token (with WWW-Authenticate: Bearer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unauthorized", value = ApiExamples.UNAUTHORIZED)}))
    @APIResponse(responseCode = "429", description = "This token is over its write rate (with Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "rate-limited", value = ApiExamples.RATE_LIMITED)}))
    @APIResponse(responseCode = "413", description = "The body is over newsline.ingest.max-article-bytes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "too-large", value = ApiExamples.TOO_LARGE)}))
    @APIResponse(responseCode = "415", description = "Not application/json, or a charset other than UTF-8",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unsupported", value = ApiExamples.UNSUPPORTED)}))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time (with Retry-After); re-posting is safe",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unavailable", value = ApiExamples.UNAVAILABLE)}))
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response post(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                         @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, InputStream body) {
        JsonNode json;
        try {
            RequestBodies.requireMediaType(contentType, MediaType.APPLICATION_JSON);
            byte[] bytes = RequestBodies.readLimited(body, contentLength == null ? -1 : contentLength,
                    config.ingest().maxArticleBytes());
            json = RequestBodies.json(RequestBodies.utf8(bytes));
        } catch (ProblemException e) {
            submission.rejected(Via.API);
            throw e;
        }
        long deadline = submission.deadline();
        ArticleIntake.Outcome outcome = submission.await(submission.start(json, Via.API), deadline);
        return Response.accepted(new Accepted(outcome.id(), outcome.duplicate())).type(MediaType.APPLICATION_JSON).build();
    }

    @Operation(summary = "Post a batch of articles",
            description = "NDJSON (one article per line, streamed) or a JSON array, up to newsline.ingest.max-batch-items "
                    + "items; answers 200 with one result per item, in order. One bad item does not affect the others.")
    @RequestBody(required = true, content = {
            @Content(mediaType = NDJSON, examples = @ExampleObject(name = "ndjson", value = ApiExamples.BATCH_NDJSON)),
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "array", value = ApiExamples.BATCH_ARRAY))})
    @APIResponse(responseCode = "200", description = "One result per item (carries Retry-After when some were 503)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResult.class),
                    examples = @ExampleObject(name = "mixed", value = ApiExamples.BATCH_RESULT)))
    @APIResponse(responseCode = "400", description = "A JSON batch that is not an array",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "bad-json", value = ApiExamples.BAD_JSON)}))
    @APIResponse(responseCode = "401", description = "No, malformed or unknown bearer token (with WWW-Authenticate: Bearer)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unauthorized", value = ApiExamples.UNAUTHORIZED)}))
    @APIResponse(responseCode = "429", description = "This token is over its write rate (with Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "rate-limited", value = ApiExamples.RATE_LIMITED)}))
    @APIResponse(responseCode = "415", description = "Neither application/x-ndjson nor application/json",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {@ExampleObject(name = "unsupported", value = ApiExamples.UNSUPPORTED)}))
    @POST
    @Path("/batch")
    @Produces(MediaType.APPLICATION_JSON)
    public Response batch(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        String type = RequestBodies.requireMediaType(contentType, NDJSON, MediaType.APPLICATION_JSON);
        Batch batch = new Batch();
        try {
            if (type.equals(NDJSON)) {
                readNdjson(body, batch);
            } else {
                readArray(body, batch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return batch.finish();
    }

    private void readNdjson(InputStream body, Batch batch) throws IOException {
        NdjsonLines lines = new NdjsonLines(body, config.ingest().maxArticleBytes());
        NdjsonLines.Line line;
        while ((line = lines.next()) != null) {
            if (batch.full()) {
                batch.overLimit();
            } else if (line.tooLong()) {
                batch.refused(Problem.tooLarge("the line is larger than the limit of "
                        + config.ingest().maxArticleBytes() + " bytes"));
            } else {
                try {
                    batch.submit(RequestBodies.json(RequestBodies.utf8(line.bytes())));
                } catch (ProblemException e) {
                    batch.refused(e.problem());
                }
            }
        }
    }

    private void readArray(InputStream body, Batch batch) throws IOException {
        try (JsonParser parser = RequestBodies.STRICT.getFactory().createParser(body)) {
            JsonToken first;
            try {
                first = parser.nextToken();
            } catch (JsonProcessingException e) {
                throw new ProblemException(Problem.badJson(RequestBodies.describe(e)));
            }
            if (first != JsonToken.START_ARRAY) {
                throw new ProblemException(Problem.badJson(
                        "a batch in application/json is an array of articles; NDJSON goes as " + NDJSON));
            }
            while (true) {
                JsonToken t;
                try {
                    t = parser.nextToken();
                    if (t == JsonToken.END_ARRAY || t == null) {
                        break;
                    }
                    if (batch.full()) {
                        parser.skipChildren();
                        batch.overLimit();
                        continue;
                    }
                    JsonNode item = RequestBodies.ELEMENT.readTree(parser);
                    batch.submit(item);
                } catch (JsonProcessingException e) {
                    // The array cannot be read past this point: what came before stands, this item is the problem.
                    batch.refused(Problem.badJson(RequestBodies.describe(e) + "; the rest of the batch was not read"));
                    break;
                } catch (ProblemException e) {
                    batch.refused(e.problem());
                }
            }
        }
    }

    /** Collects the items of one batch: submissions run concurrently and are awaited at the end. */
    private final class Batch {
        private final List<Object> slots = new ArrayList<>();
        private ProblemException brokerDown;

        boolean full() {
            return slots.size() >= config.ingest().maxBatchItems();
        }

        void submit(JsonNode json) {
            if (brokerDown != null) {
                slots.add(brokerDown.problem());
                return;
            }
            try {
                CompletableFuture<ArticleIntake.Outcome> pending = submission.start(json, Via.BATCH);
                // A send that failed at once (metadata timeout: the broker is gone) fails the rest without waiting again.
                if (pending.isCompletedExceptionally()) {
                    brokerDown = submission.unavailable(ArticleSubmission.UNREACHABLE + "; this and the following items were not stored");
                }
                slots.add(new Pending(pending, submission.deadline()));
            } catch (ProblemException e) {
                slots.add(e.problem());
            }
        }

        void refused(Problem problem) {
            submission.rejected(Via.BATCH);
            slots.add(problem);
        }

        void overLimit() {
            submission.rejected(Via.BATCH);
            slots.add(Problem.tooLarge("a batch holds at most " + config.ingest().maxBatchItems()
                    + " items; this one was not read"));
        }

        Response finish() {
            List<ItemResult> results = new ArrayList<>(slots.size());
            int accepted = 0;
            int duplicates = 0;
            int rejected = 0;
            int unavailable = 0;
            for (int i = 0; i < slots.size(); i++) {
                Object slot = slots.get(i);
                Problem problem;
                if (slot instanceof Pending p) {
                    try {
                        ArticleIntake.Outcome o = submission.await(p.future(), p.deadline());
                        results.add(new ItemResult(i, 202, o.id(), o.duplicate(), null));
                        if (o.duplicate()) {
                            duplicates++;
                        } else {
                            accepted++;
                        }
                        continue;
                    } catch (ProblemException e) {
                        problem = e.problem();
                    }
                } else {
                    problem = (Problem) slot;
                }
                if (problem.status() == 503) {
                    unavailable++;
                } else {
                    rejected++;
                }
                results.add(new ItemResult(i, problem.status(), null, null, problem));
            }
            Response.ResponseBuilder r = Response.ok(new BatchResult(slots.size(), accepted, duplicates, rejected,
                    unavailable, results)).type(MediaType.APPLICATION_JSON);
            if (unavailable > 0) {
                r.header(HttpHeaders.RETRY_AFTER, Integer.toString(config.ingest().retryAfterSeconds()));
            }
            return r.build();
        }
    }

    private record Pending(CompletableFuture<ArticleIntake.Outcome> future, long deadline) {}
}
