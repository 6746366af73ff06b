package io.newsline.nlp.events;

import io.newsline.contracts.model.Event;
import io.newsline.nlp.domain.AnnotatedArticle;
import java.util.List;

/** Reads the happenings an article reports (strikes, captures, protests, disasters, ...) as events. */
public final class EventExtractor {

    public List<Event> extract(AnnotatedArticle doc) {
        return List.of();
    }
}
