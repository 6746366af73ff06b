package io.newsline.timeline.watch;

import java.util.concurrent.CompletableFuture;

/** Posts one delivery to a webhook; the future never fails, it completes with what the receiver answered. */
public interface WebhookClient {

    String DELIVERY_HEADER = "X-Newsline-Delivery";

    /** What one attempt got: the receiver's HTTP status, or no status and why there was none. */
    record Attempt(Integer status, String error) {
        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        public String reason() {
            return error != null ? error : "HTTP " + status;
        }
    }

    CompletableFuture<Attempt> post(Webhook webhook, String deliveryId, byte[] body, String signature);
}
