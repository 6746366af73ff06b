package io.newsline.nlp.events;

/** Where clauses begin and end within a sentence: commas (not those inside "14,000"), semicolons, dashes, brackets. */
final class Clauses {

    private Clauses() {}

    /**
     * The clause a span stands in: "After weeks of heavy fighting, troops have taken the city" is an
     * account of a capture, whatever the first clause says about the weeks before.
     */
    static String around(String text, int start, int end) {
        return text.substring(start(text, start), end(text, end));
    }

    /** The first character of the clause holding offset {@code at}. */
    static int start(String text, int at) {
        int from = at;
        while (from > 0 && !isBreak(text, from - 1)) {
            from--;
        }
        return from;
    }

    /** The end (exclusive) of the clause holding offset {@code at}. */
    static int end(String text, int at) {
        int to = at;
        while (to < text.length() && !isBreak(text, to)) {
            to++;
        }
        return to;
    }

    static boolean isBreak(String text, int i) {
        char c = text.charAt(i);
        if (c == ',') {
            // "14,000" is one number, not two clauses
            return !(i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
                    && Character.isDigit(text.charAt(i + 1)));
        }
        return c == ';' || c == ':' || c == '—' || c == '–' || c == '(' || c == ')';
    }
}
