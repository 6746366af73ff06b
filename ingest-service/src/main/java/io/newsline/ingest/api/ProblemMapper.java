package io.newsline.ingest.api;

import io.newsline.contracts.problem.Problem;
import io.newsline.contracts.problem.ProblemException;
import io.newsline.contracts.problem.ProblemType;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where ingest-service turns an error into an {@code application/problem+json} answer. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** The answer for a problem, with the headers some statuses need. */
    public static Response response(Problem problem, Map<String, String> headers) {
        Response.ResponseBuilder r = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        headers.forEach(r::header);
        if (problem.status() == 401) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"newsline\"");
        }
        return r.build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e.problem(), e.headers());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Problem p;
        if (e instanceof NotFoundException) {
            p = Problem.notFound("no such resource");
        } else if (status >= 500) {
            LOG.error("request failed", e);
            p = Problem.internal();
        } else {
            p = Problem.of(ProblemType.forStatus(status), e.getMessage());
        }
        return response(p, Map.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("unexpected failure handling a request", e);
        return response(Problem.internal(), Map.of());
    }
}
