package io.newsline.ingest.messaging;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the broker answers and the seen ids are loaded, so a duplicate is never mistaken for new.
 * Asynchronous, so a probe against a dead broker never holds an event-loop thread.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements AsyncHealthCheck {

    private final Admin admin;
    private final IngestPipeline pipeline;
    private final BrokerLink link;

    public KafkaReadinessCheck(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                               IngestPipeline pipeline, BrokerLink link) {
        this.pipeline = pipeline;
        this.link = link;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "ingest-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        boolean loaded = pipeline.seen().loaded();
        return Uni.createFrom()
                .completionStage(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                        .nodes().toCompletionStage())
                .ifNoItem().after(Duration.ofMillis(2_500)).fail()
                .invoke(link::answered)
                .map(nodes -> response(!nodes.isEmpty() && loaded, nodes.size() + " node(s)", loaded))
                .onFailure().invoke(link::failed)
                .onFailure().recoverWithItem(e -> response(false, "unreachable: " + e.getClass().getSimpleName(), loaded));
    }

    private HealthCheckResponse response(boolean up, String broker, boolean loaded) {
        return HealthCheckResponse.named("kafka")
                .status(up)
                .withData("broker", broker)
                .withData("seenIdsLoaded", loaded)
                .withData("seenIds", pipeline.seen().size())
                .build();
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
