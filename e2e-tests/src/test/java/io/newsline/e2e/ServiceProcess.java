package io.newsline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged Newsline service ({@code target/quarkus-app/quarkus-run.jar}) running as a real process. */
final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    /** Where this process's lines start in its log: a log of the same name goes on across runs and restarts. */
    private final long logStart;
    private volatile boolean frozen;

    private ServiceProcess(String name, Process process, int port, Path log, long logStart) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.logStart = logStart;
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("newsline.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * Where the packaged services are: the repository itself, unless {@code newsline.services.root} names
     * another checkout (e.g. a clean clone, while the services are being rebuilt in this one).
     */
    static Path servicesRoot() {
        String other = System.getProperty("newsline.services.root");
        return other == null || other.isBlank() ? repositoryRoot() : Path.of(other).toAbsolutePath().normalize();
    }

    /** Starts {@code <module>/target/quarkus-app/quarkus-run.jar} on this port with these environment variables. */
    static ServiceProcess start(String module, int port, Map<String, String> env, Path logDir) {
        return start(module, module, port, env, List.of(), logDir);
    }

    /**
     * Starts {@code <module>/target/quarkus-app/quarkus-run.jar} as {@code name} (several instances of one
     * module each need their own name, which names their log), with JVM options placed before {@code -jar}.
     */
    static ServiceProcess start(String name, String module, int port, Map<String, String> env,
            List<String> jvmOptions, Path logDir) {
        Path jar = servicesRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn verify does)");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            long logStart = Files.exists(log) ? Files.size(log) : 0;
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmOptions);
            cmd.add("-jar");
            cmd.add(jar.toString());
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // Each timeline instance keeps its index in a folder of its own, found again when it restarts by name.
            pb.environment().put("TIMELINE_INDEX_DIR", logDir.resolve(name + "-index").toAbsolutePath().toString());
            pb.environment().putAll(env);
            pb.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            return new ServiceProcess(name, pb.start(), port, log, logStart);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until {@code /q/health/ready} answers 200, failing early with the log when the process dies. */
    void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + logTail());
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Whether this process (not an earlier one of the same name) has written this to its log. */
    boolean logContains(String text) {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(log.toFile(), "r")) {
            f.seek(logStart);
            byte[] written = new byte[(int) Math.max(0, f.length() - logStart)];
            f.readFully(written);
            return new String(written, java.nio.charset.StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    long pid() {
        return process.pid();
    }

    /** SIGSTOP: every thread of the JVM freezes at once, heartbeats included, as in a long pause or a frozen VM. */
    void freeze() {
        signal("STOP");
        frozen = true;
    }

    /** SIGCONT: the frozen JVM goes on from where it stood, unaware that time passed. */
    void thaw() {
        signal("CONT");
        frozen = false;
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: the process gets no chance to leave its consumer group or flush anything, as in a crash. */
    void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (frozen) {
            thaw();
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
