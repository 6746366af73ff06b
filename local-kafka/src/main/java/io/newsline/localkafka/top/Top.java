package io.newsline.localkafka.top;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ./newsline top}: topics, consumer groups, dead letters, services and SSE subscribers on one screen,
 * from the broker's own offsets (Kafka's admin client) and the services' own readiness and metrics pages.
 * Live, it redraws the screen every second with ANSI escapes, like {@code top}; with {@code --once} it
 * reads twice, {@code --window} seconds apart, prints one screen and exits, for scripts and pipes.
 *
 * <p>Usage: {@code Top --bootstrap HOST:PORT [--service NAME=URL]... [--once] [--window SECONDS] [--every SECONDS]}
 */
public final class Top {

    private static final String HOME = "\033[H";
    private static final String CLEAR_LINE = "\033[K";
    private static final String CLEAR_BELOW = "\033[J";
    private static final String CLEAR_SCREEN = "\033[2J";
    private static final String HIDE_CURSOR = "\033[?25l";
    private static final String SHOW_CURSOR = "\033[?25h";
    private static final String BOLD = "\033[1m";
    private static final String RED = "\033[31m";
    private static final String PLAIN = "\033[0m";
    /** Column headers, made bold on a terminal. */
    private static final List<String> HEADERS = List.of("TOPIC ", "GROUP ", "SERVICE ", "DEAD LETTERS ", "SSE ");
    /** What needs the operator's eye, in red on a terminal. */
    private static final List<String> TROUBLE = List.of("NOT READY", "UNREACHABLE", "stalled", "growing", "not answering");

    private static final int ATTEMPTS = 3;

    private final BrokerReader broker;
    private final String brokerAddress;
    private final Map<String, String> services;
    private final ServiceReader serviceReader = new ServiceReader();

    private Top(String bootstrap, Map<String, String> services) {
        this.brokerAddress = bootstrap;
        this.broker = new BrokerReader(bootstrap);
        this.services = services;
    }

    public static void main(String[] args) throws Exception {
        String bootstrap = "localhost:9092";
        Map<String, String> services = new LinkedHashMap<>();
        boolean once = false;
        double window = 3;
        double every = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap" -> bootstrap = args[++i];
                case "--service" -> {
                    String[] kv = args[++i].split("=", 2);
                    services.put(kv[0], kv[1]);
                }
                case "--once" -> once = true;
                case "--window" -> window = Double.parseDouble(args[++i]);
                case "--every" -> every = Double.parseDouble(args[++i]);
                default -> {
                    System.err.println("usage: ./newsline top [--once] [--window SECONDS] [--every SECONDS]");
                    System.exit(2);
                }
            }
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Top top = new Top(bootstrap, services);
        try {
            if (once) {
                System.exit(top.once(window, out) ? 0 : 1);
            }
            top.live(every, window, out);
        } finally {
            top.broker.close();
        }
    }

    /**
     * Two rounds, {@code window} seconds apart, and one screen; false when the broker did not answer. A round
     * the broker did not answer in time (a machine under heavy load) is read again, a few times.
     */
    private boolean once(double window, PrintStream out) throws InterruptedException {
        // A first round connects the admin client and fetches the broker's metadata, which can take seconds
        // on a busy machine; timed rounds come after it, so the window is the time between two quick readings.
        readAnswered();
        Snapshot first = readAnswered();
        Thread.sleep(Math.round(window * 1000));
        Snapshot second = readAnswered();
        new TopView(brokerAddress).render(first.broker() == null ? second : first, second).forEach(out::println);
        out.flush();
        return second.broker() != null;
    }

    private Snapshot readAnswered() {
        Snapshot s = read();
        for (int attempt = 1; attempt < ATTEMPTS && s.broker() == null; attempt++) {
            s = read();
        }
        return s;
    }

    /** Redraws the screen every {@code every} seconds, rates over the last {@code window} seconds, until Ctrl-C. */
    private void live(double every, double window, PrintStream out) throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.print(SHOW_CURSOR);
            out.println();
            out.flush();
        }));
        out.print(HIDE_CURSOR + CLEAR_SCREEN);
        TopView view = new TopView(brokerAddress);
        Deque<Snapshot> recent = new ArrayDeque<>();
        long windowNanos = Math.round(window * 1e9);
        while (true) {
            long started = System.nanoTime();
            Snapshot now = read();
            // Rates are taken from rounds the broker answered; one it did not shows as such, with no rates.
            if (now.broker() != null) {
                recent.addLast(now);
            }
            while (recent.size() > 2 && now.nanos() - recent.peekFirst().nanos() > windowNanos) {
                recent.removeFirst();
            }
            Snapshot before = now.broker() == null || recent.isEmpty() ? now : recent.peekFirst();
            StringBuilder screen = new StringBuilder(HOME);
            for (String line : view.render(before, now)) {
                screen.append(highlight(line)).append(CLEAR_LINE).append('\n');
            }
            screen.append("Ctrl-C quits").append(CLEAR_LINE).append(CLEAR_BELOW);
            out.print(screen);
            out.flush();
            long left = Math.round(every * 1000) - (System.nanoTime() - started) / 1_000_000;
            if (left > 0) {
                Thread.sleep(left);
            }
        }
    }

    /** Bold headers and red trouble; only on a terminal, where escapes take no room. */
    static String highlight(String line) {
        String out = line;
        for (String word : TROUBLE) {
            out = out.replace(word, RED + word + PLAIN);
        }
        for (String header : HEADERS) {
            if (line.startsWith(header)) {
                int end = header.equals("DEAD LETTERS ") || header.equals("SSE ") ? header.length() : out.length();
                return BOLD + out.substring(0, end) + PLAIN + out.substring(end);
            }
        }
        return out;
    }

    private Snapshot read() {
        List<CompletableFuture<ServiceSnapshot>> pending = new ArrayList<>();
        services.forEach((name, url) -> pending.add(serviceReader.read(name, url)));
        long started = System.nanoTime();
        Instant at = Instant.now();
        BrokerSnapshot offsets = null;
        String error = null;
        try {
            offsets = broker.read();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        // The offsets were read somewhere during the admin calls: the middle of them is the best time to rate on.
        long nanos = started + (System.nanoTime() - started) / 2;
        List<ServiceSnapshot> read = pending.stream().map(CompletableFuture::join).toList();
        return new Snapshot(nanos, at, offsets, error, read);
    }
}
