package io.newsline.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.kafka.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where the tests run, so this reads {@code docker-compose.yml} the way Compose
 * would and checks that it wires the broker and the three services together as the README promises, and
 * Prometheus and Grafana to them with the repository's configuration (docs/operations.md).
 */
class DockerComposeFileTest {

    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static synchronized void readComposeFile() throws IOException {
        try (Reader r = Files.newBufferedReader(ServiceProcess.repositoryRoot().resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(r);
            services = (Map<String, Object>) compose.get("services");
        }
    }

    @Test
    void brokerIsTheOfficialKafkaImageOfTheClientVersionInKraftMode() {
        Map<String, Object> kafka = service("kafka");
        assertEquals("apache/kafka:" + org.apache.kafka.common.utils.AppInfoParser.getVersion(), kafka.get("image"));
        Map<String, Object> env = map(kafka.get("environment"));
        assertEquals("broker,controller", env.get("KAFKA_PROCESS_ROLES"));
        assertEquals("PLAINTEXT://kafka:9092", env.get("KAFKA_ADVERTISED_LISTENERS"));
        assertNotNull(kafka.get("healthcheck"));
    }

    @Test
    void everyServiceIsBuiltFromItsModuleOnItsPortAgainstTheBroker() {
        Map<String, Integer> ports = Map.of("ingest-service", 8081, "nlp-service", 8082, "timeline-service", 8083);
        ports.forEach((name, port) -> {
            Map<String, Object> s = service(name);
            Map<String, Object> build = map(s.get("build"));
            assertEquals("./" + name, build.get("context"));
            Path dockerfile = ServiceProcess.repositoryRoot().resolve(name).resolve((String) build.get("dockerfile"));
            assertTrue(Files.exists(dockerfile), dockerfile + " exists");
            assertEquals(List.of(port + ":" + port), s.get("ports"));
            Map<String, Object> env = map(s.get("environment"));
            assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS"), name + " uses the broker");
            assertTrue(String.valueOf(env.get("NEWSLINE_TOKENS")).contains("NEWSLINE_TOKENS"), name + " gets the tokens");
            assertTrue(String.valueOf(map(s.get("healthcheck")).get("test")).contains(port + "/q/health/ready"));
            assertEquals("unless-stopped", s.get("restart"));
        });
    }

    @Test
    void topicsAreCreatedWithTheSettingsTheLocalBrokerUses() {
        String script = String.join("\n", list(service("kafka-topics").get("command")));
        for (Topics.Spec spec : Topics.ALL) {
            String line = script.lines().filter(l -> l.contains("--topic " + spec.name() + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(spec.name() + " is created by docker-compose.yml"));
            assertTrue(line.contains("--partitions " + spec.partitions()), line);
            spec.config().forEach((k, v) -> assertTrue(line.contains("--config " + k + "=" + v), line));
        }
    }

    @Test
    void prometheusScrapesEveryServiceWhereComposeRunsIt() throws IOException {
        Map<String, Object> prometheus = service("prometheus");
        assertTrue(String.valueOf(prometheus.get("image")).startsWith("prom/prometheus:v"), "the official image");
        assertTrue(list(prometheus.get("volumes")).contains("./config/prometheus:/etc/prometheus:ro"));
        assertTrue(list(prometheus.get("command")).contains("--config.file=/etc/prometheus/prometheus.yml"));
        String config = Files.readString(ServiceProcess.repositoryRoot().resolve("config/prometheus/prometheus.yml"));
        Map.of("ingest-service", 8081, "nlp-service", 8082, "timeline-service", 8083).forEach((name, port) -> {
            assertTrue(config.contains("job_name: " + name), name + " is scraped");
            assertTrue(config.contains("\"" + name + ":" + port + "\""), name + " is scraped on its compose port");
        });
        assertTrue(config.contains("metrics_path: /q/metrics"));
    }

    @Test
    void grafanaGetsItsDataSourceAndDashboardFromTheRepository() {
        Map<String, Object> grafana = service("grafana");
        assertTrue(String.valueOf(grafana.get("image")).startsWith("grafana/grafana:"), "the official image");
        List<String> volumes = list(grafana.get("volumes"));
        assertTrue(volumes.contains("./config/grafana/provisioning:/etc/grafana/provisioning:ro"), volumes.toString());
        for (String v : volumes) {
            if (v.startsWith("./")) {
                Path local = ServiceProcess.repositoryRoot().resolve(v.substring(2, v.indexOf(':')));
                assertTrue(Files.isDirectory(local), local + " exists");
            }
        }
        assertEquals(List.of("3000:3000"), grafana.get("ports"));
    }

    /** A service of docker-compose.yml as Compose reads it. */
    static Map<String, Object> composeService(String name) throws IOException {
        if (services == null) {
            readComposeFile();
        }
        return service(name);
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> s = map(services.get(name));
        assertNotNull(s, "service " + name + " is in docker-compose.yml");
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Object o) {
        return (List<String>) o;
    }
}
