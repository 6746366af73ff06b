package io.newsline.nlp.pipeline;

/**
 * A word of a sentence with its UTF-16 offsets in the field's text and the entity label the
 * recogniser (then the rules) gave it: {@code PERSON}, {@code ORGANIZATION}, {@code LOCATION},
 * {@code MISC} or {@code O}.
 */
final class Token {
    static final String OUTSIDE = "O";

    final String word;
    final int start;
    final int end;
    String label;
    /** The dictionary form to look the word up by, where a morphology gave one ("Харкові" -> "Харків"); else null. */
    String lemma;
    /** Whether a name starts at this word, so a run of one label holds two names ("Краматорськ" "Донецької області"). */
    boolean begins;

    Token(String word, int start, int end, String label) {
        this.word = word;
        this.start = start;
        this.end = end;
        this.label = label;
    }

    String lookupForm() {
        return lemma == null ? word : lemma;
    }

    boolean isOutside() {
        return OUTSIDE.equals(label);
    }

    boolean isCapitalised() {
        return !word.isEmpty() && Character.isUpperCase(word.codePointAt(0));
    }

    @Override
    public String toString() {
        return word + "/" + label;
    }
}
