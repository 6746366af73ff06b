package io.newsline.timeline.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.contracts.problem.Problem;
import io.newsline.contracts.problem.ProblemException;
import io.newsline.timeline.domain.OrderKey;
import io.newsline.timeline.domain.TimelineFilter;
import io.newsline.timeline.domain.TimelinePage;
import io.newsline.timeline.domain.TimelineView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The timeline as pages in timeline order, and single events with their sources and revisions. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final TimelineView view;
    private final ObjectMapper mapper;

    public TimelineResource(TimelineView view, ObjectMapper mapper) {
        this.view = view;
        this.mapper = mapper;
    }

    @GET
    @Path("/timeline")
    @Produces({MediaType.APPLICATION_JSON, GeoJsonWriter.MEDIA_TYPE, CsvWriter.MEDIA_TYPE, AtomWriter.MEDIA_TYPE})
    @Operation(summary = "A page of the timeline, in the order things happened, or an export of it",
            description = "sequence is the feed position the page reflects: subscribe to the stream with ?since=<sequence>. "
                    + "format=geojson (RFC 7946 FeatureCollection), csv (RFC 4180, ACLED-like columns) or atom exports the "
                    + "same filtered view, streamed: every matching event from cursor on, or one page when limit is given "
                    + "(then Link: rel=\"next\"). See docs/watches.md.")
    @APIResponse(responseCode = "200", description = "The page (JSON) or the export",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimelinePage.class)),
                    @Content(mediaType = GeoJsonWriter.MEDIA_TYPE), @Content(mediaType = CsvWriter.MEDIA_TYPE),
                    @Content(mediaType = AtomWriter.MEDIA_TYPE)})
    @APIResponse(responseCode = "400", description = "Bad filters, each named in errors",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response timeline(
            @Parameter(description = "first day (YYYY-MM-DD, YYYY-MM or YYYY)") @QueryParam("from") String from,
            @Parameter(description = "last day (YYYY-MM-DD, YYYY-MM or YYYY)") @QueryParam("to") String to,
            @Parameter(description = "place name or GeoNames id; a region or country finds the places inside it")
            @QueryParam("place") String place,
            @Parameter(description = "event types, comma-separated") @QueryParam("type") String type,
            @Parameter(description = "a person or organisation") @QueryParam("entity") String entity,
            @Parameter(description = "minLon,minLat,maxLon,maxLat") @QueryParam("bbox") String bbox,
            @Parameter(description = "single-source, corroborated, disputed; comma-separated")
            @QueryParam("status") String status,
            @Parameter(description = "lat,lon,km: events within km of the point") @QueryParam("near") String near,
            @Parameter(description = "events with at least this many killed") @QueryParam("minKilled") String minKilled,
            @Parameter(description = "full text: every word in the event's title, subtype, place, entities or a "
                    + "source's headline or evidence (any case, accents ignored; a word ending in * is a prefix)")
            @QueryParam("q") String q,
            @Parameter(description = "page size, 1 to 1000 (default 100; exports: every event unless given)")
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "json (default), geojson, csv or atom") @QueryParam("format") String format,
            @Context UriInfo uri) {
        List<TimelineFilter.Violation> bad = new java.util.ArrayList<>();
        TimelineExport.Format export = TimelineExport.Format.parse(format, bad);
        Integer size = export == null ? DEFAULT_LIMIT : null;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.trim());
                if (size < 1 || size > MAX_LIMIT) {
                    bad.add(new TimelineFilter.Violation("limit", "must be between 1 and " + MAX_LIMIT));
                }
            } catch (NumberFormatException e) {
                bad.add(new TimelineFilter.Violation("limit", "must be a whole number between 1 and " + MAX_LIMIT));
            }
        }
        OrderKey after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = OrderKey.fromCursor(cursor.trim());
            } catch (IllegalArgumentException e) {
                bad.add(new TimelineFilter.Violation("cursor", e.getMessage()));
            }
        }
        TimelineFilter filter;
        try {
            filter = TimelineFilter.parse(from, to, place, type, entity, bbox, status, near, minKilled, q);
        } catch (TimelineFilter.BadFilterException e) {
            bad.addAll(0, e.violations());
            throw new TimelineFilter.BadFilterException(bad);
        }
        if (!bad.isEmpty()) {
            throw new TimelineFilter.BadFilterException(bad);
        }
        if (export != null) {
            return TimelineExport.response(export, view, filter, after, size, uri, mapper);
        }
        return Response.ok(view.page(filter, after, size), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/events/{id}")
    @Operation(summary = "One event with all its sources and what changed at each revision")
    public ObjectNode event(@PathParam("id") String id) {
        TimelineEvent event = view.event(id).orElseThrow(() -> notFound(id));
        ObjectNode node = mapper.valueToTree(event);
        node.set("revisions", mapper.valueToTree(view.revisions(id)));
        return node;
    }

    private ProblemException notFound(String id) {
        return view.mergedInto(id)
                .map(target -> new ProblemException(Problem.notFound("event " + id + " was merged into " + target)
                        .with("mergedInto", target)))
                .orElseGet(() -> new ProblemException(Problem.notFound("no event " + id)));
    }
}
