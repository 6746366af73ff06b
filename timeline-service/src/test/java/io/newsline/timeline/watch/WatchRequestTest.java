package io.newsline.timeline.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.net.OutboundAddressPolicy;
import io.newsline.timeline.domain.KnownRegions;
import io.newsline.timeline.domain.TimelineFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatchRequestTest {

    private final WatchRequest strict = new WatchRequest(OutboundAddressPolicy.of(true));
    private final WatchRequest open = new WatchRequest(OutboundAddressPolicy.of(false));

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void aWatchTakesTheTimelinesFiltersAsTextOrListsPlusNearAndMinKilled() throws Exception {
        WatchRequest.Parsed p = open.read(json("""
                {"name": "testford-strikes",
                 "filter": {"type": ["shelling", "air_strike"], "status": "corroborated,disputed", "from": "2025-05",
                            "bbox": [35, 49, 38, 51], "near": {"lat": 50, "lon": 36.2, "km": 40}, "minKilled": 2},
                 "webhook": {"url": "http://127.0.0.1:9999/hook", "secret": "sixteen-or-more-characters"}}"""));

        assertEquals("testford-strikes", p.name());
        TimelineFilter f = p.filter().toTimelineFilter();
        assertFalse(f.matches(TestEvents.event("ev-1", 1, 1, "SHELLING", 50.1, 36.3, 3), new KnownRegions()),
                "a single-source event does not pass a corroborated,disputed filter");
        assertEquals(new TimelineFilter.Near(50, 36.2, 40), f.near());
        assertEquals(2, f.minKilled());
        assertFalse(p.webhook().toString().contains("sixteen"), "the secret is never printed");
        assertEquals("http://127.0.0.1:9999/…", p.webhook().shown());
    }

    @Test
    void aWatchTakesTheFullTextOfTheTimelineAndReadsItBack() throws Exception {
        WatchRequest.Parsed p = open.read(json("""
                {"name": "testford-shelling", "filter": {"q": "TESTFORD shelling", "type": "shelling"},
                 "webhook": {"url": "http://127.0.0.1:9999/hook", "secret": "sixteen-or-more-characters"}}"""));

        assertEquals("TESTFORD shelling", p.filter().q());
        TimelineFilter f = p.filter().toTimelineFilter();
        assertTrue(f.matches(TestEvents.event("ev-1", 1, 1, "SHELLING", 50.1, 36.3, 3), new KnownRegions()));
        assertFalse(f.matches(TestEvents.event("ev-2", 1, 1, "SHELLING", 50.1, 36.3, 3).withTitle("Shelling in Otherford")
                .withLocation(new EventLocation("Otherford", 50.1, 36.3, "UA", null, "exact")), new KnownRegions()));
        assertEquals("TESTFORD shelling", Json.mapper().readTree(Json.mapper().writeValueAsString(p.filter()))
                .get("q").asText());
    }

    @Test
    void everyBadFieldIsNamedAndTheSecretIsNotEchoed() throws Exception {
        TimelineFilter.BadFilterException e = assertThrows(TimelineFilter.BadFilterException.class, () -> open.read(json("""
                {"name": "has spaces", "colour": "red",
                 "filter": {"type": "bombing", "near": {"lat": 91, "lon": 36, "km": 0}, "minKilled": -1, "wher": "x"},
                 "webhook": {"url": "ftp://example.org/hook", "secret": "short"}}""")));

        List<String> fields = e.violations().stream().map(TimelineFilter.Violation::field).sorted().toList();
        assertEquals(List.of("colour", "filter.minKilled", "filter.near.km", "filter.near.lat", "filter.type",
                "filter.wher", "name", "webhook.secret", "webhook.url"), fields);
        assertFalse(e.getMessage().contains("short"), e.getMessage());
    }

    @Test
    void withTheGuardOnAWebhookOnThisMachineOrTheNetworkIsRefused() throws Exception {
        for (String url : new String[] {"http://127.0.0.1:8083/api/watches", "http://169.254.169.254/latest",
                "http://192.168.0.10/hook", "http://[::1]/hook"}) {
            TimelineFilter.BadFilterException e = assertThrows(TimelineFilter.BadFilterException.class,
                    () -> strict.read(json("{\"name\": \"w\", \"webhook\": {\"url\": \"" + url
                            + "\", \"secret\": \"sixteen-or-more-characters\"}}")));
            assertEquals("webhook.url", e.violations().get(0).field());
            assertTrue(e.violations().get(0).message().contains(OutboundAddressPolicy.SETTING));
        }
    }
}
