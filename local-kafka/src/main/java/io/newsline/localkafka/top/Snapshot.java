package io.newsline.localkafka.top;

import java.time.Instant;
import java.util.List;

/**
 * Everything {@code ./newsline top} read in one round.
 *
 * @param nanos       when the round was read ({@link System#nanoTime}), for rates between two rounds
 * @param broker      the broker's offsets, or null when the broker did not answer
 * @param brokerError why the broker did not answer, or null
 */
public record Snapshot(long nanos, Instant at, BrokerSnapshot broker, String brokerError, List<ServiceSnapshot> services) {

    public Snapshot {
        services = List.copyOf(services);
    }
}
