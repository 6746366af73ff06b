package io.newsline.ingest.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What ingest knows of its link to the broker, so that a post it cannot store is answered 503 at once
 * instead of after the whole ack timeout. The link is down once a send, the state loader or a readiness probe
 * timed out reaching the broker; while it is down a probe asks the broker every second, and the first answer
 * (or any acknowledged send) brings it back up. A broker that is merely slow costs at most a second of quick
 * 503s: the probe answers at once.
 */
@ApplicationScoped
public class BrokerLink {

    private static final Logger LOG = Logger.getLogger(BrokerLink.class);
    private static final Duration PROBE_EVERY = Duration.ofSeconds(1);

    private final Admin admin;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ingest-broker-probe");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean down = new AtomicBoolean();

    public BrokerLink(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "ingest-broker-probe",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_EVERY.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_EVERY.toMillis()));
    }

    /** True while the broker is known to be unreachable: a send now would only wait out its timeout. */
    public boolean isDown() {
        return down.get();
    }

    /** The broker answered (a send was acknowledged, a probe answered). */
    public void answered() {
        if (down.compareAndSet(true, false)) {
            LOG.info("the broker answers again");
        }
    }

    /** Something failed talking to the broker; a timeout means it is unreachable. */
    public void failed(Throwable failure) {
        if (isTimeout(failure) && down.compareAndSet(false, true)) {
            LOG.warnf("the broker is unreachable (%s); posts are answered 503 at once until it answers", failure.toString());
            prober.schedule(this::probe, PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void probe() {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) PROBE_EVERY.toMillis()))
                    .nodes().get(2 * PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            answered();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception stillDown) {
            if (down.get() && !prober.isShutdown()) {
                prober.schedule(this::probe, PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private static boolean isTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.apache.kafka.common.errors.TimeoutException || c instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Why a post was answered without trying the broker. */
    public static final class Unreachable extends RuntimeException {
        public Unreachable() {
            super("the broker is unreachable", null, false, false);
        }
    }

    @PreDestroy
    void close() {
        prober.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
