package io.newsline.timeline.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The few settings the web page reads at start, so it carries no configuration of its own. */
@Path("/api/page-config")
public class PageConfigResource {

    /** What the page is told; null fields are sent as null and mean "not configured". */
    public record PageConfig(String tileUrl, String tileAttribution) {}

    private final MapConfig map;

    public PageConfigResource(MapConfig map) {
        this.map = map;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public PageConfig get() {
        return new PageConfig(map.tileUrl().orElse(null), map.tileAttribution().orElse(null));
    }
}
