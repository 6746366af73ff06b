package io.newsline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Newsline service ({@code <service>-service/target/quarkus-app}) run as its own process on a
 * free port, launched with the JVM options {@code ./newsline up} gives it (see {@link #launchOptions}), so
 * what a benchmark measures is what an operator runs.
 */
final class PackagedService implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private PackagedService(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code service} (ingest, nlp or timeline) against {@code bootstrapServers}, with these extra
     * environment variables and JVM options; returns at once (see {@link #awaitReady}).
     */
    static PackagedService start(Path root, String service, String bootstrapServers, Map<String, String> env,
            List<String> jvmOptions) throws IOException {
        Path app = root.resolve(service + "-service/target/quarkus-app");
        Path jar = app.resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (mvn install -DskipTests)");
        }
        int port = io.newsline.localkafka.KafkaBrokerProcess.freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        boolean ownArchive = jvmOptions.stream()
                .anyMatch(o -> o.startsWith("-XX:SharedArchiveFile=") || o.startsWith("-XX:ArchiveClassesAtExit="));
        cmd.addAll(ownArchive ? List.of() : launchOptions(app));
        cmd.addAll(jvmOptions);
        // Class-data-sharing archives hold the class path as the JVM saw it, relative to the application's
        // folder: every start runs from there, as ./newsline up does.
        cmd.addAll(List.of("-jar", "quarkus-run.jar"));
        Path log = Files.createTempFile("bench-" + service, ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .directory(app.toFile());
        pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        // A fresh index folder for each start, unless the benchmark gives one (IndexFootprint restarts on its own).
        pb.environment().put("TIMELINE_INDEX_DIR", Files.createTempDirectory("bench-timeline-index").toString());
        pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        pb.environment().putAll(env);
        return new PackagedService(service, pb.start(), port, log);
    }

    /**
     * The JVM options {@code ./newsline up} adds (keep the two in step): the service's class-data-sharing
     * archive when the build made one (a JVM other than the build's skips it and starts as without), then
     * {@code $NEWSLINE_JAVA_OPTS}.
     */
    static List<String> launchOptions(Path app) {
        List<String> options = new ArrayList<>();
        if (Files.exists(app.resolve("app-cds.jsa"))) {
            options.add("-XX:SharedArchiveFile=app-cds.jsa");
        }
        String extra = System.getenv("NEWSLINE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            options.addAll(Arrays.asList(extra.strip().split("\\s+")));
        }
        return options;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Waits for the first 200 from {@code /q/health/ready}; answers the seconds since the process started. */
    double awaitReady(Duration timeout) throws Exception {
        long start = process.info().startInstant().map(Instant::toEpochMilli).orElse(System.currentTimeMillis());
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + "-service exited with " + process.exitValue() + "; log: " + log);
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return (System.currentTimeMillis() - start) / 1000.0;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(name + "-service was not ready within " + timeout + "; log: " + log);
    }

    /**
     * CPU time the process has used so far, in seconds: on a shared machine other processes stretch the
     * wall time to ready, but not this.
     */
    double cpuSeconds() {
        return process.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN);
    }

    /** Resident memory from {@code /proc}, in kB. */
    long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Heap in use, summed over the heap pools Micrometer reports on /q/metrics. */
    double heapBytes() throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
