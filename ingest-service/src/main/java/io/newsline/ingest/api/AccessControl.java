package io.newsline.ingest.api;

import io.newsline.contracts.problem.Problem;
import io.newsline.contracts.security.BearerTokens;
import io.newsline.ingest.config.IngestConfig;
import io.newsline.ingest.intake.TokenBuckets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Bearer tokens and the per-token rate limit, before any body is read: writes under {@code /api/articles}
 * and {@code /api/feeds} need a token of {@code NEWSLINE_TOKENS}; reads under {@code /api} follow the rule of
 * every service ({@link BearerTokens#readers}): open unless {@code NEWSLINE_READ_TOKENS} is set, then a read or a
 * write token.
 */
@ApplicationScoped
public class AccessControl {

    private final BearerTokens writeTokens;
    private final BearerTokens readTokens;
    private final TokenBuckets rate;

    public AccessControl(IngestConfig config) {
        this.writeTokens = BearerTokens.parse(config.tokens());
        this.readTokens = BearerTokens.readers(config.readTokens(), config.tokens());
        this.rate = new TokenBuckets(config.ingest().ratePerSecond(), config.ingest().rateBurst(), System::nanoTime);
    }

    @ServerRequestFilter
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String method = request.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        boolean writePath = path.startsWith("/api/articles") || path.startsWith("/api/feeds");
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (read) {
            if (!path.startsWith("/api/") || readTokens.allowsHeader(header)) {
                return Optional.empty();
            }
            return Optional.of(unauthorized(header, "reads need a read or a write token"));
        }
        if (!writePath) {
            return Optional.empty();
        }
        Optional<String> token = BearerTokens.fromAuthorizationHeader(header);
        if (token.isEmpty() || !writeTokens.accepts(token.get())) {
            return Optional.of(unauthorized(header, "writes need a token of NEWSLINE_TOKENS"));
        }
        long retryAfter = rate.tryAcquire(BearerTokens.fingerprint(token.get()));
        if (retryAfter > 0) {
            return Optional.of(ProblemMapper.response(Problem.rateLimited(retryAfter),
                    Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter))));
        }
        return Optional.empty();
    }

    private static Response unauthorized(String header, String why) {
        String detail = header == null ? "no Authorization header; " + why
                : BearerTokens.fromAuthorizationHeader(header).isEmpty()
                ? "the Authorization header is not 'Bearer <token>'; " + why
                : "the bearer token is not known; " + why;
        return ProblemMapper.response(Problem.unauthorized(detail), Map.of());
    }
}
