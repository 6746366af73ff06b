package io.newsline.contracts.kafka;

import io.newsline.contracts.model.EnrichedArticle;

/** Reads {@link EnrichedArticle} records. */
public class EnrichedArticleDeserializer extends JsonDeserializer<EnrichedArticle> {
    public EnrichedArticleDeserializer() {
        super(EnrichedArticle.class);
    }
}
