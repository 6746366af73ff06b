package io.newsline.contracts.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code newsline_dead_letters_total{topic}}: records of {@code topic} a service sent to
 * {@code news.articles.dlq}, one name for every service that dead-letters. Registered at start, so the
 * series exists at 0 and {@code increase()} sees the first dead letter.
 */
public final class DeadLetterCounter {

    /** The counter of dead letters taken from {@code fromTopic}. */
    public static Counter of(MeterRegistry registry, String fromTopic) {
        return Counter.builder("newsline.dead.letters")
                .description("Records sent to news.articles.dlq, by the topic they were read from")
                .tag("topic", fromTopic)
                .register(registry);
    }

    private DeadLetterCounter() {}
}
