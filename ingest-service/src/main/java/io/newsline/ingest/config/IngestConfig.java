package io.newsline.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an operator can tune in ingest-service. Environment variables override each key the
 * MicroProfile way ({@code NEWSLINE_TOKENS} → {@code newsline.tokens},
 * {@code NEWSLINE_INGEST_ACK_TIMEOUT} → {@code newsline.ingest.ack-timeout}).
 */
@ConfigMapping(prefix = "newsline")
public interface IngestConfig {

    /** Comma-separated bearer tokens allowed to write (env {@code NEWSLINE_TOKENS}); none configured means every write is refused. */
    Optional<String> tokens();

    /** Comma-separated bearer tokens allowed to read (env {@code NEWSLINE_READ_TOKENS}); unset means reads are open. */
    @WithName("read-tokens")
    Optional<String> readTokens();

    Ingest ingest();

    Outbound outbound();

    /** Feeds configured by the operator, by name: {@code newsline.feeds.<name>.url} and so on. */
    Map<String, Feed> feeds();

    interface Ingest {
        /** How long a post waits for the broker's acknowledgement before answering 503. */
        @WithDefault("5s")
        Duration ackTimeout();

        /** The Retry-After (seconds) of a 503. */
        @WithDefault("5")
        int retryAfterSeconds();

        /** Largest single article request body, and largest line of an NDJSON batch, in bytes (413 above). */
        @WithDefault("1048576")
        int maxArticleBytes();

        /** Largest number of items one batch may carry; further items are answered 413 without being read. */
        @WithDefault("1000")
        int maxBatchItems();

        /** Writes per second each token may make (token bucket refill rate); 429 above. */
        @WithDefault("2000")
        double ratePerSecond();

        /** How many writes a token may make in a burst above its steady rate. */
        @WithDefault("4000")
        int rateBurst();

        Topics topics();

        FeedPolling feedPolling();
    }

    interface Topics {
        @WithDefault(io.newsline.contracts.kafka.Topics.ARTICLES_RAW)
        String raw();

        @WithDefault(io.newsline.contracts.kafka.Topics.INGEST_SEEN)
        String seen();

        @WithDefault(io.newsline.contracts.kafka.Topics.INGEST_FEEDS)
        String feeds();
    }

    interface FeedPolling {
        /** Whether feeds are polled at all (tests of other parts switch it off). */
        @WithDefault("true")
        boolean enabled();

        /** Connect and whole-response timeout of one feed fetch, so a slow feed cannot hold its worker. */
        @WithDefault("10s")
        Duration fetchTimeout();

        /** Largest feed document read, in bytes. */
        @WithDefault("5242880")
        int maxFeedBytes();

        /** Shortest poll interval an operator may set. */
        @WithDefault("1s")
        Duration minInterval();
    }

    /** Where ingest may send requests on a user's behalf (feeds), the same setting as timeline-service's webhooks. */
    interface Outbound {
        /**
         * Refuse feed URLs that are, or resolve to, loopback, link-local or private addresses (server-side request
         * forgery); env {@code NEWSLINE_OUTBOUND_REFUSE_PRIVATE_ADDRESSES}. {@code ./newsline up} turns it off.
         */
        @WithDefault("true")
        boolean refusePrivateAddresses();
    }

    interface Feed {
        String url();

        @WithDefault("5m")
        Duration interval();

        /** The {@code source} of the feed's articles; defaults to the feed's own title. */
        Optional<String> source();
    }
}
