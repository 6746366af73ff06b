package io.newsline.timeline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import io.newsline.contracts.kafka.JsonSerializer;
import io.newsline.contracts.kafka.Topics;
import io.newsline.contracts.model.Attribution;
import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.NlpInfo;
import io.newsline.localkafka.KafkaTestResource;
import io.newsline.timeline.testing.HeadlessChromium;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;

/**
 * The timeline page in a real headless Chromium against timeline-service on the real broker:
 * enriched articles go into {@code news.articles.enriched} and the test looks at what an analyst
 * would see. Skips when Debian's chromium and chromium-driver are not installed; no browser is
 * ever downloaded.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SuppressWarnings("unchecked")
class TimelinePageBrowserTest {

    private static final Logger LOG = Logger.getLogger(TimelinePageBrowserTest.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String MARKUP_TITLE = "<img src=x onerror=alert(1)>";

    @TestHTTPResource("/")
    URL root;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Unique per run, so events of earlier runs or other test classes on the same broker never match. */
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private ChromeDriver browser;
    private KafkaProducer<String, EnrichedArticle> producer;

    @BeforeAll
    void startBrowser() {
        browser = HeadlessChromium.start();

        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new JsonSerializer<>());
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    @Test
    @Order(1)
    void pageLoadsWithTheDemoEventsOnTheListAndTheMap() throws Exception {
        // Given the demo-like reports are on the timeline
        for (EnrichedArticle a : demoArticles()) {
            send(a);
        }
        // When the page is opened
        open("/?from=2025-03-01&to=2025-03-31");

        // Then each report shows on the list and on the map
        for (String name : List.of("kharkiv-1", "kupiansk", "vovchansk", "zaporizhzhia", "izmir", "donetsk", "kyiv")) {
            String id = awaitListed(eventOf(name));
            assertNotNull(marker(id), "marker of " + name);
        }
        // And the two outlets' reports of the Kharkiv strike are one event with both sources
        String kharkiv = eventOf("kharkiv-1");
        await().atMost(PATIENCE).until(() -> eventOf("kharkiv-2").equals(kharkiv)
                && !Pattern.compile("\\b1 source\\b").matcher(listItemById(kharkiv).getText()).find());
        assertContains(listItemById(kharkiv).getText(), "Air strike (glide bomb) in Kharkiv", "11 Mar 2025",
                "4 killed · 14 injured");
        // And dates say only what is known: a month, a range
        assertContains(listItemById(eventOf("donetsk")).getText(), "March 2025", "region of Donetsk Oblast");
        assertContains(listItemById(eventOf("kyiv")).getText(), "10–13 Mar 2025");
        awaitBasemap();
        assertEquals(List.of(), cspViolations());

        String shot = System.getProperty("newsline.screenshot");
        if (shot != null && !shot.isBlank()) {
            // The picture for docs/: the strike two outlets reported, selected, its sources beside the map.
            listItemById(kharkiv).click();
            await().atMost(PATIENCE).until(() -> "true".equals(
                    browser.findElement(By.id("detail")).getDomAttribute("data-loaded")));
            Thread.sleep(1500);
            Files.write(Path.of(shot), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    @Order(2)
    void anArticlePostedWhileThePageIsOpenAppearsInTheListAndOnTheMapWithoutAReload() {
        open("/");
        js("window.newslineSamePage = true;");
        awaitConnection("live");

        send(article("live", "Odesa", 46.48, 30.72, "UA", EventType.DRONE_STRIKE, tag("live drone"),
                "2025-02-14", 2, 5));

        String id = awaitListed(tag("live drone"));
        await().atMost(PATIENCE).until(() -> marker(id) != null);
        assertEquals(true, js("return window.newslineSamePage === true;"), "the page was not reloaded");
        // Placed by when it happened, not on top: the events around it are in timeline order
        assertEquals(true, js("""
                const items = [...document.querySelectorAll('li.event')];
                const at = items.findIndex(li => li.dataset.eventId === arguments[0]);
                const dayOf = li => li.closest('section.day').dataset.group;
                return at >= 0 && (at === 0 || dayOf(items[at - 1]) <= dayOf(items[at]))
                    && (at === items.length - 1 || dayOf(items[at]) <= dayOf(items[at + 1]));""", id));
    }

    @Test
    @Order(3)
    void filtersNarrowTheListTheMapAndTheLiveStream() {
        open("/?from=2025-03-01&to=2025-03-31");
        String strike = awaitListed(eventOf("kharkiv-1"));
        String quake = awaitListed(eventOf("izmir"));

        // When the analyst picks one type
        new Select(browser.findElement(By.name("type"))).selectByValue("DISASTER");

        // Then the URL says so, and the list and the map hold only that type
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().contains("type=DISASTER")
                && listItemById(strike) == null && listItemById(quake) != null);
        assertNull(marker(strike));
        assertNotNull(marker(quake));
        List<String> types = browser.findElements(By.cssSelector("li.event")).stream()
                .map(li -> li.getDomAttribute("data-type")).distinct().toList();
        assertEquals(List.of("DISASTER"), types);
        awaitConnection("live");

        // And the stream is filtered too: of two reports sent in this order, only the disaster shows
        send(article("filtered-out", "Sumy", 50.91, 34.80, "UA", EventType.AIR_STRIKE, tag("filtered strike"),
                "2025-03-20", 1, 0));
        send(article("filtered-in", "Antakya", 36.20, 36.16, "TR", EventType.DISASTER, tag("flood"),
                "2025-03-21", 0, 12));
        awaitListed(tag("flood"));
        assertNull(listItem(tag("filtered strike")));

        // And a shared link opens the same view
        String shared = browser.getCurrentUrl();
        browser.get(shared);
        await().atMost(PATIENCE).until(() -> listItem(tag("flood")) != null);
        assertEquals("DISASTER",
                new Select(browser.findElement(By.name("type"))).getFirstSelectedOption().getDomAttribute("value"));
    }

    @Test
    @Order(3)
    void theSearchBoxFindsEventsByTheirWordsAndKeepsTheOtherFilters() {
        send(article("searched", "Poltava", 49.59, 34.55, "UA", EventType.SHELLING, tag("grain elevator"),
                "2025-03-22", 0, 1));
        send(article("not-searched", "Myrhorod", 49.97, 33.61, "UA", EventType.SHELLING, tag("power line"),
                "2025-03-23", 0, 1));
        open("/?from=2025-03-01&to=2025-03-31");
        awaitListed(tag("grain elevator"));
        awaitListed(tag("power line"));

        // When the analyst types words into the search box, in another case than the text's, and presses Enter
        WebElement box = browser.findElement(By.name("q"));
        box.sendKeys("ELEVATOR " + run);
        box.sendKeys(Keys.ENTER);

        // Then the URL says so, the dates stay, and the list holds only what the words find
        await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().contains("q=ELEVATOR")
                && listItem(tag("grain elevator")) != null && listItem(tag("power line")) == null);
        assertTrue(browser.getCurrentUrl().contains("from=2025-03-01"));
        assertEquals(1, browser.findElements(By.cssSelector("li.event")).size());

        // And a shared link opens the same search, with the words in the box
        browser.get(browser.getCurrentUrl());
        await().atMost(PATIENCE).until(() -> listItem(tag("grain elevator")) != null);
        assertEquals("ELEVATOR " + run, browser.findElement(By.name("q")).getDomProperty("value"));
        assertNull(listItem(tag("power line")));
    }

    @Test
    @Order(4)
    void theDetailShowsEverySourceWithItsEvidenceAndTheRevisions() {
        open("/?from=2025-03-01&to=2025-03-31");
        String id = awaitListed(eventOf("kharkiv-1"));

        listItemById(id).click();

        WebElement detail = browser.findElement(By.id("detail"));
        await().atMost(PATIENCE).until(() -> "true".equals(detail.getDomAttribute("data-loaded")));
        String text = detail.getText();
        assertContains(text, "Sources (", "Newsline Demo Wire", "Eastern Ukraine Daily (demo)",
                "three killed and 14 injured", "зросла до 4", "Revisions (", "Revision ");
        // Each source's headline in its own language; the Ukrainian one is marked as Ukrainian
        assertContains(text, "Glide bombs hit residential district in Kharkiv, three killed",
                "Кількість загиблих після удару по багатоповерхівці в Харкові зросла до чотирьох");
        WebElement ukrainian = detail.findElement(By.cssSelector(".source-title .title-text[lang='uk']"));
        assertContains(ukrainian.getText(), "в Харкові");
        WebElement mark = detail.findElement(By.cssSelector(".source-title abbr.language"));
        assertEquals("UK", mark.getText());
        assertEquals("Ukrainian", mark.getDomAttribute("title"));
        assertEquals(1, detail.findElements(By.cssSelector(".source-title abbr.language")).size(),
                "the English headline carries no language mark");
        // The figures differ between the outlets, so each source shows its own
        assertContains(text, "3 killed · 14 injured");
        assertTrue(detail.findElements(By.cssSelector(".source-figures")).size() >= 2, "figures per source");
        assertTrue(detail.findElements(By.cssSelector(".evidence mark")).stream().map(WebElement::getText)
                .anyMatch("Kharkiv"::equals), "the place is marked in the evidence");
        assertFalse(detail.findElements(By.cssSelector(".source a.url")).isEmpty());
        assertContains(listItemById(id).getDomAttribute("class"), "selected");

        // Clicking a marker selects its event in the list
        browser.findElement(By.id("detail-close")).click();
        String quake = awaitListed(eventOf("izmir"));
        js("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}));", marker(quake));
        await().atMost(PATIENCE).until(() -> listItemById(quake).getDomAttribute("class").contains("selected"));
    }

    @Test
    @Order(5)
    void aTitleWithMarkupShowsAsTextAndRunsNothing() {
        open("/?from=2025-01-01&to=2025-01-31");
        awaitConnection("live");

        // Ingest refuses such addresses and strips control characters, but the page must not rely on it:
        // records can reach news.articles.enriched by other ways (a re-drive, another producer).
        EnrichedArticle markup = new EnrichedArticle("web-" + run + "-markup", MARKUP_TITLE,
                "<script>alert(2)</script> A body with markup.", "javascript:alert(4)",
                "<b>Outlet</b>\u0007\u202e", "2025-01-09T10:00:00Z", "en", "text", "2025-01-09T10:00:05Z", List.of(), List.of(),
                List.of(new Event("publication", EventType.OTHER, null, "2025-01-09", null, DatePrecision.DAY,
                        new EventLocation("Lviv", 49.84, 24.03, "UA", 702550L, "exact"), null, null, null,
                        List.of(), List.of(), null, "<script>alert(3)</script> in Lviv", 0.5)),
                new NlpInfo("test", "en", 1, null));
        send(markup);

        String id = awaitListed(MARKUP_TITLE);
        await().atMost(PATIENCE).until(() -> marker(id) != null);
        listItemById(id).click();
        WebElement detail = browser.findElement(By.id("detail"));
        await().atMost(PATIENCE).until(() -> "true".equals(detail.getDomAttribute("data-loaded")));

        assertContains(detail.getText(), MARKUP_TITLE, "<b>Outlet</b>", "<script>alert(3)</script>");
        assertEquals(List.of(), browser.findElements(By.cssSelector("#timeline img, #detail img, .leaflet-tooltip img")));
        assertEquals(List.of(), browser.findElements(By.cssSelector("#timeline script, #detail script, #timeline b")));
        assertEquals(List.of(), browser.findElements(By.cssSelector("a[href^='javascript']")),
                "a javascript: address became a link");
        assertFalse(alertShown(), "an alert opened");
    }

    @Test
    @Order(6)
    void datesSayNoMoreThanIsKnownAndEventsKeepTheTimelineOrder() {
        open("/");
        // The page's own module, as the browser runs it
        Object answer = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/timeline-format.js').then(f => done({
                  dates: [
                    f.formatEventDate('2025-11-24', null, 'day'),
                    f.formatEventDate('2025-11-17', '2025-11-23', 'day'),
                    f.formatEventDate('2025-11-28', '2025-12-03', 'day'),
                    f.formatEventDate('2025-12-28', '2026-01-02', 'day'),
                    f.formatEventDate('2025-06', null, 'month'),
                    f.formatEventDate('2025-06', '2025-07', 'month'),
                    f.formatEventDate('2025', null, 'year')],
                  order: [
                    {id: 'c', date: '2025-07', datePrecision: 'month', firstSeen: '2025-07-02T00:00:00Z'},
                    {id: 'b', date: '2025-07-01', datePrecision: 'day', firstSeen: '2025-07-03T00:00:00Z'},
                    {id: 'a2', date: '2025-06-30', datePrecision: 'day', firstSeen: '2025-07-01T00:00:00Z'},
                    {id: 'a1', date: '2025-06-30', datePrecision: 'day', firstSeen: '2025-06-30T00:00:00Z'},
                    {id: 'y', date: '2025', datePrecision: 'year', firstSeen: '2025-01-05T00:00:00Z'},
                  ].sort(f.compareEvents).map(e => e.id)}), e => done(String(e)));""");
        Map<String, List<String>> result = (Map<String, List<String>>) answer;
        assertEquals(List.of("24 Nov 2025", "17–23 Nov 2025", "28 Nov – 3 Dec 2025", "28 Dec 2025 – 2 Jan 2026",
                "June 2025", "June–July 2025", "2025"), result.get("dates"));
        // First day, then day before month before year, then first seen
        assertEquals(List.of("y", "a1", "a2", "b", "c"), result.get("order"));
    }

    @Test
    @Order(8) // last, so that switching the browser's network off and on cannot disturb the others
    void afterADroppedConnectionThePageSaysItIsOfflineAndCatchesUp() {
        open("/?from=2025-04-01&to=2025-04-30");
        awaitConnection("live");

        // When the browser loses its network, the page says so
        network(false);
        awaitConnection("offline");
        assertContains(browser.findElement(By.id("connection")).getText(), "offline");

        // And what is reported meanwhile arrives once the network is back, without a reload
        js("window.newslineSamePage = true;");
        send(article("while-offline", "Mykolaiv", 46.97, 31.99, "UA", EventType.MISSILE_STRIKE,
                tag("while offline"), "2025-04-04", 0, 3));
        eventOfArticle("while-offline", "2025-04-01", "2025-04-30");
        network(true);
        awaitConnection("live");
        String id = awaitListed(tag("while offline"));
        assertNotNull(marker(id));
        assertEquals(true, js("return window.newslineSamePage === true;"), "the page was not reloaded");
    }

    @Test
    @Order(7)
    void aThousandEventsRender() {
        // Given a thousand events on days of their own (so none merge), in many places
        LocalDate first = LocalDate.of(2019, 1, 1);
        EventType[] types = EventType.values();
        for (int i = 0; i < 1000; i++) {
            double lat = 35 + (i * 7 % 200) / 10.0;
            double lon = 20 + (i * 13 % 250) / 10.0;
            send(article("bulk-" + i, "Place " + i, lat, lon, "UA", types[i % types.length], tag("bulk"),
                    first.plusDays(i * 2L).toString(), i % 7, i % 11));
        }
        producer.flush();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            List<Object> items = RestAssured.given().queryParam("from", "2019-01-01").queryParam("to", "2024-06-30")
                    .queryParam("limit", 1000).get("/api/timeline").then().statusCode(200).extract().path("items");
            return items.size() >= 1000;
        });

        // When the page opens on them
        open("/?from=2019-01-01&to=2024-06-30");
        await().atMost(PATIENCE).until(() -> "true".equals(browser.findElement(By.tagName("body"))
                .getDomAttribute("data-loaded")));

        // Then all are listed and placed; the time it took is reported, not asserted
        long listed = (Long) js("return document.querySelectorAll('li.event').length;");
        long placed = (Long) js("return document.querySelectorAll('#map path[data-event-id]').length;");
        WebElement body = browser.findElement(By.tagName("body"));
        Object navigation = js("""
                const n = performance.getEntriesByType('navigation')[0];
                return 'document requested at ' + Math.round(n.requestStart) + ' ms, answered at '
                    + Math.round(n.responseStart) + ' ms';""");
        Object api = js("""
                return performance.getEntriesByType('resource').filter(r => r.name.includes('/api/timeline?'))
                    .map(r => Math.round(r.duration) + ' ms').join(', ');""");
        LOG.infof("timeline page with %d events (%d markers): list and map painted %s ms after navigation start"
                + " (script started at %s ms, data in at %s ms; GET /api/timeline took %s; load average %.1f"
                + " on %d cores; %s)", listed, placed,
                body.getDomAttribute("data-render-ms"), body.getDomAttribute("data-script-start-ms"),
                body.getDomAttribute("data-fetch-ms"), api,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(), navigation);
        assertTrue(listed >= 1000, listed + " listed");
        assertTrue(placed >= 1000, placed + " on the map");
    }

    // ---------- what the test sends ----------

    private String tag(String what) {
        return what + " " + run;
    }

    private List<EnrichedArticle> demoArticles() {
        List<EnrichedArticle> all = new ArrayList<>();
        all.add(report("kharkiv-1", "Glide bombs hit residential district in Kharkiv, three killed",
                "Newsline Demo Wire", "2025-03-12T07:30:00Z",
                new Event("e1", EventType.AIR_STRIKE, "glide bomb", "2025-03-11", null, DatePrecision.DAY,
                        new EventLocation("Kharkiv", 49.9935, 36.2304, "UA", 706483L, "exact"), 3, 14, null,
                        List.of("Russian forces"), List.of("Oleh Syniehubov"),
                        new Attribution("Oleh Syniehubov", false),
                        "Two guided bombs struck Kharkiv on Tuesday evening, three killed and 14 injured,"
                                + " Oleh Syniehubov said.", 0.9)));
        // The second outlet writes in Ukrainian: its headline shows as written, marked with its language
        all.add(report("kharkiv-2", "uk", "Кількість загиблих після удару по багатоповерхівці в Харкові зросла до чотирьох",
                "Eastern Ukraine Daily (demo)", "2025-03-12T15:05:00Z",
                new Event("e1", EventType.AIR_STRIKE, "glide bomb", "2025-03-11", null, DatePrecision.DAY,
                        new EventLocation("Kharkiv", 49.9935, 36.2304, "UA", 706483L, "exact"), 4, 14, null,
                        List.of(), List.of("State Emergency Service"), null,
                        "Кількість загиблих унаслідок вівторкового удару по Харкову зросла до 4, повідомили рятувальники.",
                        0.9)));
        all.add(report("kupiansk", "Shelling of Kupiansk wounds two civilians", "Newsline Demo Wire",
                "2025-03-09T09:10:00Z",
                new Event("e1", EventType.SHELLING, "artillery", "2025-03-08", null, DatePrecision.DAY,
                        new EventLocation("Kupiansk", 49.7106, 37.6156, "UA", 704422L, "exact"), null, 2, null,
                        List.of(), List.of(), null, "Artillery fire on Kupiansk wounded 2 civilians overnight.", 0.8)));
        all.add(report("vovchansk", "Drone attack on Vovchansk area claimed by Russian ministry",
                "Frontline Monitor (demo)", "2025-03-07T18:45:00Z",
                new Event("e1", EventType.DRONE_STRIKE, "loitering munition", "2025-03-07", null, DatePrecision.DAY,
                        new EventLocation("Vovchansk", 50.2908, 36.9413, "UA", 689558L, "near"), null, null, null,
                        List.of(), List.of("Russian defence ministry"),
                        new Attribution("Russian defence ministry", true),
                        "The Russian defence ministry said its drones hit targets near Vovchansk.", 0.6)));
        all.add(report("zaporizhzhia", "Missile strike on Zaporizhzhia industrial site", "Newsline Demo Wire",
                "2025-03-06T08:00:00Z",
                new Event("e1", EventType.MISSILE_STRIKE, "ballistic missile", "2025-03-05", null, DatePrecision.DAY,
                        new EventLocation("Zaporizhzhia", 47.8229, 35.1903, "UA", 687700L, "exact"), 1, 6, null,
                        List.of(), List.of(), null, "A missile hit an industrial site in Zaporizhzhia, killing 1.",
                        0.8)));
        all.add(report("izmir", "Earthquake shakes western Turkey, dozens injured", "Newsline Demo Wire",
                "2025-03-10T21:00:00Z",
                new Event("e1", EventType.DISASTER, "earthquake", "2025-03-10", null, DatePrecision.DAY,
                        new EventLocation("Izmir", 38.4127, 27.1384, "TR", 311046L, "exact"), null, 36, null,
                        List.of(), List.of("AFAD"), null,
                        "A magnitude 5.8 earthquake near Izmir injured 36 people, AFAD said.", 0.8)));
        all.add(report("donetsk", "Thousands leave frontline towns in Donetsk region", "Frontline Monitor (demo)",
                "2025-03-14T12:00:00Z",
                new Event("e1", EventType.DISPLACEMENT, "evacuation", "2025-03", null, DatePrecision.MONTH,
                        new EventLocation("Donetsk Oblast", 48.0, 37.8, "UA", 709716L, "region"), null, null, null,
                        List.of(), List.of(), null, "In March thousands left frontline towns of Donetsk Oblast.",
                        0.6)));
        all.add(report("kyiv", "Talks on prisoner exchange continue in Kyiv", "Newsline Demo Wire",
                "2025-03-13T10:00:00Z",
                new Event("e1", EventType.DIPLOMACY, "prisoner exchange talks", "2025-03-10", "2025-03-13", DatePrecision.DAY,
                        new EventLocation("Kyiv", 50.4501, 30.5234, "UA", 703448L, "exact"), null, null, null,
                        List.of(), List.of(), null, "Talks in Kyiv ran from 10 to 13 March.", 0.6)));
        return all;
    }

    private EnrichedArticle report(String name, String title, String outlet, String publishedAt, Event event) {
        return report(name, "en", title, outlet, publishedAt, event);
    }

    private EnrichedArticle report(String name, String language, String title, String outlet, String publishedAt,
            Event event) {
        return new EnrichedArticle("web-" + run + "-" + name, title, event.evidence(),
                "https://demo.newsline.example/" + name, outlet, publishedAt, language, "text", publishedAt, List.of(),
                List.of(), List.of(event), new NlpInfo("test", language, 1, null));
    }

    private EnrichedArticle article(String name, String place, double lat, double lon, String country,
            EventType type, String subtype, String date, Integer killed, Integer injured) {
        Event event = new Event("e1", type, subtype, date, null, DatePrecision.DAY,
                new EventLocation(place, lat, lon, country, null, "exact"), killed, injured, null, List.of(),
                List.of(), null, "Something happened in " + place + ".", 0.7);
        return report(name, subtype + " in " + place, "Newsline Test Wire", date + "T12:00:00Z", event);
    }

    private void send(EnrichedArticle article) {
        // One partition keeps the order the test sends in, which the filtered-stream check relies on.
        try {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED, 0, article.id(), article)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + article.id(), e);
        }
    }

    // ---------- what the test looks at ----------

    private void open(String path) {
        browser.get(root.toString().replaceAll("/$", "") + path);
        await().atMost(PATIENCE).until(() -> "true".equals(browser.findElement(By.tagName("body"))
                .getDomAttribute("data-loaded")));
    }

    /** The id of the timeline event a demo article of this run was folded into, once the API shows it. */
    private String eventOf(String articleName) {
        return eventOfArticle(articleName, "2025-03-01", "2025-03-31");
    }

    private String eventOfArticle(String articleName, String from, String to) {
        String articleId = "web-" + run + "-" + articleName;
        String[] found = new String[1];
        await().atMost(PATIENCE).until(() -> {
            List<Map<String, Object>> items = RestAssured.given().queryParam("limit", 1000)
                    .queryParam("from", from).queryParam("to", to)
                    .get("/api/timeline").then().statusCode(200).extract().path("items");
            for (Map<String, Object> item : items) {
                List<Map<String, Object>> sources = (List<Map<String, Object>>) item.get("sources");
                if (sources.stream().anyMatch(s -> articleId.equals(s.get("articleId")))) {
                    found[0] = (String) item.get("id");
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Waits until the list shows the event with this id (an id), or an item with this text. */
    private String awaitListed(String idOrText) {
        await().atMost(PATIENCE).until(() -> listItemById(idOrText) != null || listItem(idOrText) != null);
        WebElement byId = listItemById(idOrText);
        return byId != null ? idOrText : listItem(idOrText).getDomAttribute("data-event-id");
    }


    private WebElement listItem(String text) {
        return (WebElement) js("""
                return [...document.querySelectorAll('li.event')]
                    .find(li => li.textContent.includes(arguments[0])) || null;""", text);
    }

    private WebElement listItemById(String id) {
        return (WebElement) js("""
                return [...document.querySelectorAll('li.event')].find(li => li.dataset.eventId === arguments[0])
                    || null;""", id);
    }

    private WebElement marker(String id) {
        return (WebElement) js("""
                return [...document.querySelectorAll('#map path[data-event-id]')]
                    .find(p => p.dataset.eventId === arguments[0]) || null;""", id);
    }

    private void awaitConnection(String state) {
        await().atMost(PATIENCE).until(() -> state.equals(
                browser.findElement(By.id("connection")).getDomAttribute("data-state")));
    }

    private void awaitBasemap() {
        await().atMost(PATIENCE).until(() -> "loaded".equals(
                browser.findElement(By.id("map")).getDomAttribute("data-basemap")));
    }

    /** Cuts or restores the browser's network, as DevTools' offline switch does. */
    private void network(boolean online) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", !online, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private List<String> cspViolations() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
    }

    private boolean alertShown() {
        try {
            browser.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }


    private static void assertContains(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text != null && text.contains(part), "expected '" + part + "' in: " + text);
        }
    }
}
