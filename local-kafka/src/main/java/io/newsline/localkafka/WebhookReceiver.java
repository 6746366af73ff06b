package io.newsline.localkafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsline.contracts.kafka.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver for the tests and benchmarks of watches: an HTTP server on 127.0.0.1 that takes every POST,
 * checks its {@code X-Newsline-Signature} with the shared secret on its own (not with Newsline's code), and keeps
 * what arrived. It can be stopped and started again on the same port, like a receiver that goes down, and be told
 * to answer with an error status instead of 200.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One POST as it arrived. */
    public record Delivery(String deliveryId, String signature, boolean signatureValid, String body, long receivedNanos) {
        public JsonNode json() {
            try {
                return Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final String secret;
    private final int port;
    /** Guarded by itself; not copy-on-write: a benchmark adds tens of thousands. */
    private final List<Delivery> deliveries = new ArrayList<>();
    private volatile int answer = 200;
    private HttpServer server;
    private ExecutorService threads;

    private WebhookReceiver(String secret, int port) {
        this.secret = secret;
        this.port = port;
    }

    /** Starts on a free port of 127.0.0.1. */
    public static WebhookReceiver start(String secret) {
        WebhookReceiver r = new WebhookReceiver(secret, KafkaBrokerProcess.freePort());
        r.resume();
        return r;
    }

    /** Where to point a watch. */
    public String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    /** Stops listening: deliveries get a refused connection until {@link #resume()}. */
    public synchronized void pause() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
            server = null;
        }
    }

    /** Listens again on the same port. */
    public synchronized void resume() {
        if (server != null) {
            return;
        }
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            threads = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "webhook-receiver-" + port);
                t.setDaemon(true);
                return t;
            });
            s.setExecutor(threads);
            s.createContext("/", this::take);
            s.start();
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on port " + port, e);
        }
    }

    /** The status every later POST is answered with (200 unless told otherwise). */
    public void answerWith(int status) {
        this.answer = status;
    }

    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return new ArrayList<>(deliveries);
        }
    }

    private void take(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String signature = exchange.getRequestHeaders().getFirst("X-Newsline-Signature");
            Delivery d = new Delivery(exchange.getRequestHeaders().getFirst("X-Newsline-Delivery"), signature,
                    valid(body, signature), new String(body, StandardCharsets.UTF_8), System.nanoTime());
            synchronized (deliveries) {
                deliveries.add(d);
            }
            int status = answer;
            byte[] reply = (status / 100 == 2 ? "ok" : "not now").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
        }
    }

    /** HMAC-SHA256 of the body with the secret, compared in constant time. */
    private boolean valid(byte[] body, String signature) {
        if (signature == null || !signature.startsWith("sha256=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal(body);
            byte[] given = HexFormat.of().parseHex(signature.substring("sha256=".length()));
            return MessageDigest.isEqual(expected, given);
        } catch (IllegalArgumentException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pause();
    }
}
