package io.newsline.contracts.kafka;

import io.newsline.contracts.model.Article;

/** Reads {@link Article} records. */
public class ArticleDeserializer extends JsonDeserializer<Article> {
    public ArticleDeserializer() {
        super(Article.class);
    }
}
