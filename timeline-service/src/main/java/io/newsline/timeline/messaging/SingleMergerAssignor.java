package io.newsline.timeline.messaging;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Gives every partition of {@code news.articles.enriched} to one member of the merger group, so
 * exactly one instance folds articles at a time; the others stand by and the group hands all
 * partitions to one of them when the merger dies. Prefers the member that has stood in the group
 * longest, so an instance joining does not take the work away, and a merger that stepped down after
 * being fenced (its standing starts again then) does not take it back from its successor.
 */
public class SingleMergerAssignor implements ConsumerPartitionAssignor, Configurable {

    public static final String NAME = "newsline-single-merger";
    /**
     * Consumer property holding a {@link LongSupplier} of the epoch milliseconds since which this member
     * stands in the group; read at every join. Without it, the time this JVM loaded the class.
     */
    public static final String STANDING_SINCE_CONFIG = "newsline.merger.standing-since";
    private static final long STARTED = System.currentTimeMillis();

    private LongSupplier standingSince = () -> STARTED;

    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.get(STANDING_SINCE_CONFIG) instanceof LongSupplier since) {
            standingSince = since;
        }
    }

    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics) {
        ByteBuffer data = ByteBuffer.allocate(Long.BYTES);
        data.putLong(0, standingSince.getAsLong());
        return data;
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        Map<String, Subscription> members = groupSubscription.groupSubscription();
        String merger = members.entrySet().stream()
                .min(Comparator.<Map.Entry<String, Subscription>>comparingLong(e -> standingOf(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .orElseThrow();
        Set<String> topics = new TreeSet<>();
        members.values().forEach(s -> topics.addAll(s.topics()));
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : topics) {
            List<PartitionInfo> partitions = metadata.partitionsForTopic(topic);
            partitions.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
        }
        Map<String, Assignment> assignments = new HashMap<>();
        for (String member : members.keySet()) {
            assignments.put(member, new Assignment(member.equals(merger) ? all : List.of()));
        }
        return new GroupAssignment(assignments);
    }

    private static long standingOf(Subscription s) {
        ByteBuffer data = s.userData();
        return data != null && data.remaining() >= Long.BYTES ? data.getLong(data.position()) : Long.MAX_VALUE;
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        // Nothing to remember: the assignment is recomputed from scratch at every rebalance.
    }

    @Override
    public String name() {
        return NAME;
    }
}
