package io.newsline.ingest.api;

import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as curl sends them: NDJSON as text, and no charset added to a media type that has none. */
final class Requests {

    private Requests() {}

    static RequestSpecification ndjson(String token) {
        RequestSpecification spec = given().config(RestAssured.config().encoderConfig(encoderConfig()
                        .encodeContentTypeAs(ArticlesResource.NDJSON, ContentType.TEXT)
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .contentType(ArticlesResource.NDJSON);
        return token == null ? spec : spec.auth().oauth2(token);
    }
}
