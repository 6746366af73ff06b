package io.newsline.timeline.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a Content-Security-Policy on every answer of timeline-service, static files included
 * (a JAX-RS filter would miss those): the page may load only its own scripts, styles, data and
 * stream, never an inline script, so a title that smuggles markup cannot run even if it were
 * ever inserted as HTML. A configured tile server is the one outside origin allowed, for images.
 */
@Singleton
public class ContentSecurityPolicy {

    static final String HEADER = "Content-Security-Policy";

    // Nothing but scheme, host and port, so a configured URL can never add a directive to the policy.
    private static final Pattern ORIGIN = Pattern.compile("https?://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?(?=/|$)");

    private final String policy;

    public ContentSecurityPolicy(MapConfig map) {
        this.policy = policy(map.tileUrl());
    }

    void install(@Observes Router router) {
        // A low order runs this before the static-file and REST handlers; the header is added
        // when the answer's headers are written, whoever writes them.
        router.route().order(Integer.MIN_VALUE + 100).handler(rc -> {
            if (rc.normalizedPath().startsWith("/q/")) {
                // Quarkus' own tools (Swagger UI, dev pages) rely on inline scripts; they are not the page.
                rc.next();
                return;
            }
            rc.addHeadersEndHandler(v -> {
                if (!rc.response().headers().contains(HEADER)) {
                    rc.response().putHeader(HEADER, policy);
                }
            });
            rc.next();
        });
    }

    static String policy(Optional<String> tileUrl) {
        String images = "'self' data:" + tileUrl.flatMap(ContentSecurityPolicy::origin).map(o -> " " + o).orElse("");
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + images
                + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    /**
     * scheme://host[:port] of a tile URL template ({s} becomes a wildcard subdomain); empty for a
     * relative URL, which 'self' already covers, or for anything that is not a plain origin.
     */
    static Optional<String> origin(String tileUrl) {
        Matcher m = ORIGIN.matcher(tileUrl.replace("{s}.", "*."));
        return m.lookingAt() ? Optional.of(m.group()) : Optional.empty();
    }
}
