package io.newsline.timeline.api;

import io.newsline.contracts.problem.FieldError;
import io.newsline.contracts.problem.Problem;
import io.newsline.contracts.problem.ProblemException;
import io.newsline.contracts.problem.ProblemType;
import io.newsline.timeline.domain.TimelineFilter;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error of the REST resources into {@code application/problem+json}, in the shape all services share. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response badFilter(TimelineFilter.BadFilterException e) {
        return response(Problem.invalidFields(e.violations().stream()
                .map(v -> new FieldError(v.field(), v.message())).toList()));
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder r = Response.status(e.problem().status()).type(Problem.MEDIA_TYPE).entity(e.problem());
        e.headers().forEach(r::header);
        return r.build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e instanceof NotFoundException) {
            return response(Problem.notFound("no such resource"));
        }
        if (status >= 500) {
            LOG.error("request failed", e);
            return response(Problem.internal());
        }
        return response(Problem.of(ProblemType.forStatus(status), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error answering a request", e);
        return response(Problem.internal());
    }
}
