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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "A page of the timeline, in the order things happened",
            description = "sequence is the feed position the page reflects: subscribe to the stream with ?since=<sequence>.")
    public TimelinePage timeline(
            @Parameter(description = "first day (YYYY-MM-DD, YYYY-MM or YYYY)") @QueryParam("from") String from,
            @Parameter(description = "last day (YYYY-MM-DD, YYYY-MM or YYYY)") @QueryParam("to") String to,
            @Parameter(description = "place name or GeoNames id; a region or country finds the places inside it")
            @QueryParam("place") String place,
            @Parameter(description = "event types, comma-separated") @QueryParam("type") String type,
            @Parameter(description = "a person or organisation") @QueryParam("entity") String entity,
            @Parameter(description = "minLon,minLat,maxLon,maxLat") @QueryParam("bbox") String bbox,
            @Parameter(description = "single-source, corroborated, disputed; comma-separated")
            @QueryParam("status") String status,
            @Parameter(description = "page size, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        List<TimelineFilter.Violation> bad = new java.util.ArrayList<>();
        int size = DEFAULT_LIMIT;
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
            filter = TimelineFilter.parse(from, to, place, type, entity, bbox, status);
        } catch (TimelineFilter.BadFilterException e) {
            bad.addAll(0, e.violations());
            throw new TimelineFilter.BadFilterException(bad);
        }
        if (!bad.isEmpty()) {
            throw new TimelineFilter.BadFilterException(bad);
        }
        return view.page(filter, after, size);
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
