package io.newsline.ingest.intake;

import io.newsline.contracts.model.Article;
import java.util.concurrent.CompletableFuture;

/** Where accepted articles go: completes when the article is durably stored (the broker acknowledged). */
public interface ArticleLog {

    /** Publishes the article; the future completes when stored, or fails (timeout, broker down). */
    CompletableFuture<Void> append(Article article);

    /**
     * Records that an id was published, so the memory of seen ids survives a restart. Must not block: it is
     * called on the thread that completed {@link #append}, which may be the log's own I/O thread.
     */
    CompletableFuture<Void> remember(String id);
}
