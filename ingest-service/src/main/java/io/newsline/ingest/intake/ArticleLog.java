package io.newsline.ingest.intake;

import io.newsline.contracts.model.Article;
import java.util.concurrent.CompletableFuture;

/** Where accepted articles go: completes when the article is durably stored (the broker acknowledged). */
public interface ArticleLog {

    /** Publishes the article; the future completes when stored, or fails (timeout, broker down). */
    CompletableFuture<Void> append(Article article);

    /** Records that an id was published, so the memory of seen ids survives a restart. */
    CompletableFuture<Void> remember(String id);
}
