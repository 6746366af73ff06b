package io.newsline.timeline.api;

import io.newsline.contracts.problem.Problem;
import static io.newsline.timeline.testing.Articles.article;
import static io.newsline.timeline.testing.Articles.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.localkafka.KafkaTestResource;
import io.newsline.timeline.testing.Articles.Town;
import io.newsline.timeline.testing.Broker;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The exports of a filtered view, read as the tools people take them to read them: GeoJSON by GDAL's
 * {@code ogrinfo} (Debian's gdal-bin; that part is skipped without it), CSV by Apache Commons CSV, Atom by an XML
 * parser; every value checked against the JSON of the same view.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineExportTest {

    private static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");
    private static final String OUTLET_WITH_QUOTES = "Wire, Ltd \"Evening\"";
    private static final String FORMULA_OUTLET = "=HYPERLINK(\"http://x.example\")";
    private final Town town = Town.fresh();
    private String view;
    private List<JsonNode> items;

    /** Once, before the first test: RestAssured knows the application's port only once a test runs. */
    @BeforeEach
    synchronized void fourReportsOfThreeEventsInOneTown() throws IOException {
        if (items != null) {
            return;
        }
        Broker.publish(article("alpha", "2025-07-01T08:00:00Z", List.of(town.place()),
                event(EventType.SHELLING, "2025-07-01", town.location(), 2, 5, "Shelling killed two.")));
        Broker.publish(article(OUTLET_WITH_QUOTES, "2025-07-01T09:00:00Z", List.of(town.place()),
                event(EventType.SHELLING, "2025-07-01", town.location(), 2, 5, "Two died in shelling.")));
        Broker.publish(article(FORMULA_OUTLET, "2025-07-03T08:00:00Z", List.of(town.place()),
                event(EventType.DRONE_STRIKE, "2025-07-03", town.location(), null, 1, "A drone hit.")));
        Broker.publish(article("gamma", "2025-07-05T08:00:00Z", List.of(),
                event(EventType.PROTEST, "2025-07-05", new EventLocation(town.name(), null, null, "UA", null, "exact"),
                        null, null, "A protest.")));
        view = "place=" + URLEncoder.encode(town.name(), StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(60)).until(() -> json(view).get("items").size() == 3
                && json(view).at("/items/0/sourceCount").asInt() == 2);
        items = new ArrayList<>();
        json(view).get("items").forEach(items::add);
    }

    private static JsonNode json(String query) throws IOException {
        return Json.mapper().readTree(given().get("/api/timeline?" + query).then().statusCode(200).extract().asString());
    }

    @Test
    void geoJsonIsAFeatureCollectionOfPointsAsLonLatWithTheEventsProperties() throws Exception {
        Response r = given().get("/api/timeline?format=geojson&" + view);
        r.then().statusCode(200).contentType(startsWith("application/geo+json"))
                .header("Content-Disposition", "attachment; filename=\"newsline-timeline.geojson\"");
        JsonNode fc = Json.mapper().readTree(r.asString());
        assertEquals("FeatureCollection", fc.get("type").asText());
        assertEquals(items.size(), fc.get("features").size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode e = items.get(i);
            JsonNode f = fc.get("features").get(i);
            JsonNode p = f.get("properties");
            assertEquals(e.get("id").asText(), f.get("id").asText());
            if (e.at("/location/lat").isNumber()) {
                assertEquals("Point", f.at("/geometry/type").asText());
                assertEquals(e.at("/location/lon").asDouble(), f.at("/geometry/coordinates/0").asDouble(), "lon first");
                assertEquals(e.at("/location/lat").asDouble(), f.at("/geometry/coordinates/1").asDouble());
            } else {
                assertTrue(f.get("geometry").isNull(), "an event without coordinates has no geometry");
            }
            assertEquals(e.get("type").asText(), p.get("type").asText());
            assertEquals(e.get("date").asText(), p.get("date").asText());
            assertEquals(e.get("datePrecision").asText(), p.get("datePrecision").asText());
            assertEquals(e.at("/location/name").asText(), p.get("place").asText());
            assertEquals(e.at("/location/countryCode").asText(), p.get("countryCode").asText());
            assertEquals(e.get("status").asText(), p.get("status").asText());
            assertEquals(e.get("sourceCount").asInt(), p.get("sourceCount").asInt());
            assertEquals(e.get("revision").asInt(), p.get("revision").asInt());
            assertEquals(e.path("killed").isNull() || e.path("killed").isMissingNode() ? null : e.get("killed").asInt(),
                    p.get("killed").isNull() ? null : p.get("killed").asInt());
            assertTrue(p.get("link").asText().endsWith("/api/events/" + e.get("id").asText()));
        }
    }

    @Test
    void ogrinfoReadsTheGeoJsonExportWithTheSameValues() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(OGRINFO), "GDAL's ogrinfo is not installed (apt-get install gdal-bin)");
        Path file = Files.createTempFile("newsline-export", ".geojson");
        Files.writeString(file, given().get("/api/timeline?format=geojson&" + view).asString());

        String summary = run(OGRINFO.toString(), "-ro", "-so", "-al", file.toString());
        assertTrue(summary.contains("Feature Count: " + items.size()), summary);
        assertTrue(summary.contains("Geometry: Point"), summary);
        List<Map<String, String>> features = ogrFeatures(run(OGRINFO.toString(), "-ro", "-al", "-q", file.toString()));
        assertEquals(items.size(), features.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode e = items.get(i);
            Map<String, String> f = features.get(i);
            assertEquals(e.get("id").asText(), f.get("id"));
            assertEquals(e.get("type").asText(), f.get("type"));
            // GDAL types day-precise dates as Date fields and writes them with slashes
            assertEquals(e.get("date").asText(), f.get("date").replace('/', '-'));
            assertEquals(e.get("status").asText(), f.get("status"));
            assertEquals(e.get("sourceCount").asText(), f.get("sourceCount"));
            assertEquals(e.path("killed").isNumber() ? e.get("killed").asText() : "(null)", f.get("killed"));
            if (e.at("/location/lat").isNumber()) {
                String[] xy = f.get("geometry").replace("POINT (", "").replace(")", "").split(" ");
                assertEquals(e.at("/location/lon").asDouble(), Double.parseDouble(xy[0]), 1e-9, "x is the longitude");
                assertEquals(e.at("/location/lat").asDouble(), Double.parseDouble(xy[1]), 1e-9);
            } else {
                assertNull(f.get("geometry"), "no geometry for the unplaced event");
            }
        }
        Files.delete(file);
    }

    @Test
    void csvIsRfc4180WithAcledLikeColumnsAndTheSameValues() throws Exception {
        Response r = given().get("/api/timeline?format=csv&" + view);
        r.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("newsline-timeline.csv"));
        String body = r.asString();
        assertTrue(body.contains("\r\n"), "lines end with CRLF");
        try (CSVParser csv = CSVParser.parse(new StringReader(body), CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            assertEquals(CsvWriter.COLUMNS, csv.getHeaderNames());
            List<CSVRecord> rows = csv.getRecords();
            assertEquals(items.size(), rows.size());
            for (int i = 0; i < items.size(); i++) {
                JsonNode e = items.get(i);
                CSVRecord row = rows.get(i);
                JsonNode l = e.get("location");
                assertEquals(e.get("id").asText(), row.get("event_id"));
                assertEquals(e.get("date").asText(), row.get("event_date"));
                assertEquals(e.get("datePrecision").asText(), row.get("date_precision"));
                assertEquals(e.get("type").asText(), row.get("event_type"));
                assertEquals("Ukraine", row.get("country"), "the country's name, as ACLED gives it");
                assertEquals(l.path("admin1").asText(""), row.get("admin1"));
                assertEquals(l.get("name").asText(), row.get("location"));
                assertEquals(l.get("lat").isNumber() ? l.get("lat").asDouble() : null, number(row.get("latitude")));
                assertEquals(l.get("lon").isNumber() ? l.get("lon").asDouble() : null, number(row.get("longitude")));
                assertEquals(l.get("precision").asText(), row.get("geo_precision"));
                assertEquals(e.path("killed").isNumber() ? e.get("killed").asText() : "", row.get("fatalities"));
                assertEquals(e.path("injured").isNumber() ? e.get("injured").asText() : "", row.get("injured"));
                assertEquals(e.get("status").asText(), row.get("status"));
                assertEquals(e.get("sourceCount").asText(), row.get("source_count"));
            }
            Map<String, String> sources = new HashMap<>();
            rows.forEach(row -> sources.put(row.get("event_type"), row.get("sources")));
            // The two reports sit on different partitions of news.articles.enriched: either may be folded first.
            assertEquals(Set.of("alpha", OUTLET_WITH_QUOTES), Set.of(sources.get("SHELLING").split("; ")),
                    "quotes and commas survive: " + sources.get("SHELLING"));
            assertEquals("'" + FORMULA_OUTLET, sources.get("DRONE_STRIKE"), "a spreadsheet shows it, never runs it");
        }
    }

    @Test
    void atomListsTheViewsEventsAsEntries() throws Exception {
        String atom = given().get("/api/timeline?format=atom&" + view).then().statusCode(200)
                .contentType(startsWith("application/atom+xml")).extract().asString();
        Document doc = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
        NodeList entries = doc.getElementsByTagName("entry");
        assertEquals(items.size(), entries.getLength());
        for (int i = 0; i < items.size(); i++) {
            Element entry = (Element) entries.item(i);
            assertEquals("urn:newsline:event:" + items.get(i).get("id").asText(),
                    entry.getElementsByTagName("id").item(0).getTextContent());
            assertEquals(items.get(i).get("title").asText(), entry.getElementsByTagName("title").item(0).getTextContent());
        }
    }

    @Test
    void exportsTakeTheSameCursorAsTheJsonAndALimitMakesThemPages() throws Exception {
        // limit: one page, and Link names the next
        Response first = given().get("/api/timeline?format=csv&limit=2&" + view);
        String link = first.header("Link");
        assertTrue(link != null && link.contains("rel=\"next\""), "Link: " + link);
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        assertEquals(3, first.asString().split("\r\n").length, "header and two rows");
        String rest = given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().asString();
        assertEquals(2, rest.split("\r\n").length, "header and the third row");
        assertTrue(rest.contains(items.get(2).get("id").asText()));

        // A JSON page's cursor continues an export from there, to the end
        String cursor = json("limit=1&" + view).get("nextCursor").asText();
        JsonNode fromCursor = Json.mapper().readTree(given().get("/api/timeline?format=geojson&" + view + "&cursor="
                + URLEncoder.encode(cursor, StandardCharsets.UTF_8)).asString());
        assertEquals(List.of(items.get(1).get("id").asText(), items.get(2).get("id").asText()),
                List.of(fromCursor.at("/features/0/id").asText(), fromCursor.at("/features/1/id").asText()));
    }

    @Test
    void anUnknownFormatIsA400NamingIt() {
        given().get("/api/timeline?format=xlsx").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("format"));
    }

    private static Double number(String cell) {
        return cell.isEmpty() ? null : Double.parseDouble(cell);
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** ogrinfo's feature listing: each feature's fields by name, and its geometry as WKT under "geometry". */
    private static List<Map<String, String>> ogrFeatures(String listing) {
        List<Map<String, String>> features = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : listing.split("\n")) {
            if (line.startsWith("OGRFeature(")) {
                current = new LinkedHashMap<>();
                features.add(current);
            } else if (current != null && line.startsWith("  ") && line.contains(" = ")) {
                String name = line.substring(2, line.indexOf(" ("));
                current.put(name, line.substring(line.indexOf(" = ") + 3));
            } else if (current != null && line.startsWith("  POINT")) {
                current.put("geometry", line.strip());
            }
        }
        return features;
    }
}
