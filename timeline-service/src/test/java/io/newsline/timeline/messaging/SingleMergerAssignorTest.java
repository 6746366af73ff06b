package io.newsline.timeline.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment;
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

    @Test
    void aMergerThatSteppedDownStandsBehindItsSuccessor() {
        Node node = new Node(0, "localhost", 9092);
        List<PartitionInfo> partitions = List.of(0, 1, 2).stream()
                .map(p -> new PartitionInfo(TOPIC, p, node, new Node[] {node}, new Node[] {node})).toList();
        Cluster cluster = new Cluster("c", List.of(node), partitions, Set.of(), Set.of());
        // Given the first instance, merging since it started, and a second one that started later
        AtomicLong firstStanding = new AtomicLong(1_000);
        SingleMergerAssignor first = configured(firstStanding::get);
        SingleMergerAssignor second = configured(() -> 4_000);
        assertEquals(3, assign(cluster, first, second).get("first").partitions().size());

        // When the first was frozen, the second took over, and the first woke, was fenced and stepped down
        firstStanding.set(7_000);

        // Then at its next join the first stands by and the second keeps every partition
        Map<String, Assignment> after = assign(cluster, first, second);
        assertEquals(3, after.get("second").partitions().size());
        assertTrue(after.get("first").partitions().isEmpty());
    }

    private static SingleMergerAssignor configured(LongSupplier standingSince) {
        SingleMergerAssignor a = new SingleMergerAssignor();
        a.configure(Map.of(SingleMergerAssignor.STANDING_SINCE_CONFIG, standingSince));
        return a;
    }

    /** What the group leader computes from each member's subscription, user data as each assignor writes it. */
    private static Map<String, Assignment> assign(Cluster cluster, SingleMergerAssignor first,
            SingleMergerAssignor second) {
        Map<String, Subscription> members = Map.of(
                "first", new Subscription(List.of(TOPIC), first.subscriptionUserData(Set.of(TOPIC))),
                "second", new Subscription(List.of(TOPIC), second.subscriptionUserData(Set.of(TOPIC))));
        return first.assign(cluster, new GroupSubscription(members)).groupAssignment();
    }
}
