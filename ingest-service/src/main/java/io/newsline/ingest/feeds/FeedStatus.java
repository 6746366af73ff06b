package io.newsline.ingest.feeds;

/**
 * What {@code GET /api/feeds} shows of one feed: its definition, its last poll and what became of its items.
 * Times are ISO-8601 instants, null until the first poll.
 */
public record FeedStatus(
        String name,
        String url,
        long intervalSeconds,
        String source,
        String origin,
        String lastPollAt,
        String lastSuccessAt,
        Integer lastHttpStatus,
        String lastError,
        long polls,
        long notModified,
        long failures,
        long itemsSeen,
        long itemsAccepted,
        long itemsDuplicate,
        long itemsRejected,
        long itemsFailed) {}
