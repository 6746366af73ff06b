package io.newsline.nlp.pipeline;

import io.newsline.nlp.domain.Sentence;
import java.util.List;

/** A sentence with its labelled tokens; the recogniser's working form before mentions are read off. */
record TaggedSentence(int index, String field, int start, int end, List<Token> tokens) {

    Sentence toSentence(String fieldText) {
        return new Sentence(index, field, start, end, fieldText.substring(start, end));
    }
}
