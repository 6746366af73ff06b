package io.newsline.timeline.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.domain.OrderKey;
import io.newsline.timeline.domain.TimelineFilter;
import io.newsline.timeline.domain.TimelinePage;
import io.newsline.timeline.domain.TimelineView;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/timeline?format=geojson|csv|atom}: the same filtered view as the JSON, written as it is read,
 * a thousand events at a time, so an export of the whole timeline takes memory for one chunk, not for all of it.
 * With {@code limit} it is one page, as the JSON's, and {@code Link: <…>; rel="next"} names the next one.
 */
final class TimelineExport {

    /** Events read from the timeline per step: the timeline is locked for one step at a time. */
    static final int CHUNK = 1000;

    enum Format {
        GEOJSON(GeoJsonWriter.MEDIA_TYPE, "geojson"),
        CSV(CsvWriter.MEDIA_TYPE + "; charset=utf-8; header=present", "csv"),
        ATOM(AtomWriter.MEDIA_TYPE + "; charset=utf-8", "atom");

        final String mediaType;
        final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        /** The export asked for; null for the JSON page (no format, or {@code json}). */
        static Format parse(String text, List<TimelineFilter.Violation> bad) {
            if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("json")) {
                return null;
            }
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                bad.add(new TimelineFilter.Violation("format", "must be json, geojson, csv or atom"));
                return null;
            }
        }
    }

    private TimelineExport() {}

    /** @param limit the page size asked for, or null for every event from {@code after} on */
    static Response response(Format format, TimelineView view, TimelineFilter filter, OrderKey after, Integer limit,
            UriInfo uri, ObjectMapper mapper) {
        long sequence = view.lastSequence();
        TimelinePage page = limit == null ? null : view.page(filter, after, limit);
        String eventsUrl = uri.getBaseUri().resolve("api/events/").toString();
        StreamingOutput body = out -> {
            EventWriter writer = writer(format, out, uri, eventsUrl, mapper);
            writer.begin(sequence);
            if (page != null) {
                for (TimelineEvent e : page.items()) {
                    writer.event(e);
                }
            } else {
                OrderKey at = after;
                while (true) {
                    TimelinePage chunk = view.page(filter, at, CHUNK);
                    for (TimelineEvent e : chunk.items()) {
                        writer.event(e);
                    }
                    if (chunk.nextCursor() == null) {
                        break;
                    }
                    at = OrderKey.of(chunk.items().get(chunk.items().size() - 1));
                }
            }
            writer.end(page == null ? null : page.nextCursor());
        };
        Response.ResponseBuilder r = Response.ok(body, format.mediaType)
                .header("Content-Disposition", "attachment; filename=\"newsline-timeline." + format.extension + "\"")
                .header("X-Newsline-Sequence", sequence);
        if (page != null && page.nextCursor() != null) {
            r.link(nextPage(uri, page.nextCursor()), "next");
        }
        return r.build();
    }

    private static String nextPage(UriInfo uri, String cursor) {
        return uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build().toString();
    }

    private static EventWriter writer(Format format, OutputStream out, UriInfo uri, String eventsUrl,
            ObjectMapper mapper) throws IOException {
        return switch (format) {
            case GEOJSON -> new GeoJsonWriter(mapper, out, eventsUrl);
            case CSV -> new CsvWriter(out);
            case ATOM -> new AtomWriter(out, uri.getRequestUri().toString(), "Newsline timeline",
                    uri.getRequestUri().toString(), eventsUrl, cursor -> nextPage(uri, cursor));
        };
    }
}
