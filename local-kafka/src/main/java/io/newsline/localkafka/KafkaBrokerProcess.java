package io.newsline.localkafka;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts and stops a real Kafka broker ({@link LocalKafka}) in a child JVM. Uses only the JDK, so it
 * can sit on a service's test classpath without bringing the broker's own dependencies there.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private volatile ProcessHandle process;
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    /** When set, the system property under which this broker is shared by every class loader of the JVM. */
    private volatile String sharedAs;

    private KafkaBrokerProcess(ProcessHandle process, Path dataDir, int port, int controllerPort) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A throw-away broker on free ports, with its data in a fresh temporary folder. */
    public static KafkaBrokerProcess startFresh() {
        try {
            return start(Files.createTempDirectory("newsline-kafka-"), freePort(), freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a broker on this data folder and these ports and waits until its topics exist. */
    public static KafkaBrokerProcess start(Path dataDir, int port, int controllerPort) {
        KafkaBrokerProcess broker = new KafkaBrokerProcess(null, dataDir, port, controllerPort);
        broker.launch();
        return broker;
    }

    /**
     * Publishes this broker under a system property, so that code in another class loader of the same
     * JVM (Quarkus gives each test profile its own) can {@link #attach} to it instead of starting another.
     */
    void shareAs(String property) {
        sharedAs = property;
        System.setProperty(property, describe());
    }

    /** The broker another class loader {@link #shareAs shared}, or null when there is none. */
    static KafkaBrokerProcess attach(String property) {
        String spec = System.getProperty(property);
        if (spec == null) {
            return null;
        }
        String[] f = spec.split("\\|", 4);
        KafkaBrokerProcess b = new KafkaBrokerProcess(ProcessHandle.of(Long.parseLong(f[0])).orElse(null),
                Path.of(f[3]), Integer.parseInt(f[1]), Integer.parseInt(f[2]));
        b.sharedAs = property;
        return b;
    }

    private String describe() {
        return process.pid() + "|" + port + "|" + controllerPort + "|" + dataDir;
    }

    /** The broker's current process; a shared broker may have been restarted from another class loader. */
    private ProcessHandle current() {
        KafkaBrokerProcess shared = sharedAs == null ? null : attach(sharedAs);
        return shared != null && shared.process != null ? shared.process : process;
    }

    private void launch() {
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(dataDir.resolve("ready"));
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-Xmx512m");
            cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
            cmd.add("-cp");
            cmd.add(brokerClasspath());
            cmd.add(LocalKafka.class.getName());
            cmd.add("--data");
            cmd.add(dataDir.toString());
            cmd.add("--port");
            cmd.add(Integer.toString(port));
            cmd.add("--controller-port");
            cmd.add(Integer.toString(controllerPort));
            Path log = dataDir.resolve("broker.log");
            Process p = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            process = p.toHandle();
            if (sharedAs != null) {
                System.setProperty(sharedAs, describe());
            }
            awaitReady(log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the local Kafka broker", e);
        }
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(dataDir.resolve("ready"))) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the local Kafka broker exited; its log:\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("the local Kafka broker was not ready within " + START_TIMEOUT
                        + "; its log:\n" + tail(log));
            }
            sleep(100);
        }
    }

    /** The broker JVM's process id (of its current process, after a restart). */
    public long pid() {
        return current().pid();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the broker like an operator would (SIGTERM, clean shutdown), keeping its data. */
    public void stop() {
        ProcessHandle p = current();
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            p.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            p.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the stopped broker again on the same data and ports. */
    public KafkaBrokerProcess startAgain() {
        launch();
        return this;
    }

    /** Stops and starts the broker on the same data and ports; this handle follows the new process. */
    public KafkaBrokerProcess restart() {
        stop();
        return startAgain();
    }

    public boolean isRunning() {
        ProcessHandle p = current();
        return p != null && p.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    /** The classpath of the broker JVM: this module's classes plus the jars listed at build time. */
    static String brokerClasspath() {
        try (InputStream in = KafkaBrokerProcess.class.getResourceAsStream("broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("broker.classpath is missing: build the local-kafka module first");
            }
            String jars = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            String self = Path.of(KafkaBrokerProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
            return self + File.pathSeparator + jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_IN_RANGE = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A TCP port nobody listens on right now; with {@code NEWSLINE_PORT_RANGE=LOW-HIGH} in the environment, one of
     * that range (each call the next free one), for machines where each user keeps to ports of their own.
     */
    public static int freePort() {
        String range = System.getenv("NEWSLINE_PORT_RANGE");
        if (range != null && range.matches("\\d+-\\d+")) {
            int low = Integer.parseInt(range.substring(0, range.indexOf('-')));
            int count = Integer.parseInt(range.substring(range.indexOf('-') + 1)) - low + 1;
            for (int i = 0; i < count; i++) {
                int port = low + Math.floorMod(NEXT_IN_RANGE.getAndIncrement(), count);
                try (ServerSocket s = new ServerSocket(port)) {
                    s.setReuseAddress(true);
                    return port;
                } catch (IOException inUse) {
                    // the next one
                }
            }
            throw new IllegalStateException("no free port in NEWSLINE_PORT_RANGE " + range);
        }
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        }
    }
}
