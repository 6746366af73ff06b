package io.newsline.localkafka.top;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Reads a service's readiness ({@code /q/health/ready}) and metrics ({@code /q/metrics}) side by side. */
final class ServiceReader {

    /** A busy service can take seconds to render its metrics page; longer than this reads as unreachable. */
    private static final Duration TIMEOUT = Duration.ofSeconds(8);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    CompletableFuture<ServiceSnapshot> read(String name, String baseUrl) {
        CompletableFuture<HttpResponse<String>> health = get(baseUrl + "/q/health/ready");
        CompletableFuture<HttpResponse<String>> metrics = get(baseUrl + "/q/metrics");
        return health.handle((h, e) -> h).thenCombine(metrics.handle((m, e) -> m), (h, m) -> {
            List<MetricSample> samples = m != null && m.statusCode() == 200 ? PrometheusText.parse(m.body()) : List.of();
            if (h == null) {
                return new ServiceSnapshot(name, ServiceSnapshot.Readiness.UNREACHABLE, "no answer from " + baseUrl, samples);
            }
            if (h.statusCode() == 200) {
                return new ServiceSnapshot(name, ServiceSnapshot.Readiness.READY,
                        m == null || m.statusCode() != 200 ? "metrics not read" : "", samples);
            }
            return new ServiceSnapshot(name, ServiceSnapshot.Readiness.NOT_READY, downChecks(h), samples);
        });
    }

    private CompletableFuture<HttpResponse<String>> get(String url) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The names of the checks that are DOWN, from SmallRye Health's answer. */
    private static String downChecks(HttpResponse<String> health) {
        try {
            List<String> down = new ArrayList<>();
            for (JsonNode check : Json.mapper().readTree(health.body()).path("checks")) {
                if ("DOWN".equals(check.path("status").asText())) {
                    down.add(check.path("name").asText());
                }
            }
            return down.isEmpty() ? "HTTP " + health.statusCode() : "down: " + String.join(", ", down);
        } catch (IOException e) {
            return "HTTP " + health.statusCode();
        }
    }
}
