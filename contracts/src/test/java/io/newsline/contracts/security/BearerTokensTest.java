package io.newsline.contracts.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokensTest {

    @Test
    void acceptsEveryTokenOfTheListSoTheyCanRotate() {
        BearerTokens tokens = BearerTokens.parse(" old-token , new-token,,");

        assertEquals(2, tokens.size());
        assertTrue(tokens.accepts("old-token"));
        assertTrue(tokens.accepts("new-token"));
    }

    @Test
    void refusesUnknownEmptyAndNearMissTokens() {
        BearerTokens tokens = BearerTokens.parse("s3cret");

        assertFalse(tokens.accepts("s3cre"));
        assertFalse(tokens.accepts("s3cret "));
        assertFalse(tokens.accepts("S3CRET"));
        assertFalse(tokens.accepts(""));
        assertFalse(tokens.accepts(null));
    }

    @Test
    void noConfiguredTokenAcceptsNothing() {
        assertTrue(BearerTokens.parse((String) null).isEmpty());
        assertTrue(BearerTokens.parse(Optional.of(" , ")).isEmpty());
        assertFalse(BearerTokens.parse("").accepts("anything"));
    }

    @Test
    void readsTheBearerSchemeCaseInsensitively() {
        BearerTokens tokens = BearerTokens.parse("abc");

        assertTrue(tokens.acceptsHeader("Bearer abc"));
        assertTrue(tokens.acceptsHeader("bearer abc"));
        assertFalse(tokens.acceptsHeader("Basic abc"));
        assertFalse(tokens.acceptsHeader("Bearer "));
        assertFalse(tokens.acceptsHeader("abc"));
        assertFalse(tokens.acceptsHeader(null));
    }

    @Test
    void neverPrintsTheTokens() {
        BearerTokens tokens = BearerTokens.parse("very-secret-value");

        assertFalse(tokens.toString().contains("very-secret-value"));
        assertFalse(BearerTokens.fingerprint("very-secret-value").contains("secret"));
    }

    @Test
    void fingerprintsAreStableAndDistinct() {
        assertEquals(BearerTokens.fingerprint("a"), BearerTokens.fingerprint("a"));
        assertNotEquals(BearerTokens.fingerprint("a"), BearerTokens.fingerprint("b"));
        assertEquals(12, BearerTokens.fingerprint("a").length());
    }

    @Test
    void withReadTokensSetAWriteTokenReadsTooAndNothingElseDoes() {
        BearerTokens readers = BearerTokens.readers(Optional.of("reader-1"), Optional.of("writer-1,writer-2"));

        assertTrue(readers.allowsHeader("Bearer reader-1"));
        assertTrue(readers.allowsHeader("Bearer writer-2"));
        assertFalse(readers.allowsHeader("Bearer someone-else"));
        assertFalse(readers.allowsHeader(null));
    }

    @Test
    void withoutReadTokensReadsAreOpenWhateverTheWriteTokens() {
        BearerTokens readers = BearerTokens.readers(Optional.empty(), Optional.of("writer-1"));

        assertTrue(readers.isEmpty());
        assertTrue(readers.allowsHeader(null));
        assertTrue(readers.allowsHeader("Bearer anything"));
    }
}
