package io.newsline.nlp.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsline.nlp.config.PipelineLoader;
import io.newsline.nlp.pipeline.InvalidArticleException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every client error of the service as {@code application/problem+json} (RFC 9457). */
public class ProblemMapper {

    static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response invalidArticle(InvalidArticleException e) {
        Map<String, Object> problem = problem(400, "Not an Article", e.getMessage());
        problem.put("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return Response.status(400).type(PROBLEM_JSON).entity(problem).build();
    }

    /** The models are still loading (try again shortly) or could not be loaded (readiness says why). */
    @ServerExceptionMapper
    public Response modelsUnavailable(PipelineLoader.ModelsUnavailable e) {
        Response.ResponseBuilder r = Response.status(503).type(PROBLEM_JSON)
                .entity(problem(503, "NLP models not loaded", e.getMessage()));
        if (e.loading()) {
            r.header("Retry-After", "5");
        }
        return r.build();
    }

    /** Unreadable JSON and wrong media types come here as the framework's own exceptions. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = status == 400 ? "Not an Article" : e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = status == 400 ? "the body is not Article JSON" : e.getMessage();
        return Response.status(status).type(PROBLEM_JSON).entity(problem(status, title, detail)).build();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return Response.status(400).type(PROBLEM_JSON)
                .entity(problem(400, "Not an Article", "the body is not Article JSON: " + e.getOriginalMessage())).build();
    }

    private static Map<String, Object> problem(int status, String title, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        return p;
    }
}
