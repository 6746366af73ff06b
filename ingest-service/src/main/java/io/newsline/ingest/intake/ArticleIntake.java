package io.newsline.ingest.intake;

import io.newsline.contracts.model.Article;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * Publishes each distinct article once. An id already seen answers as a duplicate at once; an id being
 * published right now by another request waits for that publication instead of publishing twice.
 * The id is remembered only after the article itself was stored, so a remembered id is never missing
 * from the article log (the reverse, a stored article whose memory was lost, only costs a re-publish);
 * the answer waits for the article, not for its memory.
 */
public final class ArticleIntake {

    /** What happened to one accepted article. */
    public record Outcome(String id, boolean duplicate) {}

    private final ArticleLog log;
    private final SeenIds seen;
    private final ConcurrentMap<String, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();
    private final Consumer<Throwable> memoryFailure;

    /** {@code memoryFailure} hears about ids stored but not remembered; the article itself is safe then. */
    public ArticleIntake(ArticleLog log, SeenIds seen, Consumer<Throwable> memoryFailure) {
        this.log = log;
        this.seen = seen;
        this.memoryFailure = memoryFailure;
    }

    /** Publishes a validated article unless its id was seen; the future fails when the log could not store it. */
    public CompletableFuture<Outcome> submit(Article article) {
        String id = article.id();
        while (true) {
            if (seen.contains(id)) {
                return CompletableFuture.completedFuture(new Outcome(id, true));
            }
            CompletableFuture<Outcome> mine = new CompletableFuture<>();
            CompletableFuture<Outcome> other = inFlight.putIfAbsent(id, mine);
            if (other != null) {
                // Someone else is publishing this id: it is a duplicate if that succeeds; if it fails, try again.
                return other.handle((o, failure) -> failure)
                        .thenCompose(failure -> failure == null
                                ? CompletableFuture.completedFuture(new Outcome(id, true))
                                : submit(article));
            }
            if (seen.contains(id)) {
                // Published between the first check and the reservation.
                inFlight.remove(id, mine);
                mine.complete(new Outcome(id, true));
                return mine;
            }
            CompletableFuture<Void> appended;
            try {
                appended = log.append(article);
            } catch (RuntimeException e) {
                appended = CompletableFuture.failedFuture(e);
            }
            appended.whenComplete((ignored, failure) -> {
                if (failure == null) {
                    seen.add(id);
                    // The answer does not wait for the memory: a lost id record only means that a re-post
                    // after a restart is published again, never that an article is lost.
                    remember(id);
                }
                inFlight.remove(id, mine);
                if (failure == null) {
                    mine.complete(new Outcome(id, false));
                } else {
                    mine.completeExceptionally(failure);
                }
            });
            return mine;
        }
    }

    private void remember(String id) {
        CompletableFuture<Void> remembered;
        try {
            remembered = log.remember(id);
        } catch (RuntimeException e) {
            remembered = CompletableFuture.failedFuture(e);
        }
        remembered.exceptionally(t -> {
            memoryFailure.accept(t);
            return null;
        });
    }
}
