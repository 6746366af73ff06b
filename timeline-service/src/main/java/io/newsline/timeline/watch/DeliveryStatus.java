package io.newsline.timeline.watch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a watch's deliveries stand, as {@code GET /api/watches/{name}} shows it and {@code news.timeline.deliveries}
 * keeps it (key: the watch's name), so the next instance to deliver resumes where this one was.
 *
 * @param position      every matching change up to this feed sequence has been delivered or recorded as failed
 * @param pending       matching changes waiting to be delivered (the one being attempted included)
 * @param delivered     deliveries the receiver acknowledged with a 2xx
 * @param failures      deliveries given up after retrying for the whole retry window
 * @param lastDelivery  the idempotency key ({@code <event id>:<revision>}) of the latest attempt
 * @param lastStatus    the HTTP status of the latest attempt; null when it got no answer (see {@code lastError})
 * @param lastError     why the latest attempt failed; null when it succeeded
 * @param failingSince  since when the receiver has not answered with a 2xx; null while it does
 * @param nextAttemptAt when the waiting delivery is tried again; null when none waits
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryStatus(long position, long pending, long delivered, long failures, String lastDelivery,
        String lastDeliveryAt, Integer lastStatus, String lastError, String lastSuccessAt, String failingSince,
        String nextAttemptAt, List<Failure> recentFailures, String updatedAt) {

    /** A delivery given up: its idempotency key, when, after how many attempts, and the last reason. */
    public record Failure(String delivery, String at, int attempts, String reason) {}

    /** A watch nothing was delivered for yet, starting after this feed sequence. */
    public static DeliveryStatus startingAt(long position) {
        return new DeliveryStatus(position, 0, 0, 0, null, null, null, null, null, null, null, List.of(), null);
    }
}
