package io.newsline.localkafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a real Kafka broker: one throw-away broker per test JVM, started on
 * free ports before the first Quarkus application and stopped when the JVM ends. Quarkus loads each
 * test profile in a class loader of its own; they all find the same broker through a system property.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String SHARED = "newsline.test.kafka";
    private static KafkaBrokerProcess broker;

    /** The shared broker of this test JVM, started on first use. */
    public static KafkaBrokerProcess broker() {
        synchronized (System.getProperties()) {
            if (broker == null) {
                broker = KafkaBrokerProcess.attach(SHARED);
            }
            if (broker == null) {
                broker = KafkaBrokerProcess.startFresh();
                broker.shareAs(SHARED);
                KafkaBrokerProcess started = broker;
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "test-kafka-stop"));
            }
            return broker;
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", broker().bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives one application: other test classes of this JVM reuse it.
    }
}
