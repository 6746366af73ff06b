package io.newsline.nlp.lang;

/** One reading of a word by a morphological dictionary: its lemma and the dictionary's tag. */
public record Analysis(String lemma, String tag) {

    boolean has(String piece) {
        return !piece.isEmpty() && tag != null && tag.contains(piece);
    }
}
