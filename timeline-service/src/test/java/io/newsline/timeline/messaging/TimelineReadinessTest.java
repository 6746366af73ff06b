package io.newsline.timeline.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsline.contracts.kafka.Topics;
import io.newsline.localkafka.KafkaBrokerProcess;
import io.newsline.timeline.domain.TimelineView;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** An instance that cannot read news.timeline is not ready: it would serve an empty or stale timeline. */
class TimelineReadinessTest {

    @Test
    void notReadyWhileTheTimelineCannotBeReadFromTheBroker() throws Exception {
        // Given a loader whose broker is not there (nothing listens on the port)
        TimelineView view = new TimelineView();
        TimelineLoader loader = new TimelineLoader(view, "127.0.0.1:" + KafkaBrokerProcess.freePort(), Topics.TIMELINE);
        loader.start(null);
        try {
            // Then readiness is DOWN, saying the state is not loaded and the broker unreachable
            HealthCheckResponse r = new TimelineReadiness(loader, view).call();
            assertEquals(HealthCheckResponse.Status.DOWN, r.getStatus());
            Map<String, Object> data = r.getData().orElseThrow();
            assertEquals(false, data.get("loaded"));
            assertEquals("unreachable", data.get("broker"));
        } finally {
            loader.stop(null);
        }
    }
}
