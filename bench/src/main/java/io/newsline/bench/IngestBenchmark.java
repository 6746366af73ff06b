package io.newsline.bench;

import io.newsline.localkafka.KafkaBrokerProcess;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ingest alone: at each concurrency level, that many clients post distinct articles back to back for a
 * while; reports accepted articles per second, the latency of the 202 (which includes the broker's
 * acknowledgement) and the CPU that the load generator, ingest-service and the broker each used.
 *
 * <p>By default it starts its own fresh broker and the packaged ingest-service on free ports, so nothing
 * else (nlp-service enriching the flood, above all) competes for the two cores; {@code --ingest URL}
 * measures a running service instead. Clients are threads on persistent HTTP/1.1 connections
 * ({@link KeepAliveConnection}); {@code --client jdk} uses the JDK HttpClient instead, to compare.
 */
public final class IngestBenchmark {

    /** Write tokens of the benchmark's own service: clients share them out, as many operators would. */
    private static final int TOKENS = 16;

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int seconds = args.getInt("seconds", 10);
        boolean jdk = args.get("client", "raw").equals("jdk");
        Report report = new Report("ingest");
        String external = args.get("ingest", null);
        KafkaBrokerProcess broker = null;
        PackagedService service = null;
        try {
            String url;
            List<String> tokens;
            if (external != null) {
                url = external;
                tokens = List.of(Ingest.token(args));
            } else {
                broker = KafkaBrokerProcess.startFresh();
                tokens = new ArrayList<>();
                for (int i = 0; i < TOKENS; i++) {
                    tokens.add("ingest-bench-" + UUID.randomUUID());
                }
                List<String> jvm = args.get("service-jvm-options", "").isBlank() ? List.of()
                        : Arrays.asList(args.get("service-jvm-options", "").strip().split("\\s+"));
                service = PackagedService.start(Path.of(args.get("root", ".")).toAbsolutePath().normalize(), "ingest",
                        broker.bootstrapServers(), Map.of("NEWSLINE_TOKENS", String.join(",", tokens)), jvm);
                double ready = service.awaitReady(Duration.ofSeconds(120));
                url = service.url();
                System.out.println("ingest-service (pid " + service.pid() + ", log " + service.log() + ") ready in "
                        + ready + " s on a fresh broker at " + broker.bootstrapServers());
            }
            Load load = new Load(url, tokens, jdk, Cpu.of(service, broker));

            // Warm-up: class loading, JIT compilation and connection set-up on both sides.
            load.level(args.getInt("warmup-clients", 16), args.getInt("warmup", 10), new SyntheticNews(1));

            double bestRate = 0;
            double p99AtBest = Double.NaN;
            for (String c : args.get("concurrency", "1,8,32,64,128").split(",")) {
                int clients = Integer.parseInt(c.strip());
                Map<String, Object> row = load.level(clients, seconds, new SyntheticNews(clients));
                report.row(row);
                double rate = (double) row.get("accepted_per_s");
                if (rate > bestRate && (double) row.get("p99_ms") <= 50) {
                    bestRate = rate;
                    p99AtBest = (double) row.get("p99_ms");
                }
            }
            report.verdict(">= 2000 accepted articles/s with p99 <= 50 ms", bestRate >= 2000,
                    bestRate + " /s at p99 " + p99AtBest + " ms (best level with p99 <= 50 ms)");
        } finally {
            if (service != null) {
                service.close();
            }
            if (broker != null) {
                broker.close();
            }
        }
        report.finish(Path.of(args.get("out", "bench/results")));
        System.exit(0);
    }

    /** Closed-loop clients against one ingest URL. */
    private record Load(String url, List<String> tokens, boolean jdk, Cpu cpu) {

        Map<String, Object> level(int clients, int seconds, SyntheticNews news) throws Exception {
            Latency latency = new Latency();
            AtomicInteger accepted = new AtomicInteger();
            AtomicInteger throttled = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger n = new AtomicInteger();
            Outcomes outcomes = (status, nanos) -> {
                if (status == 202) {
                    latency.recordNanos(nanos);
                    accepted.incrementAndGet();
                } else if (status == 429) {
                    throttled.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            };
            long[] cpuBefore = cpu.nanos();
            long started = System.nanoTime();
            long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
            if (jdk) {
                runJdk(clients, news, n, deadline, outcomes, seconds);
            } else {
                runRaw(clients, news, n, deadline, outcomes, seconds);
            }
            long wall = System.nanoTime() - started;
            long[] cpuAfter = cpu.nanos();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("clients", clients);
            row.put("accepted", accepted.get());
            row.put("accepted_per_s", Latency.round(accepted.get() / (wall / 1e9)));
            row.put("throttled", throttled.get());
            row.put("failed", failed.get());
            row.putAll(latency.summary());
            for (int i = 0; i < Cpu.NAMES.size(); i++) {
                row.put(Cpu.NAMES.get(i) + "_cpu_pct", cpuAfter[i] < 0 ? Double.NaN
                        : Latency.round(100.0 * (cpuAfter[i] - cpuBefore[i]) / wall));
            }
            // What an article costs the service, which other processes on a shared machine do not change much.
            row.put("ingest_cpu_ms_per_article", cpuAfter[1] < 0 || accepted.get() == 0 ? Double.NaN
                    : Math.round((cpuAfter[1] - cpuBefore[1]) / 1e6 / accepted.get() * 100) / 100.0);
            System.out.println(clients + " clients: " + row);
            return row;
        }

        private String token(int client) {
            return tokens.get(client % tokens.size());
        }

        private void runRaw(int clients, SyntheticNews news, AtomicInteger n, long deadline, Outcomes outcomes,
                int seconds) throws InterruptedException {
            URI base = URI.create(url);
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < clients; w++) {
                String auth = "Authorization: Bearer " + token(w);
                Thread t = new Thread(() -> {
                    try (KeepAliveConnection connection = new KeepAliveConnection(base)) {
                        while (System.nanoTime() < deadline) {
                            byte[] body = next(news, n).getBytes(StandardCharsets.UTF_8);
                            long sent = System.nanoTime();
                            int status;
                            try {
                                status = connection.post("/api/articles", body, "Content-Type: application/json", auth)
                                        .status();
                            } catch (IOException e) {
                                status = -1;
                            }
                            outcomes.record(status, System.nanoTime() - sent);
                        }
                    }
                }, "ingest-client-" + w);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(seconds + 60L));
            }
        }

        private void runJdk(int clients, SyntheticNews news, AtomicInteger n, long deadline, Outcomes outcomes,
                int seconds) throws Exception {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            CompletableFuture<?>[] workers = new CompletableFuture<?>[clients];
            for (int w = 0; w < clients; w++) {
                workers[w] = loop(new Ingest(http, url, token(w)), news, n, deadline, outcomes);
            }
            CompletableFuture.allOf(workers).get(seconds + 60L, TimeUnit.SECONDS);
        }

        private static CompletableFuture<Void> loop(Ingest ingest, SyntheticNews news, AtomicInteger n, long deadline,
                Outcomes outcomes) {
            if (System.nanoTime() >= deadline) {
                return CompletableFuture.completedFuture(null);
            }
            return ingest.post(next(news, n)).thenCompose(ack -> {
                outcomes.record(ack.status(), ack.answeredNanos() - ack.sentNanos());
                return loop(ingest, news, n, deadline, outcomes);
            });
        }

        private static String next(SyntheticNews news, AtomicInteger n) {
            synchronized (news) {
                return news.article(n.getAndIncrement());
            }
        }
    }

    @FunctionalInterface
    private interface Outcomes {
        void record(int status, long nanos);
    }

    /** CPU time used so far by the load generator (this JVM), ingest-service and the broker, in nanoseconds. */
    private record Cpu(ProcessHandle ingest, ProcessHandle broker) {

        static final List<String> NAMES = List.of("generator", "ingest", "broker");

        /** The processes this benchmark started; the broker is its only other child process. */
        static Cpu of(PackagedService service, KafkaBrokerProcess broker) {
            ProcessHandle ingest = service == null ? null : ProcessHandle.of(service.pid()).orElse(null);
            ProcessHandle kafka = broker == null ? null : ProcessHandle.current().children()
                    .filter(p -> p.pid() != service.pid()).findFirst().orElse(null);
            return new Cpu(ingest, kafka);
        }

        long[] nanos() {
            long self = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new long[] {self, of(ingest), of(broker)};
        }

        private static long of(ProcessHandle p) {
            return p == null ? -1 : p.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        }
    }

    private IngestBenchmark() {}
}
