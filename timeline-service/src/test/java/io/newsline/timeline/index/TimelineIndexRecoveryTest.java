package io.newsline.timeline.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.contracts.model.TimelineStatus;
import io.newsline.timeline.domain.TimelineFilter;
import io.newsline.timeline.domain.TimelineView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index on disk: what a restart finds, and what it does with an index it cannot read. */
class TimelineIndexRecoveryTest {

    private static final EventLocation OBLAST = new EventLocation("Poltava Oblast", 49.6, 34.5, "UA", 696643L,
            Place.REGION, "Poltava Oblast");
    private static final EventLocation TOWN = new EventLocation("Myrhorod", 49.97, 33.6, "UA", 700646L, Place.EXACT,
            "Poltava Oblast");

    @TempDir
    Path folder;

    private static TimelineEvent event(String id, String date, EventLocation where, int revision) {
        return TimelineEvent.of(id).withType(EventType.SHELLING).withDate(date, null, DatePrecision.DAY)
                .withLocation(where).withTitle("Shelling in " + where.name()).withStatus(TimelineStatus.SINGLE_SOURCE)
                .withRevision(revision).withSeen("2025-05-01T10:00:00Z", "2025-05-01T10:0" + revision + ":00Z");
    }

    @Test
    void aRestartFindsTheEventsRevisionsRegionsAndTheOffsetOfItsLastCheckpoint() {
        try (TimelineView view = new TimelineView(TimelineIndex.open(folder))) {
            view.apply(1, event("ev-a", "2025-05-02", TOWN, 1));
            view.apply(2, event("ev-b", "2025-05-01", OBLAST, 1));
            view.apply(4, event("ev-a", "2025-05-02", TOWN, 2).withFigures(3, null, null));
            view.apply(5, event("ev-c", "2025-05-03", TOWN, 1));
            view.apply(6, TimelineEvent.removal("ev-c", "ev-a"));
            view.checkpoint(6, "topic-1");
            // Applied after the checkpoint: a crash loses it, the loader reads it again from offset 6.
            view.apply(7, event("ev-d", "2025-05-04", TOWN, 1));
        }

        try (TimelineView again = new TimelineView(TimelineIndex.open(folder))) {
            assertEquals(6, again.resumeOffset());
            assertEquals(6, again.lastSequence());
            assertEquals("topic-1", again.indexedTopic());
            assertEquals(2, again.size());
            assertEquals(List.of("ev-b", "ev-a"),
                    again.page(TimelineFilter.NONE, null, 10).items().stream().map(TimelineEvent::id).toList());
            assertEquals(List.of(1, 2), again.revisions("ev-a").stream().map(r -> r.revision()).toList());
            assertEquals(List.of("killed: null → 3"), again.revisions("ev-a").get(1).changes());
            assertEquals("ev-a", again.mergedInto("ev-c").orElseThrow());
            assertTrue(again.event("ev-d").isEmpty());
            // The region learnt from ev-b: its GeoNames id finds the town inside it.
            assertEquals(2, again.page(TimelineFilter.parse(null, null, "696643", null, null, null, null), null, 10)
                    .items().size());
        }
    }

    @Test
    void anIndexThatCannotBeReadIsEmptiedSoTheLoaderRebuildsItFromTheTopic() throws IOException {
        try (TimelineView view = new TimelineView(TimelineIndex.open(folder))) {
            view.apply(1, event("ev-a", "2025-05-02", TOWN, 1));
            view.checkpoint(1, "topic-1");
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(p, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }

        try (TimelineView again = new TimelineView(TimelineIndex.open(folder))) {
            assertEquals(0, again.resumeOffset());
            assertEquals(0, again.size());
            again.apply(1, event("ev-a", "2025-05-02", TOWN, 1));
            assertFalse(again.event("ev-a").isEmpty());
        }
    }

    @Test
    void restartingForgetsEverythingOnDiskToo() {
        try (TimelineView view = new TimelineView(TimelineIndex.open(folder))) {
            view.apply(1, event("ev-a", "2025-05-02", TOWN, 1));
            view.checkpoint(1, "topic-1");
            view.restart();
        }
        try (TimelineView again = new TimelineView(TimelineIndex.open(folder))) {
            assertEquals(0, again.resumeOffset());
            assertEquals(0, again.lastSequence());
            assertTrue(again.event("ev-a").isEmpty());
        }
    }

    @Test
    void anIndexWrittenWithAnotherLayoutIsEmptiedSoTheLoaderRebuildsIt() throws IOException {
        // As an older version left it: a document and a checkpoint, but no layout in the commit.
        try (var dir = org.apache.lucene.store.FSDirectory.open(folder);
                var writer = new org.apache.lucene.index.IndexWriter(dir,
                        new org.apache.lucene.index.IndexWriterConfig().setIndexSort(IndexReads.TIMELINE))) {
            writer.addDocument(EventDocuments.of(new StoredEvent("ev-a", event("ev-a", "2025-05-02", TOWN, 1)
                    .withSequence(1L), null, 1, List.of())));
            writer.setLiveCommitData(java.util.Map.of("offset", "1", "sequence", "1").entrySet());
            writer.commit();
        }
        try (TimelineView view = new TimelineView(TimelineIndex.open(folder))) {
            assertEquals(0, view.resumeOffset());
            assertEquals(0, view.size());
            view.apply(1, event("ev-a", "2025-05-02", TOWN, 1));
            view.checkpoint(1, "topic-1");
        }
        try (TimelineView again = new TimelineView(TimelineIndex.open(folder))) {
            assertEquals(1, again.resumeOffset());
            assertEquals(1, again.size());
        }
    }
}
