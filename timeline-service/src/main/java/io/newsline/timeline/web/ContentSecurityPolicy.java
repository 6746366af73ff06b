package io.newsline.timeline.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;

/**
 * Puts a Content-Security-Policy on every answer of timeline-service, static files included
 * (a JAX-RS filter would miss those): the page may load only its own scripts, styles, data and
 * stream, never an inline script, so a title that smuggles markup cannot run even if it were
 * ever inserted as HTML. A configured tile server is the one outside origin allowed, for images.
 */
@Singleton
public class ContentSecurityPolicy {

    static final String HEADER = "Content-Security-Policy";

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

    /** scheme://host[:port] of a tile URL template; its {s}/{z}/{x}/{y} placeholders are not part of it. */
    static Optional<String> origin(String tileUrl) {
        String host = tileUrl.replace("{s}.", "*.");
        int scheme = host.indexOf("://");
        if (scheme < 0) {
            return Optional.empty();
        }
        int end = host.indexOf('/', scheme + 3);
        String origin = end < 0 ? host : host.substring(0, end);
        try {
            URI.create(origin.replace("*.", "x."));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(origin);
    }
}
