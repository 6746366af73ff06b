package io.newsline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import io.newsline.localkafka.KafkaBrokerProcess;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) as a child process, configured from the
 * repository's {@code config/prometheus/prometheus.yml}: the same jobs, metric paths and rule files, with
 * the targets pointed at the services of a test and the intervals shortened to one second.
 */
final class PrometheusProcess implements AutoCloseable {

    static final Path CONFIG_DIR = ServiceProcess.repositoryRoot().resolve("config/prometheus");

    private final Process process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusProcess(Process process, int port) {
        this.process = process;
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** A program of Debian's prometheus package on the PATH (prometheus, promtool), if installed. */
    static Optional<Path> installed(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Starts Prometheus scraping the job of each module at the port given; waits until it is ready. */
    static PrometheusProcess start(Path binary, Map<String, Integer> portsByJob, Path logDir) throws Exception {
        Path work = Files.createTempDirectory("newsline-prometheus-");
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, testConfig(portsByJob));
        int port = KafkaBrokerProcess.freePort();
        Files.createDirectories(logDir);
        Process p = new ProcessBuilder(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + work.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve("prometheus.log").toFile()))
                .start();
        PrometheusProcess prometheus = new PrometheusProcess(p, port);
        prometheus.awaitReady(Duration.ofSeconds(60));
        return prometheus;
    }

    /** The repository's configuration, targets and intervals changed for the test, rule files by absolute path. */
    @SuppressWarnings("unchecked")
    static String testConfig(Map<String, Integer> portsByJob) throws IOException {
        Map<String, Object> config;
        try (Reader r = Files.newBufferedReader(CONFIG_DIR.resolve("prometheus.yml"))) {
            config = new Yaml().load(r);
        }
        Map<String, Object> global = (Map<String, Object>) config.get("global");
        global.put("scrape_interval", "1s");
        global.put("evaluation_interval", "1s");
        List<String> rules = new ArrayList<>();
        for (Object f : (List<Object>) config.get("rule_files")) {
            rules.add(CONFIG_DIR.resolve(f.toString()).toAbsolutePath().toString());
        }
        config.put("rule_files", rules);
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            Integer port = portsByJob.get((String) job.get("job_name"));
            if (port == null) {
                throw new IllegalStateException("prometheus.yml scrapes " + job.get("job_name") + ", which the test does not run");
            }
            job.put("static_configs", List.of(Map.of("targets", List.of("127.0.0.1:" + port))));
        }
        return new Yaml().dump(config);
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("prometheus was not ready within " + timeout);
    }

    /** GET of an API path; the {@code data} field of a successful answer. */
    JsonNode api(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = Json.mapper().readTree(r.body());
        if (r.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
            throw new IOException(pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        return body.path("data");
    }

    /** An instant query: the {@code result} array. */
    JsonNode query(String promql) throws IOException, InterruptedException {
        return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("result");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
