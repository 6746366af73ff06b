package io.newsline.timeline.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.TimelineEvent;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The timeline as an RFC 7946 {@code FeatureCollection}: one {@code Feature} per event, a {@code Point} at
 * {@code [lon, lat]} (WGS 84, as the RFC requires), or no geometry for an event that has no coordinates. The
 * feed position ({@code sequence}) and the next page's cursor are foreign members of the collection.
 */
final class GeoJsonWriter implements EventWriter {

    static final String MEDIA_TYPE = "application/geo+json";

    private final JsonGenerator json;
    private final String eventsUrl;

    /** @param eventsUrl the absolute URL of {@code /api/events/}, each event's link is it plus the id */
    GeoJsonWriter(ObjectMapper mapper, OutputStream out, String eventsUrl) throws IOException {
        this.json = mapper.getFactory().createGenerator(out);
        this.eventsUrl = eventsUrl;
    }

    @Override
    public void begin(long sequence) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "FeatureCollection");
        json.writeNumberField("sequence", sequence);
        json.writeArrayFieldStart("features");
    }

    @Override
    public void event(TimelineEvent e) throws IOException {
        EventLocation l = e.location();
        json.writeStartObject();
        json.writeStringField("type", "Feature");
        json.writeStringField("id", e.id());
        if (l != null && l.lat() != null && l.lon() != null) {
            json.writeObjectFieldStart("geometry");
            json.writeStringField("type", "Point");
            json.writeArrayFieldStart("coordinates");
            json.writeNumber(l.lon());
            json.writeNumber(l.lat());
            json.writeEndArray();
            json.writeEndObject();
        } else {
            json.writeNullField("geometry");
        }
        json.writeObjectFieldStart("properties");
        json.writeStringField("id", e.id());
        json.writeStringField("title", e.title());
        json.writeStringField("type", e.type() == null ? null : e.type().name());
        json.writeStringField("subtype", e.subtype());
        json.writeStringField("date", e.date());
        json.writeStringField("dateEnd", e.dateEnd());
        json.writeStringField("datePrecision", e.datePrecision() == null ? null : e.datePrecision().json());
        json.writeStringField("place", l == null ? null : l.name());
        json.writeStringField("admin1", l == null ? null : l.admin1());
        json.writeStringField("countryCode", l == null ? null : l.countryCode());
        json.writeStringField("precision", l == null ? null : l.precision());
        writeNumber("killed", e.killed());
        writeNumber("injured", e.injured());
        json.writeStringField("status", e.status() == null ? null : e.status().json());
        json.writeNumberField("sourceCount", e.sourceCount());
        json.writeNumberField("revision", e.revision());
        json.writeStringField("link", eventsUrl + e.id());
        json.writeEndObject();
        json.writeEndObject();
    }

    private void writeNumber(String field, Integer value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }

    @Override
    public void end(String nextCursor) throws IOException {
        json.writeEndArray();
        if (nextCursor != null) {
            json.writeStringField("nextCursor", nextCursor);
        }
        json.writeEndObject();
        json.flush();
    }
}
