package io.newsline.nlp.events;

import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.Place;
import io.newsline.nlp.domain.AnnotatedArticle;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads the happenings an article reports (strikes, captures, protests, disasters, ...) as events, in
 * stages: {@link SentenceReader} reads each sentence, {@link HappeningClassifier} and {@link Factuality}
 * say what it reports and whether it is an account of something that happened, {@link PlaceChooser}
 * says where, {@link HappeningLinker} gathers the sentences of one happening, and {@link EventBuilder}
 * makes the event.
 */
public final class EventExtractor {

    /** Events of an English article. */
    public List<Event> extract(AnnotatedArticle doc) {
        return extract(doc, "en");
    }

    /** Events of an article in a language Newsline reads ("en", or one of {@code Morphology.LANGUAGES}). */
    public List<Event> extract(AnnotatedArticle doc, String language) {
        if (doc == null || doc.sentences() == null || doc.sentences().isEmpty()) {
            return List.of();
        }
        EventCues cues = EventCues.of(language);
        SentenceReader reader = new SentenceReader(cues);
        HappeningLinker linker = new HappeningLinker(cues);
        OffsetDateTime published = SentenceReader.publishedOf(doc);
        List<Reading> readings = reader.read(doc, published);
        Place main = PlaceChooser.mainPlace(doc, readings);
        String articleKey = doc.article() == null ? "" : Objects.toString(doc.article().id(),
                Objects.toString(doc.article().title(), ""));
        List<Event> events = new ArrayList<>();
        for (Happening h : linker.link(readings, main, published)) {
            events.add(EventBuilder.build(h, articleKey, doc));
        }
        return List.copyOf(events);
    }
}
