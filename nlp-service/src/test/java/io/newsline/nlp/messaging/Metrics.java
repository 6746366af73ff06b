package io.newsline.nlp.messaging;

import static io.restassured.RestAssured.given;

import java.util.Arrays;
import java.util.List;

/** Reads /q/metrics as Prometheus scrapes it. */
final class Metrics {

    private Metrics() {}

    /** The sample lines that start with this name (and labels, if given). */
    static List<String> lines(String prefix) {
        String text = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        return Arrays.stream(text.split("\n")).filter(l -> l.startsWith(prefix)).toList();
    }

    static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
