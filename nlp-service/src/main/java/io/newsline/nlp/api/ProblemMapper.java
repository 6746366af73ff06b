package io.newsline.nlp.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsline.contracts.problem.FieldError;
import io.newsline.contracts.problem.Problem;
import io.newsline.contracts.problem.ProblemType;
import io.newsline.nlp.config.PipelineLoader;
import io.newsline.nlp.pipeline.InvalidArticleException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every client error of the service as {@code application/problem+json}, in the shape all services share. */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response invalidArticle(InvalidArticleException e) {
        return response(Problem.invalidFields(List.of(new FieldError(e.field(), e.getMessage()))));
    }

    /** The models are still loading (try again shortly) or could not be loaded (readiness says why). */
    @ServerExceptionMapper
    public Response modelsUnavailable(PipelineLoader.ModelsUnavailable e) {
        Response r = response(Problem.unavailable(e.getMessage()));
        return e.loading() ? Response.fromResponse(r).header("Retry-After", "5").build() : r;
    }

    /** Unreadable JSON and wrong media types come here as the framework's own exceptions. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return response(status == 400 ? Problem.badJson("the body is not Article JSON")
                : Problem.of(ProblemType.forStatus(status), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return response(Problem.badJson("the body is not Article JSON: " + e.getOriginalMessage()));
    }

    private static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
