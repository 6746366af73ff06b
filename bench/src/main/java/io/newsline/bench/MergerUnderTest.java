package io.newsline.bench;

import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.domain.EventMerger;
import io.newsline.timeline.domain.MergeRule;
import io.newsline.timeline.domain.TimelineView;
import io.newsline.timeline.index.TimelineIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The merger {@link MergeCostBenchmark} times: {@code memory}, every event in the heap (as before issue 17), or
 * {@code index}, the service's merger on a timeline index in a temporary folder with a bounded working set, fed
 * what the merger wrote {@link #LAG} folds at a time (the loader's part, not timed).
 */
final class MergerUnderTest implements AutoCloseable {

    static final int LAG = 50;

    private final String kind;
    private final EventMerger merger;
    private final TimelineView view;
    private final Path folder;
    private final List<TimelineView.Entry> unapplied = new ArrayList<>();
    private long sequence;
    private int folds;

    MergerUnderTest(String kind, int workingSet) throws IOException {
        this.kind = kind;
        if ("memory".equals(kind)) {
            merger = new EventMerger(MergeRule.DEFAULT, Clock.systemUTC(), false);
            view = null;
            folder = null;
        } else {
            folder = Files.createTempDirectory("merge-cost-index");
            view = new TimelineView(TimelineIndex.open(folder));
            merger = new EventMerger(MergeRule.DEFAULT, Clock.systemUTC(), false, view.mergeCandidates(), workingSet,
                    100_000);
        }
    }

    /** Folds one article; answers the nanoseconds the merger took (not the index's share). */
    long fold(EnrichedArticle a) {
        long t0 = System.nanoTime();
        List<TimelineEvent> out = merger.fold(a);
        long spent = System.nanoTime() - t0;
        if (view != null) {
            out.forEach(r -> unapplied.add(new TimelineView.Entry(++sequence, r)));
            if (++folds % LAG == 0) {
                view.applyAll(unapplied);
                unapplied.clear();
            }
        }
        return spent;
    }

    /** Live events on the timeline. */
    int events() {
        return view == null ? merger.size() : view.size();
    }

    int workingSet() {
        return view == null ? merger.size() : merger.workingSetSize();
    }

    String kind() {
        return kind;
    }

    @Override
    public void close() throws IOException {
        if (view != null) {
            view.close();
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
