package io.newsline.timeline.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupAssignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.junit.jupiter.api.Test;

class SingleMergerAssignorTest {

    private static final String TOPIC = "news.articles.enriched";

    private static Subscription startedAt(long millis) {
        ByteBuffer data = ByteBuffer.allocate(Long.BYTES);
        data.putLong(0, millis);
        return new Subscription(List.of(TOPIC), data);
    }

    @Test
    void theLongestRunningInstanceGetsEveryPartitionAndTheOthersStandBy() {
        Node node = new Node(0, "localhost", 9092);
        List<PartitionInfo> partitions = List.of(0, 1, 2).stream()
                .map(p -> new PartitionInfo(TOPIC, p, node, new Node[] {node}, new Node[] {node})).toList();
        Cluster cluster = new Cluster("c", List.of(node), partitions, Set.of(), Set.of());

        GroupAssignment result = new SingleMergerAssignor().assign(cluster, new GroupSubscription(Map.of(
                "consumer-b", startedAt(2_000), "consumer-a", startedAt(5_000), "consumer-c", startedAt(9_000))));

        assertEquals(3, result.groupAssignment().get("consumer-b").partitions().size());
        assertTrue(result.groupAssignment().get("consumer-a").partitions().isEmpty());
        assertTrue(result.groupAssignment().get("consumer-c").partitions().isEmpty());
    }
}
