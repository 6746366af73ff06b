package io.newsline.localkafka.top;

import io.newsline.contracts.kafka.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Reads a {@link BrokerSnapshot} with Kafka's admin client: the offsets of every topic and the committed
 * offsets of every consumer group, as the broker itself keeps them (no log files, no service in between).
 */
final class BrokerReader implements AutoCloseable {

    /** Generous: on a machine under heavy load one round of admin calls takes seconds. */
    private static final long TIMEOUT_S = 10;
    /** Newsline's own topics first, in the order the pipeline uses them; others after, by name. */
    private static final List<String> ORDER = Topics.ALL.stream().map(Topics.Spec::name).toList();

    private final Admin admin;

    BrokerReader(String bootstrapServers) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "newsline-top",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 8_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    BrokerSnapshot read() throws Exception {
        List<String> names = new ArrayList<>(admin.listTopics().names().get(TIMEOUT_S, TimeUnit.SECONDS));
        names.sort(Comparator.comparing((String n) -> ORDER.contains(n) ? ORDER.indexOf(n) : ORDER.size())
                .thenComparing(Comparator.naturalOrder()));
        Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames().get(TIMEOUT_S, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (TopicDescription d : described.values()) {
            for (TopicPartitionInfo p : d.partitions()) {
                TopicPartition tp = new TopicPartition(d.name(), p.partition());
                latest.put(tp, OffsetSpec.latest());
                earliest.put(tp, OffsetSpec.earliest());
            }
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        List<BrokerSnapshot.TopicOffsets> topics = new ArrayList<>();
        for (String name : names) {
            Map<Integer, Long> start = new TreeMap<>();
            Map<Integer, Long> end = new TreeMap<>();
            for (TopicPartitionInfo p : described.get(name).partitions()) {
                TopicPartition tp = new TopicPartition(name, p.partition());
                start.put(p.partition(), starts.get(tp).offset());
                end.put(p.partition(), ends.get(tp).offset());
            }
            topics.add(new BrokerSnapshot.TopicOffsets(name, start, end));
        }
        return new BrokerSnapshot(topics, groups());
    }

    /** Every consumer group that has committed something, with its state and member count. */
    private List<BrokerSnapshot.GroupOffsets> groups() throws Exception {
        List<String> ids = admin.listGroups().all().get(TIMEOUT_S, TimeUnit.SECONDS).stream()
                .filter(g -> g.type().map(t -> t == GroupType.CONSUMER || t == GroupType.CLASSIC).orElse(true))
                .map(GroupListing::groupId).sorted().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        ids.forEach(id -> specs.put(id, new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> offsets =
                admin.listConsumerGroupOffsets(specs).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        Map<String, ConsumerGroupDescription> descriptions =
                admin.describeConsumerGroups(ids).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        List<BrokerSnapshot.GroupOffsets> groups = new ArrayList<>();
        for (String id : ids) {
            Map<String, Map<Integer, Long>> committed = new TreeMap<>();
            offsets.getOrDefault(id, Map.of()).forEach((tp, om) -> {
                if (om != null) {
                    committed.computeIfAbsent(tp.topic(), t -> new TreeMap<>()).put(tp.partition(), om.offset());
                }
            });
            if (committed.isEmpty()) {
                continue;
            }
            ConsumerGroupDescription d = descriptions.get(id);
            String state = d == null ? "?" : d.groupState().toString();
            int members = d == null ? 0 : d.members().size();
            groups.add(new BrokerSnapshot.GroupOffsets(id, state, members, committed));
        }
        return groups;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1));
    }
}
