package io.newsline.timeline.watch;

import io.newsline.contracts.model.TimelineEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The last records this instance applied from {@code news.timeline}, so live deliveries read them from memory;
 * a watch further behind reads older records from the topic itself. A fixed number of slots in a ring.
 */
public final class RecentChanges {

    private final long[] sequences;
    private final TimelineEvent[] records;
    private int next;
    private int size;

    public RecentChanges(int capacity) {
        sequences = new long[capacity];
        records = new TimelineEvent[capacity];
    }

    /** Adds a record with its sequence; records arrive in sequence order, each once. */
    public synchronized void add(TimelineEvent record) {
        sequences[next] = record.sequence();
        records[next] = record;
        next = (next + 1) % records.length;
        size = Math.min(size + 1, records.length);
    }

    /**
     * The records after {@code sequence} (at most {@code max}), or null when some of them may have left the ring
     * (then they are read from the topic).
     */
    public synchronized List<TimelineEvent> after(long sequence, int max) {
        if (size == 0 || sequence < sequences[oldest()] - 1) {
            return size == 0 ? List.of() : null;
        }
        int at = firstAbove(sequence);
        List<TimelineEvent> out = new ArrayList<>(Math.min(max, size - at));
        for (int i = at; i < size && out.size() < max; i++) {
            out.add(records[(oldest() + i) % records.length]);
        }
        return out;
    }

    /** Whether the ring holds every record from this sequence on. */
    public synchronized boolean covers(long sequence) {
        return size > 0 && sequence >= sequences[oldest()];
    }

    /** The record at this sequence; null when there is none or the ring does not reach back to it. */
    public synchronized TimelineEvent at(long sequence) {
        int at = firstAbove(sequence - 1);
        return at < size && sequences[(oldest() + at) % records.length] == sequence
                ? records[(oldest() + at) % records.length] : null;
    }

    /** Index (0 = oldest) of the first record with a sequence above {@code sequence}. */
    private int firstAbove(long sequence) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sequences[(oldest() + mid) % records.length] <= sequence) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int oldest() {
        return size < records.length ? 0 : next;
    }
}
