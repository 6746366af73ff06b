package io.newsline.timeline.api;

import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.TimelineEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The timeline as RFC 4180 CSV with a header row, one row per event, columns modelled on ACLED's export.
 * Text that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return) gets
 * a leading apostrophe, the usual defence against formula injection; numbers are written as they are.
 */
final class CsvWriter implements EventWriter {

    static final String MEDIA_TYPE = "text/csv";
    static final List<String> COLUMNS = List.of("event_id", "event_date", "date_precision", "event_type",
            "sub_event_type", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities",
            "injured", "status", "source_count", "sources");

    private final Writer out;

    CsvWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
    }

    @Override
    public void begin(long sequence) throws IOException {
        row(COLUMNS);
    }

    @Override
    public void event(TimelineEvent e) throws IOException {
        EventLocation l = e.location();
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(text(e.id()));
        cells.add(text(e.date()));
        cells.add(e.datePrecision() == null ? "" : e.datePrecision().json());
        cells.add(e.type() == null ? "" : e.type().name());
        cells.add(text(e.subtype()));
        cells.add(text(l == null ? null : country(l.countryCode())));
        cells.add(text(l == null ? null : l.admin1()));
        cells.add(text(l == null ? null : l.name()));
        cells.add(l == null || l.lat() == null ? "" : l.lat().toString());
        cells.add(l == null || l.lon() == null ? "" : l.lon().toString());
        cells.add(text(l == null ? null : l.precision()));
        cells.add(e.killed() == null ? "" : e.killed().toString());
        cells.add(e.injured() == null ? "" : e.injured().toString());
        cells.add(e.status() == null ? "" : e.status().json());
        cells.add(Integer.toString(e.sourceCount()));
        cells.add(text(outlets(e.sources())));
        row(cells);
    }

    @Override
    public void end(String nextCursor) throws IOException {
        out.flush();
    }

    /** The country's English name for its ISO code, as ACLED's {@code country} column gives it. */
    static String country(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }

    /** Each outlet once, in the order they reported, separated as ACLED's {@code source} column is. */
    private static String outlets(List<EventSource> sources) {
        if (sources == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (EventSource s : sources) {
            if (s.source() != null && !s.source().isBlank()) {
                names.add(s.source().strip());
            }
        }
        return String.join("; ", names);
    }

    /** Text a spreadsheet shows as text. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(cells.get(i)));
        }
        // RFC 4180: lines end with CRLF.
        out.write("\r\n");
    }

    /** A field quoted when it holds a comma, a quote or a line break; quotes inside are doubled. */
    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
