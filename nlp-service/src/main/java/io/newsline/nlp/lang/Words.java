package io.newsline.nlp.lang;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a text with their lemmas, so that cues are matched by lemma whatever the case a language
 * inflects them in ("обстрілу", "обстрілами" are both "обстріл"). Numbers written in digits are words too.
 */
public final class Words {

    /** One word: its offsets, its lower-case form, its lemmas (lower case, the form itself included) and readings. */
    public record Word(int start, int end, String text, String lower, Set<String> lemmas, List<Analysis> readings) {

        public boolean isNumber() {
            return Character.isDigit(text.charAt(0));
        }

        public boolean hasLemma(Set<String> wanted) {
            for (String l : lemmas) {
                if (wanted.contains(l)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether some reading's tag holds the piece. */
        public boolean tagged(String piece) {
            return readings.stream().anyMatch(a -> a.has(piece));
        }
    }

    private static final Pattern WORD = Pattern.compile("\\d+|[\\p{L}\\p{M}](?:[\\p{L}\\p{M}'ʼ’-]*[\\p{L}\\p{M}])?");

    private Words() {}

    /** The words of a text in order. */
    public static List<Word> of(String text, Morphology morphology) {
        List<Word> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            String lower = Morphology.normalisedApostrophes(w.toLowerCase(Locale.ROOT));
            Set<String> lemmas = new LinkedHashSet<>();
            lemmas.add(lower);
            List<Analysis> readings = new ArrayList<>();
            if (!Character.isDigit(w.charAt(0))) {
                readings.addAll(morphology.analyse(w));
                int dash = w.lastIndexOf('-');
                if (readings.isEmpty() && dash > 0 && dash < w.length() - 1) {
                    // "FPV-дронів": the part after the hyphen is the word the dictionary knows.
                    readings.addAll(morphology.analyse(w.substring(dash + 1)));
                }
                for (Analysis a : readings) {
                    lemmas.add(Morphology.normalisedApostrophes(a.lemma().toLowerCase(Locale.ROOT)));
                }
            }
            out.add(new Word(m.start(), m.end(), w, lower, Set.copyOf(lemmas), List.copyOf(readings)));
        }
        return out;
    }
}
