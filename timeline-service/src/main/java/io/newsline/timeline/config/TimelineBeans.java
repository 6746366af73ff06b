package io.newsline.timeline.config;

import io.newsline.contracts.net.OutboundAddressPolicy;
import io.newsline.timeline.domain.EventMerger;
import io.newsline.timeline.domain.MergeRule;
import io.newsline.timeline.domain.TimelineView;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes the framework-free timeline core available for injection, configured from {@link TimelineConfig}. */
public class TimelineBeans {

    @Produces
    @Singleton
    TimelineView timelineView() {
        return new TimelineView();
    }

    @Produces
    @Singleton
    EventMerger eventMerger(TimelineConfig config) {
        MergeRule rule = new MergeRule(config.merge().maxDistanceKm(), config.merge().dayTolerance(),
                config.merge().adjacentDayWithin());
        return new EventMerger(rule, Clock.systemUTC(), config.publicationFallback());
    }

    /** Where webhooks may point: the setting ingest's feeds obey too (docs/watches.md, Server-side request forgery). */
    @Produces
    @Singleton
    OutboundAddressPolicy outboundAddressPolicy(
            @ConfigProperty(name = OutboundAddressPolicy.SETTING, defaultValue = "true") boolean refusePrivate) {
        return OutboundAddressPolicy.of(refusePrivate);
    }
}
