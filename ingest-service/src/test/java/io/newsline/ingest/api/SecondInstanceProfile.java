package io.newsline.ingest.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A second start of ingest-service on the same broker (a different profile makes Quarkus restart the
 * application), with a low write rate and closed reads, so restart, rate-limit and read-token behaviour
 * can be checked.
 */
public class SecondInstanceProfile implements QuarkusTestProfile {

    static final String READ_TOKEN = "read-only-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "newsline.ingest.rate-per-second", "0.2",
                "newsline.ingest.rate-burst", "5",
                "newsline.read-tokens", READ_TOKEN,
                "newsline.tokens", "test-token,second-test-token,rate-limited-token");
    }
}
