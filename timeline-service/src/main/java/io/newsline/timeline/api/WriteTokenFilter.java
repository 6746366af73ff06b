package io.newsline.timeline.api;

import io.newsline.contracts.problem.Problem;
import io.newsline.contracts.security.BearerTokens;
import io.newsline.timeline.config.TimelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Writes need a token of {@code NEWSLINE_TOKENS}: everything under {@code /api/watches} that is not a read.
 * Checked before the body is read; with no token configured every write is refused.
 */
@ApplicationScoped
public class WriteTokenFilter {

    private final BearerTokens tokens;

    public WriteTokenFilter(TimelineConfig config) {
        this.tokens = BearerTokens.parse(config.tokens());
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        String method = request.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (read || !request.getUriInfo().getPath().startsWith("/api/watches")) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (tokens.acceptsHeader(header)) {
            return Optional.empty();
        }
        String detail = header == null ? "no Authorization header; writes need a token of NEWSLINE_TOKENS"
                : BearerTokens.fromAuthorizationHeader(header).isEmpty()
                ? "the Authorization header is not 'Bearer <token>'; writes need a token of NEWSLINE_TOKENS"
                : "the bearer token is not known; writes need a token of NEWSLINE_TOKENS";
        return Optional.of(Response.fromResponse(ProblemMappers.response(Problem.unauthorized(detail)))
                .header("WWW-Authenticate", "Bearer realm=\"newsline\"").build());
    }
}
