package io.newsline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The monitoring configuration as Prometheus and Grafana will read it: promtool checks the Prometheus
 * configuration and the alert rules and runs the rules' test cases (skipped, saying so, where Debian's
 * {@code prometheus} package is not installed; {@code .ci/run} installs it); the dashboard and its
 * provisioning fit together; and every Newsline series they use is documented in docs/operations.md.
 */
class ObservabilityConfigTest {

    private static final Pattern SERIES = Pattern.compile("\\bnewsline_[a-z0-9_]+");
    private static final Path ROOT = ServiceProcess.repositoryRoot();

    @Test
    void promtoolAcceptsTheConfigurationAndTheRules() throws Exception {
        Path promtool = promtool();
        promtool(promtool, "check", "config", "prometheus.yml");
        promtool(promtool, "check", "rules", "alerts.yml");
    }

    @Test
    void everyAlertCaseOfTheRulesTestPasses() throws Exception {
        String out = promtool(promtool(), "test", "rules", "alerts.test.yml");
        assertTrue(out.contains("SUCCESS"), out);
    }

    @Test
    void everyPanelHasATitleADescriptionAPlaceAndQueriesOnTheProvisionedDataSource() throws Exception {
        GrafanaDashboard dashboard = GrafanaDashboard.read();
        String uid = provisionedDataSourceUid();
        Set<Integer> ids = new HashSet<>();
        List<int[]> boxes = new ArrayList<>();
        for (JsonNode p : dashboard.json.path("panels")) {
            assertTrue(ids.add(p.path("id").asInt()), "panel ids are unique: " + p.path("id"));
            JsonNode g = p.path("gridPos");
            int[] box = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
            assertTrue(box[2] > 0 && box[3] > 0 && box[0] + box[2] <= 24, "panel " + p.path("title") + " fits the 24 columns");
            for (int[] other : boxes) {
                boolean apart = box[0] + box[2] <= other[0] || other[0] + other[2] <= box[0]
                        || box[1] + box[3] <= other[1] || other[1] + other[3] <= box[1];
                assertTrue(apart, "panel " + p.path("title") + " overlaps another");
            }
            boxes.add(box);
        }
        List<JsonNode> panels = dashboard.dataPanels();
        assertTrue(panels.size() >= 10, "throughput, lag, latencies, dead letters, SSE: " + panels.size() + " panels");
        for (JsonNode p : panels) {
            String title = p.path("title").asText();
            assertFalse(title.isBlank());
            assertTrue(p.path("description").asText().length() > 40, title + " says what it shows");
            assertEquals(uid, p.path("datasource").path("uid").asText(), title + " uses the provisioned Prometheus");
            assertTrue(p.path("targets").size() > 0, title + " has a query");
            p.path("targets").forEach(t -> assertFalse(t.path("expr").asText().isBlank(), title + " query " + t.path("refId")));
        }
    }

    @Test
    void grafanaLoadsTheDashboardFromWhereComposeMountsIt() throws Exception {
        Map<String, Object> provider = first(yaml(ROOT.resolve("config/grafana/provisioning/dashboards/newsline.yml")), "providers");
        String path = String.valueOf(((Map<?, ?>) provider.get("options")).get("path"));
        Map<String, Object> grafana = DockerComposeFileTest.composeService("grafana");
        assertTrue(DockerComposeFileTest.list(grafana.get("volumes")).contains("./config/grafana/dashboards:" + path + ":ro"),
                "compose mounts the dashboards where the provider reads them: " + path);
        assertEquals("newsline", GrafanaDashboard.read().json.path("uid").asText());
    }

    @Test
    void everySeriesTheDashboardAndTheAlertsUseIsDocumented() throws Exception {
        String docs = Files.readString(ROOT.resolve("docs/operations.md"), StandardCharsets.UTF_8);
        Set<String> used = new TreeSet<>();
        GrafanaDashboard.read().queries().forEach(q -> used.addAll(families(q.expr())));
        used.addAll(families(Files.readString(PrometheusProcess.CONFIG_DIR.resolve("alerts.yml"))));
        assertFalse(used.isEmpty());
        for (String family : used) {
            assertTrue(docs.contains("`" + family), family + " is listed in docs/operations.md");
        }
    }

    /** The metric families an expression names, {@code _bucket}, {@code _count} and {@code _sum} taken back to theirs. */
    static Set<String> families(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = SERIES.matcher(text);
        while (m.find()) {
            out.add(m.group().replaceFirst("_seconds_(bucket|count|sum|max)$", "_seconds"));
        }
        return out;
    }

    private static String provisionedDataSourceUid() throws IOException {
        return String.valueOf(first(yaml(ROOT.resolve("config/grafana/provisioning/datasources/prometheus.yml")),
                "datasources").get("uid"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(Map<String, Object> doc, String key) {
        return ((List<Map<String, Object>>) doc.get(key)).get(0);
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return new Yaml().load(r);
        }
    }

    private static Path promtool() {
        Optional<Path> promtool = PrometheusProcess.installed("promtool");
        assumeTrue(promtool.isPresent(), "promtool is not installed (Debian's prometheus package; .ci/run installs it): "
                + "the Prometheus configuration and alert rules are not checked");
        return promtool.get();
    }

    /** Runs promtool in config/prometheus; fails with its output unless it exits 0. */
    private static String promtool(Path promtool, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(promtool.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(PrometheusProcess.CONFIG_DIR.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool " + String.join(" ", args) + " finished");
        assertEquals(0, p.exitValue(), "promtool " + String.join(" ", args) + ":\n" + out);
        return out;
    }
}
