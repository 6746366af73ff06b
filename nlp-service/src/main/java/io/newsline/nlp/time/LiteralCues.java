package io.newsline.nlp.time;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The literal words of a regular expression, used as a cheap gate before running it: when a text
 * contains none of them (case-insensitively), a pattern whose every match holds one of its words
 * cannot match, and the regex engine need not walk the text. Most sentences name no weapon and no
 * date, so this keeps event reading fast.
 */
public final class LiteralCues {

    private static final Pattern WORD = Pattern.compile("(?<![\\\\{])\\p{L}{3,}");

    /**
     * Words that patterns only use around their content words ("took control of the"); a gate made
     * of them would pass nearly every sentence. A pattern must not consist of these alone.
     */
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "and", "with", "from", "into", "for", "that",
            "this", "their", "off", "out", "over", "near", "than", "his", "her", "its", "are", "was", "were", "has",
            "have", "had", "been");

    private final String[] cues;

    private LiteralCues(Set<String> cues) {
        this.cues = cues.toArray(String[]::new);
    }

    /** The words of three or more letters written in the regex (escapes such as {@code \w} excluded). */
    public static LiteralCues of(String regex) {
        Set<String> words = new LinkedHashSet<>();
        String withoutEscapes = regex.replaceAll("\\\\[pP]\\{[^}]*}|\\\\.", " ");
        Matcher m = WORD.matcher(withoutEscapes);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (m.end() < withoutEscapes.length() && "?*".indexOf(withoutEscapes.charAt(m.end())) >= 0) {
                w = w.substring(0, w.length() - 1); // "blasts?" holds "blast"
                if (w.length() < 3) {
                    continue;
                }
            }
            if (!FUNCTION_WORDS.contains(w)) {
                words.add(w);
            }
        }
        return new LiteralCues(words);
    }

    /** Given words only, for patterns whose words are too short to find (years: "19", "20"). */
    public static LiteralCues ofWords(String... words) {
        Set<String> set = new LinkedHashSet<>();
        for (String w : words) {
            set.add(w.toLowerCase(Locale.ROOT));
        }
        return new LiteralCues(set);
    }

    /** Whether the lower-cased text holds one of the cues, so the pattern may match. */
    public boolean mayMatch(String lowerCaseText) {
        for (String c : cues) {
            if (lowerCaseText.contains(c)) {
                return true;
            }
        }
        return cues.length == 0;
    }
}
