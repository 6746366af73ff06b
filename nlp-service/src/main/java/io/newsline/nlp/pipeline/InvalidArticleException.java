package io.newsline.nlp.pipeline;

/** The input is not an Article the pipeline can enrich (a required field missing or out of bounds). */
public final class InvalidArticleException extends RuntimeException {
    private final String field;

    public InvalidArticleException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The Article field at fault. */
    public String field() {
        return field;
    }
}
