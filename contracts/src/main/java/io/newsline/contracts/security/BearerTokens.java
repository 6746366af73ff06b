package io.newsline.contracts.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The set of bearer tokens a service accepts, parsed from a comma-separated list such as
 * {@code NEWSLINE_TOKENS} or {@code NEWSLINE_READ_TOKENS}; several at once so they rotate without downtime.
 *
 * <p>Only SHA-256 digests of the tokens are kept. A presented token is digested and compared with
 * {@link MessageDigest#isEqual} against every configured digest, without stopping at the first match,
 * so neither the content nor the length of a valid token leaks through timing. The tokens themselves
 * are never printed: {@link #toString()} shows only how many there are.
 */
public final class BearerTokens {

    private static final String SCHEME = "Bearer ";

    private final List<byte[]> digests;

    private BearerTokens(List<byte[]> digests) {
        this.digests = List.copyOf(digests);
    }

    /** Parses a comma-separated list; blanks around tokens and empty entries are ignored; null gives no tokens. */
    public static BearerTokens parse(String commaSeparated) {
        List<byte[]> digests = new ArrayList<>();
        if (commaSeparated != null) {
            for (String token : commaSeparated.split(",")) {
                String trimmed = token.strip();
                if (!trimmed.isEmpty()) {
                    digests.add(digest(trimmed));
                }
            }
        }
        return new BearerTokens(digests);
    }

    /** Parses an optional list, as a config mapping hands it over. */
    public static BearerTokens parse(Optional<String> commaSeparated) {
        return parse(commaSeparated.orElse(null));
    }

    /**
     * The tokens that may read, by the one rule every service follows: none when no read token is
     * configured (reads are open); otherwise the read tokens and the write tokens, because whoever may
     * write may also read.
     */
    public static BearerTokens readers(Optional<String> readTokens, Optional<String> writeTokens) {
        BearerTokens read = parse(readTokens);
        if (read.isEmpty()) {
            return read;
        }
        List<byte[]> both = new ArrayList<>(read.digests);
        both.addAll(parse(writeTokens).digests);
        return new BearerTokens(both);
    }

    /** For reads: true when no token is needed, else whether the {@code Authorization} header carries one. */
    public boolean allowsHeader(String authorizationHeader) {
        return isEmpty() || acceptsHeader(authorizationHeader);
    }

    /** True when no token is configured (for read tokens: reads are open). */
    public boolean isEmpty() {
        return digests.isEmpty();
    }

    /** How many distinct entries were configured. */
    public int size() {
        return digests.size();
    }

    /** Whether the presented token is one of the configured ones; null or empty is never accepted. */
    public boolean accepts(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] candidate = digest(presented);
        boolean match = false;
        for (byte[] known : digests) {
            // No early exit: the time taken does not depend on which token matched.
            match |= MessageDigest.isEqual(known, candidate);
        }
        return match;
    }

    /**
     * The token of an {@code Authorization} header value ({@code Bearer <token>}, scheme case-insensitive),
     * or empty when the header is absent or uses another scheme.
     */
    public static Optional<String> fromAuthorizationHeader(String headerValue) {
        if (headerValue == null || headerValue.length() <= SCHEME.length()
                || !headerValue.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = headerValue.substring(SCHEME.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** Whether the {@code Authorization} header value carries an accepted bearer token. */
    public boolean acceptsHeader(String authorizationHeader) {
        return fromAuthorizationHeader(authorizationHeader).map(this::accepts).orElse(false);
    }

    /**
     * A short, non-reversible label for a token, for per-token rate limits and logs: the first
     * 12 hex digits of its SHA-256. Never the token itself.
     */
    public static String fingerprint(String token) {
        byte[] d = digest(token);
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 6; i++) {
            sb.append(Character.forDigit((d[i] >> 4) & 0xF, 16)).append(Character.forDigit(d[i] & 0xF, 16));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "BearerTokens[" + digests.size() + " configured, values redacted]";
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
