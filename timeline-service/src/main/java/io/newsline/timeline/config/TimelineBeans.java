package io.newsline.timeline.config;

import io.newsline.contracts.net.OutboundAddressPolicy;
import io.newsline.timeline.domain.EventMerger;
import io.newsline.timeline.domain.MergeRule;
import io.newsline.timeline.domain.TimelineView;
import io.newsline.timeline.index.TimelineIndex;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Makes the framework-free timeline core available for injection, configured from {@link TimelineConfig}. */
public class TimelineBeans {

    private static final Logger LOG = Logger.getLogger(TimelineBeans.class);

    /**
     * The timeline's read model, on its Lucene index in {@code timeline.index.dir}; without that setting (the
     * tests) in a fresh temporary folder, deleted at stop.
     */
    @Produces
    @Singleton
    TimelineView timelineView(TimelineConfig config) throws IOException {
        Optional<String> dir = config.index().dir();
        Path folder = dir.isPresent() ? Path.of(dir.get()) : Files.createTempDirectory("newsline-timeline-index");
        if (dir.isEmpty()) {
            temporary = folder;
        }
        LOG.infof("timeline index in %s", folder.toAbsolutePath());
        return new TimelineView(TimelineIndex.open(folder));
    }

    private static Path temporary;

    void closeTimelineView(@Disposes TimelineView view) throws IOException {
        view.close();
        Path t = temporary;
        if (t != null) {
            try (var files = Files.walk(t)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Produces
    @Singleton
    EventMerger eventMerger(TimelineConfig config, MergerConfig merger, TimelineView view) {
        MergeRule rule = new MergeRule(config.merge().maxDistanceKm(), config.merge().dayTolerance(),
                config.merge().adjacentDayWithin());
        // Its candidates come from the view's index and a bounded working set, not from every event in the heap.
        return new EventMerger(rule, Clock.systemUTC(), config.publicationFallback(), view.mergeCandidates(),
                merger.workingSet(), merger.recentArticles());
    }

    /** Where webhooks may point: the setting ingest's feeds obey too (docs/watches.md, Server-side request forgery). */
    @Produces
    @Singleton
    OutboundAddressPolicy outboundAddressPolicy(
            @ConfigProperty(name = OutboundAddressPolicy.SETTING, defaultValue = "true") boolean refusePrivate) {
        return OutboundAddressPolicy.of(refusePrivate);
    }
}
