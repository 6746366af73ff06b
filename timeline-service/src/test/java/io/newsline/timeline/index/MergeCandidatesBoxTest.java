package io.newsline.timeline.index;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.timeline.domain.MergeRule;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The box the merger's look-up finds towns in holds every town the rule's distance lets through, anywhere on Earth. */
class MergeCandidatesBoxTest {

    private static boolean inside(double[] box, double lat, double lon) {
        boolean latOk = lat >= box[0] && lat <= box[1];
        boolean lonOk = box[2] <= box[3] ? lon >= box[2] && lon <= box[3] : lon >= box[2] || lon <= box[3];
        return latOk && lonOk;
    }

    @Test
    void everyPlaceWithinTheDistanceIsInTheBox() {
        Random random = new Random(3);
        double[][] centres = {{48.1, 35.1}, {0, 179.95}, {-12, -179.9}, {89.9, 10}, {-89.95, -40}, {70, 0}};
        for (double[] c : centres) {
            for (double km : new double[] {1, 25, 300}) {
                double[] box = MergeCandidates.boxAround(c[0], c[1], km);
                for (int i = 0; i < 20_000; i++) {
                    double lat = Math.max(-90, Math.min(90, c[0] + (random.nextDouble() * 2 - 1) * km / 50));
                    double lon = c[1] + (random.nextDouble() * 2 - 1) * Math.min(180, km / 5);
                    lon = lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
                    if (MergeRule.kilometres(c[0], c[1], lat, lon) <= km) {
                        assertTrue(inside(box, lat, lon), "(" + lat + ", " + lon + ") within " + km + " km of ("
                                + c[0] + ", " + c[1] + ") but outside the box");
                    }
                }
            }
        }
    }
}
