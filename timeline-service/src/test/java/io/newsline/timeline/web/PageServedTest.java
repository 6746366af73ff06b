package io.newsline.timeline.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.newsline.localkafka.KafkaTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * What the page needs from timeline-service without a browser: the page and every part it loads
 * come from the service itself (no CDN), under a policy that allows nothing else.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
class PageServedTest {

    @Test
    void thePageComesWithAPolicyThatAllowsOnlyItsOwnResources() {
        given().get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header(ContentSecurityPolicy.HEADER, containsString("default-src 'self'"))
                .header(ContentSecurityPolicy.HEADER, containsString("script-src 'self';"))
                .header(ContentSecurityPolicy.HEADER, not(containsString("unsafe-inline")))
                .body(containsString("/js/app.js"), not(containsString("http://")), not(containsString("https://")));
    }

    @Test
    void theMapLibraryAndTheBoundariesAreServedFromTheService() {
        given().get("/webjars/leaflet/1.9.4/dist/leaflet.js").then().statusCode(200);
        given().get("/webjars/leaflet/1.9.4/dist/leaflet.css").then().statusCode(200);
        given().get("/vendor/topojson-client.min.js").then().statusCode(200);
        given().get("/vendor/countries-50m.json").then().statusCode(200)
                .body(containsString("\"countries\""));
        given().get("/vendor/admin1-50m.json").then().statusCode(200)
                .body(containsString("\"boundaries\""));
        given().get("/vendor/world-atlas-LICENSE.txt").then().statusCode(200);
    }

    @Test
    void thePageIsToldNoTileServerUnlessOneIsConfigured() {
        given().get("/api/page-config").then().statusCode(200)
                .body("tileUrl", nullValue());
    }

    @Test
    void quarkusToolsWithInlineScriptsKeepWorking() {
        given().get("/q/health/live").then().statusCode(200)
                .header(ContentSecurityPolicy.HEADER, nullValue());
    }
}
