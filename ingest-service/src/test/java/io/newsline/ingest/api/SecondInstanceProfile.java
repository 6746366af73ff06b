package io.newsline.ingest.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A second start of ingest-service (a different profile makes Quarkus restart the application), with a low
 * write rate, closed reads and internal feed addresses refused, as in production, so restart, rate-limit,
 * read-token and address-guard behaviour can be checked. It points at
 * the broker the default-profile classes used, so what they published is there: Quarkus gives a new profile
 * new class loaders, and with them a new throw-away broker, which would start empty.
 */
public class SecondInstanceProfile implements QuarkusTestProfile {

    static final String READ_TOKEN = "read-only-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new java.util.HashMap<>(Map.of(
                "newsline.ingest.rate-per-second", "0.2",
                "newsline.ingest.rate-burst", "5",
                "newsline.read-tokens", READ_TOKEN,
                "newsline.tokens", "test-token,second-test-token,rate-limited-token,guard-test-token",
                "newsline.outbound.refuse-private-addresses", "true"));
        String shared = System.getProperty(KafkaTopics.SHARED_BOOTSTRAP);
        if (shared != null) {
            overrides.put("kafka.bootstrap.servers", shared);
        }
        return overrides;
    }
}
