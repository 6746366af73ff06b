package io.newsline.ingest.feeds;

/** A fetched feed that could not be read as RSS 2.0 or Atom. */
public final class FeedFormatException extends RuntimeException {

    public FeedFormatException(String message) {
        super(message);
    }

    public FeedFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
