package io.newsline.nlp.messaging;

/** Channel names of nlp-service, shared by the code, {@code application.properties} and the tests. */
public final class Channels {
    /** {@code news.articles.raw}, read as raw bytes so that any record, even one that is not JSON, reaches the processor. */
    public static final String ARTICLES_IN = "articles-in";
    /** {@code news.articles.enriched}. */
    public static final String ENRICHED_OUT = "articles-enriched";

    private Channels() {}
}
