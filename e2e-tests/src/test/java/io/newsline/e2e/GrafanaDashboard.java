package io.newsline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The provisioned Grafana dashboard of {@code config/grafana/dashboards/newsline.json}, read as Grafana would. */
final class GrafanaDashboard {

    static final Path FILE = ServiceProcess.repositoryRoot().resolve("config/grafana/dashboards/newsline.json");

    /** One query of one panel. */
    record Query(String panel, String refId, String expr) {

        /** The expression as Grafana sends it to Prometheus, with its interval variables replaced. */
        String resolved(String rateInterval) {
            return expr.replace("$__rate_interval", rateInterval).replace("$__interval", rateInterval)
                    .replace("$__range", rateInterval);
        }
    }

    final JsonNode json;

    private GrafanaDashboard(JsonNode json) {
        this.json = json;
    }

    static GrafanaDashboard read() throws IOException {
        return new GrafanaDashboard(Json.mapper().readTree(FILE.toFile()));
    }

    /** Every panel that is not a row. */
    List<JsonNode> dataPanels() {
        List<JsonNode> out = new ArrayList<>();
        json.path("panels").forEach(p -> {
            if (!"row".equals(p.path("type").asText())) {
                out.add(p);
            }
        });
        return out;
    }

    List<Query> queries() {
        List<Query> out = new ArrayList<>();
        for (JsonNode p : dataPanels()) {
            p.path("targets").forEach(t -> out.add(new Query(p.path("title").asText(), t.path("refId").asText(),
                    t.path("expr").asText())));
        }
        return out;
    }
}
