package io.newsline.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.Article;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ArticleIntakeTest {

    /** An article log whose appends complete when the test says so. */
    static final class ManualLog implements ArticleLog {
        final List<CompletableFuture<Void>> appends = new ArrayList<>();
        final List<String> remembered = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<Void> append(Article article) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            appends.add(f);
            return f;
        }

        @Override
        public CompletableFuture<Void> remember(String id) {
            remembered.add(id);
            return CompletableFuture.completedFuture(null);
        }
    }

    private static Article article(String id) {
        return new Article(id, "t", "b", null, null, null, null, "text", null);
    }

    @Test
    void aSecondPostWhileTheFirstIsInFlightWaitsAndIsADuplicate() throws Exception {
        ManualLog log = new ManualLog();
        SeenIds seen = new SeenIds();
        ArticleIntake intake = new ArticleIntake(log, seen, t -> { });

        CompletableFuture<ArticleIntake.Outcome> first = intake.submit(article("a"));
        CompletableFuture<ArticleIntake.Outcome> second = intake.submit(article("a"));
        assertEquals(1, log.appends.size(), "published once");
        assertFalse(second.isDone());

        log.appends.get(0).complete(null);
        assertFalse(first.get().duplicate());
        assertTrue(second.get().duplicate());
        org.awaitility.Awaitility.await().until(() -> log.remembered.equals(List.of("a")));
        assertTrue(intake.submit(article("a")).get().duplicate());
    }

    @Test
    void aFailedPublicationIsNotRememberedSoARepostPublishesAgain() throws Exception {
        ManualLog log = new ManualLog();
        ArticleIntake intake = new ArticleIntake(log, new SeenIds(), t -> { });

        CompletableFuture<ArticleIntake.Outcome> first = intake.submit(article("b"));
        log.appends.get(0).completeExceptionally(new RuntimeException("broker down"));
        assertTrue(first.isCompletedExceptionally());
        assertTrue(log.remembered.isEmpty());

        CompletableFuture<ArticleIntake.Outcome> again = intake.submit(article("b"));
        assertEquals(2, log.appends.size());
        log.appends.get(1).complete(null);
        assertFalse(again.get().duplicate());
    }

    @Test
    void aWaiterRetriesWhenTheFirstPublicationFails() throws ExecutionException, InterruptedException {
        ManualLog log = new ManualLog();
        ArticleIntake intake = new ArticleIntake(log, new SeenIds(), t -> { });
        CompletableFuture<ArticleIntake.Outcome> first = intake.submit(article("c"));
        CompletableFuture<ArticleIntake.Outcome> second = intake.submit(article("c"));

        log.appends.get(0).completeExceptionally(new RuntimeException("timeout"));
        assertEquals(2, log.appends.size(), "the waiter published it itself");
        log.appends.get(1).complete(null);
        assertTrue(first.isCompletedExceptionally());
        assertFalse(second.get().duplicate());
    }
}
