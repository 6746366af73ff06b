package io.newsline.timeline.watch;

import io.newsline.contracts.net.OutboundAddressPolicy;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Posts deliveries with the JDK's HTTP client: HTTP/1.1, no redirects followed (a redirect is a failed attempt,
 * so a receiver cannot send a delivery on to an address the policy refuses), the address checked against the
 * {@link OutboundAddressPolicy} before every attempt, a connect timeout, a timeout for the answer's headers and
 * a deadline for the whole answer, whose body is read and thrown away.
 */
public final class HttpWebhookClient implements WebhookClient, AutoCloseable {

    private final OutboundAddressPolicy policy;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final ScheduledExecutorService timer;
    private final ExecutorService io = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "webhook-http");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http;

    public HttpWebhookClient(OutboundAddressPolicy policy, Duration connectTimeout, Duration readTimeout,
            ScheduledExecutorService timer) {
        this.policy = policy;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.timer = timer;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .executor(io)
                .build();
    }

    /** Blocks for the host's address lookup, so it is called from the deliveries' worker threads. */
    @Override
    public CompletableFuture<Attempt> post(Webhook webhook, String deliveryId, byte[] body, String signature) {
        URI uri;
        try {
            uri = URI.create(webhook.url());
            policy.requireAllowed(uri);
        } catch (OutboundAddressPolicy.RefusedUrl | IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Attempt(null, "refused: the webhook URL " + e.getMessage()));
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(readTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Newsline-timeline")
                .header(DELIVERY_HEADER, deliveryId)
                .header(Signature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<Void>> sent = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        // The request timeout ends with the answer's headers; a body trickled forever is cut off here.
        Duration deadline = connectTimeout.plus(readTimeout).multipliedBy(2);
        ScheduledFuture<?> cut = timer.schedule(() -> sent.cancel(true), deadline.toMillis(), TimeUnit.MILLISECONDS);
        return sent.handle((response, error) -> {
            cut.cancel(false);
            return response != null ? new Attempt(response.statusCode(), null) : new Attempt(null, describe(error));
        });
    }

    private String describe(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + connectTimeout.toMillis() + " ms";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + readTimeout.toMillis() + " ms";
        }
        if (e instanceof CancellationException) {
            return "the answer did not end in time";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public void close() {
        io.shutdownNow();
    }
}
