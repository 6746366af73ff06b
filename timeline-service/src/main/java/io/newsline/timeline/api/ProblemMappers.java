package io.newsline.timeline.api;

import io.newsline.timeline.domain.TimelineFilter;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error of the REST resources into {@code application/problem+json}. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response badFilter(TimelineFilter.BadFilterException e) {
        return Problem.of(400, e.getMessage()).with("errors", e.violations()).toResponse();
    }

    @ServerExceptionMapper
    public Response failure(Problem.Failure e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return Problem.of(status, status == 404 ? "no such resource" : e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error answering a request", e);
        return Problem.of(500, "internal error; see the service log").toResponse();
    }
}
