package io.newsline.localkafka.top;

import java.util.List;
import java.util.Map;

/** What the broker said at one moment: every topic's offsets and every consumer group's committed offsets. */
public record BrokerSnapshot(List<TopicOffsets> topics, List<GroupOffsets> groups) {

    public BrokerSnapshot {
        topics = List.copyOf(topics);
        groups = List.copyOf(groups);
    }

    /** One topic: the earliest and the end offset of each partition. */
    public record TopicOffsets(String name, Map<Integer, Long> start, Map<Integer, Long> end) {

        public TopicOffsets {
            start = Map.copyOf(start);
            end = Map.copyOf(end);
        }

        public int partitions() {
            return end.size();
        }

        /** The sum of the end offsets: every record ever written to the topic. */
        public long endTotal() {
            return end.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Records the topic holds now (end minus earliest offset, summed over partitions). */
        public long held() {
            return end.entrySet().stream().mapToLong(e -> e.getValue() - start.getOrDefault(e.getKey(), 0L)).sum();
        }
    }

    /** One consumer group: its state, how many members it has, and its committed offset per topic and partition. */
    public record GroupOffsets(String group, String state, int members, Map<String, Map<Integer, Long>> committed) {

        public GroupOffsets {
            committed = Map.copyOf(committed);
        }
    }

    /** The topic of this name, or null. */
    public TopicOffsets topic(String name) {
        return topics.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /** The group of this id, or null. */
    public GroupOffsets group(String id) {
        return groups.stream().filter(g -> g.group().equals(id)).findFirst().orElse(null);
    }
}
