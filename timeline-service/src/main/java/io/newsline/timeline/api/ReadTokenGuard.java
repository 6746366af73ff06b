package io.newsline.timeline.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.problem.Problem;
import io.newsline.contracts.security.BearerTokens;
import io.newsline.timeline.config.TimelineConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * When {@code NEWSLINE_READ_TOKENS} is set, reads under {@code /api/} need a read or a write token
 * ({@link BearerTokens#readers}, the rule of every service): as a bearer token, or once as
 * {@code ?access_token=} (on any page), which sets an HttpOnly cookie that the web page's EventSource then
 * sends by itself. Health and metrics stay open for operators.
 * Sits on the HTTP router, before the REST layer, so it also sees the static web page's requests.
 */
@ApplicationScoped
public class ReadTokenGuard {

    static final String COOKIE = "newsline_read";
    private static final String QUERY = "access_token";

    private static final String UNAUTHORIZED = json(Problem.unauthorized(
            "reads need a read or a write token: Authorization: Bearer <token>, or ?access_token= once"));

    private final BearerTokens tokens;

    public ReadTokenGuard(TimelineConfig config) {
        this.tokens = BearerTokens.readers(config.readTokens(), config.tokens());
    }

    void install(@Observes Router router) {
        if (!tokens.isEmpty()) {
            router.route().order(-100).handler(this::check);
        }
    }

    private void check(RoutingContext ctx) {
        String fromQuery = ctx.request().getParam(QUERY);
        boolean queryOk = fromQuery != null && tokens.accepts(fromQuery);
        if (queryOk) {
            ctx.response().addCookie(Cookie.cookie(COOKIE, fromQuery).setHttpOnly(true).setPath("/")
                    .setSameSite(CookieSameSite.STRICT).setSecure(ctx.request().isSSL()));
        }
        String path = ctx.normalizedPath();
        if (!path.startsWith("/api/") || queryOk) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        boolean headerOk = tokens.acceptsHeader(header);
        Cookie cookie = ctx.request().getCookie(COOKIE);
        if (headerOk || cookie != null && tokens.accepts(cookie.getValue())) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "Bearer realm=\"newsline\"")
                .end(UNAUTHORIZED);
    }

    private static String json(Problem problem) {
        try {
            return Json.mapper().writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem always serialises", e);
        }
    }
}
