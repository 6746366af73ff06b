package io.newsline.nlp.events;

import io.newsline.contracts.model.Attribution;
import io.newsline.contracts.model.EntityType;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds who a sentence says a happening is reported by ("according to TASS", "the governor said",
 * "Syniehubov wrote on Telegram") and whether the report is hedged ("reportedly", "claimed",
 * "could not be independently verified").
 */
public final class AttributionFinder {

    /** A name in the sentence, with offsets relative to the sentence. */
    public record Name(String text, EntityType type, int start, int end) {}

    private static final Pattern ACCORDING_TO = Pattern.compile(
            "(?i)\\b(?:according\\s+to|citing|cited\\s+by|quoted\\s+by|as\\s+reported\\s+by|reported\\s+by|said\\s+by)\\s+");
    private static final Pattern SPEECH = Pattern.compile(
            "(?i)\\b(?:said|says|told|tells|reported|reports|announced|announces|claimed|claims|stated|states|stating"
                    + "|wrote|writes|posted|confirmed|confirms|added|noted|tweeted|declared|alleged|alleges|insisted"
                    + "|asserted|warned|estimated|acknowledged|denied|informed|explained|saying|announcing|claiming)\\b");
    /** Who, without a name, says things in news: "the governor said", "police said". */
    private static final Pattern ROLE = Pattern.compile(
            "(?i)\\b((?:the\\s+)?(?:(?:regional|local|city|military|defen[cs]e|foreign|interior|health|state|emergency"
                    + "|Ukrainian|Russian|[A-Z][a-z]+(?:n|ian|ese|i|ish))\\s+){0,2}(?:governor|mayor|police|officials?"
                    + "|authorities|ministry|military|army|spokes(?:man|woman|person)|prosecutors?|government|witnesses"
                    + "|residents|sources?|media|officers?|commander|administration|president|minister|agency|service"
                    + "|forces|command|staff|emergency\\s+services?))\\s*$");
    private static final Pattern HEDGE = Pattern.compile(
            "(?i)\\b(?:reportedly|allegedly|alleged|claim(?:ed|s|ing)?|unconfirmed|unverified|purportedly|purported"
                    + "|could\\s+not\\s+(?:be\\s+)?(?:independently\\s+)?(?:verified|confirmed|verify|confirm)"
                    + "|cannot\\s+(?:be\\s+)?(?:independently\\s+)?(?:verified|confirmed|verify|confirm)"
                    + "|(?:has|have|had)\\s+not\\s+(?:yet\\s+)?(?:been\\s+)?(?:independently\\s+)?(?:verified|confirmed)"
                    + "|not\\s+(?:been\\s+)?independently\\s+(?:verified|confirmed)|said\\s+to\\s+(?:be|have)"
                    + "|(?:is|are|was|were)\\s+believed|apparently|rumou?r(?:s|ed)?|if\\s+accurate|if\\s+true"
                    + "|appear(?:s|ed)?\\s+to|suggest(?:s|ed)?|may\\s+have)\\b");

    public Attribution find(String sentence, List<Name> names) {
        return new Attribution(source(sentence, names), hedged(sentence));
    }

    public boolean hedged(String sentence) {
        return HEDGE.matcher(sentence).find();
    }

    String source(String s, List<Name> names) {
        Matcher according = ACCORDING_TO.matcher(s);
        if (according.find()) {
            int from = according.end();
            int to = clauseEnd(s, from);
            Name named = firstName(names, from, to);
            if (named != null) {
                return named.text();
            }
            return shortPhrase(s.substring(from, to));
        }
        Matcher speech = SPEECH.matcher(s);
        while (speech.find()) {
            // "..., Syniehubov wrote": the nearest name before the verb, in the same clause.
            int clauseStart = clauseStartBefore(s, speech.start());
            Name before = lastName(names, clauseStart, speech.start());
            if (before != null && s.substring(before.end(), speech.start()).split("\\s+").length <= 12) {
                return before.text();
            }
            Matcher role = ROLE.matcher(s.substring(clauseStart, speech.start()));
            if (role.find()) {
                return role.group(1).replaceFirst("(?i)^the\\s+", "").trim();
            }
            // "..., said Oleh Syniehubov" / "said the governor": the name right after the verb.
            Name after = firstName(names, speech.end(), Math.min(s.length(), speech.end() + 40));
            if (after != null && s.substring(speech.end(), after.start()).trim().split("\\s+").length <= 4) {
                return after.text();
            }
            // A speaker named earlier in the sentence: "X provided an assessment, stating that ...".
            Name subject = firstName(names, 0, speech.start());
            if (subject != null && speech.group().toLowerCase(Locale.ROOT).endsWith("ing")) {
                return subject.text();
            }
        }
        return null;
    }

    private static Name firstName(List<Name> names, int from, int to) {
        Name best = null;
        for (Name n : names) {
            if (isSpeaker(n) && n.start() >= from && n.start() < to && (best == null || n.start() < best.start())) {
                best = n;
            }
        }
        return best;
    }

    private static Name lastName(List<Name> names, int from, int to) {
        Name best = null;
        for (Name n : names) {
            if (isSpeaker(n) && n.start() >= from && n.end() <= to && (best == null || n.start() > best.start())) {
                best = n;
            }
        }
        return best;
    }

    private static boolean isSpeaker(Name n) {
        return n.type() == EntityType.PERSON || n.type() == EntityType.ORGANIZATION || n.type() == EntityType.MISC;
    }

    private static int clauseEnd(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean abbreviation = c == '.' && i > 0 && Character.isUpperCase(s.charAt(i - 1))
                    && (i < 2 || !Character.isLetter(s.charAt(i - 2)) || s.charAt(i - 2) == '.');
            if (c == ',' || c == ';'
                    || c == '.' && !abbreviation && (i + 1 == s.length() || Character.isWhitespace(s.charAt(i + 1)))) {
                return i;
            }
        }
        return s.length();
    }

    private static int clauseStartBefore(String s, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == ';' || c == ':' || c == '“' || c == '”' || c == '"') {
                return i + 1;
            }
        }
        return 0;
    }

    /** At most six words of an unnamed source: "a Facebook post from the Air Force". */
    private static String shortPhrase(String text) {
        String[] words = text.trim().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(6, words.length); i++) {
            b.append(i == 0 ? "" : " ").append(words[i]);
        }
        return b.toString();
    }
}
