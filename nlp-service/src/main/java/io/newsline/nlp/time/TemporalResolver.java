package io.newsline.nlp.time;

import java.time.OffsetDateTime;
import java.util.List;

/** Finds time expressions in English news text and resolves them against the publication time. */
public final class TemporalResolver {

    /** Time expressions in this text, resolved against the publication time. */
    public List<TimeExpression> find(String text, OffsetDateTime published) {
        return List.of();
    }
}
