package io.newsline.ingest.messaging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the broker answers and the seen ids are loaded, so a duplicate is never mistaken for new. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private final Admin admin;
    private final IngestPipeline pipeline;

    public KafkaReadinessCheck(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                               IngestPipeline pipeline) {
        this.pipeline = pipeline;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "ingest-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000));
    }

    @Override
    public HealthCheckResponse call() {
        boolean loaded = pipeline.seen().loaded();
        String broker;
        boolean reachable;
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000)).nodes()
                    .get(2_500, TimeUnit.MILLISECONDS).size();
            reachable = nodes > 0;
            broker = nodes + " node(s)";
        } catch (Exception e) {
            reachable = false;
            broker = "unreachable: " + e.getClass().getSimpleName();
        }
        return HealthCheckResponse.named("kafka")
                .status(reachable && loaded)
                .withData("broker", broker)
                .withData("seenIdsLoaded", loaded)
                .withData("seenIds", pipeline.seen().size())
                .build();
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
