package io.newsline.nlp.pipeline;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells the language of an article that does not say it, well enough to know which recogniser can read
 * it: the script first, then which language's most frequent words the text uses. Ukrainian and Russian
 * share the Cyrillic script and most letters, so between them the letters only one of them has and their
 * own function words decide.
 */
public final class LanguageDetector {

    /** The answer when the text gives too little to go on. */
    public static final String UNDETERMINED = "und";

    private static final Map<String, Set<String>> STOP_WORDS = Map.of(
            "en", Set.of("the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "by",
                    "it", "at", "from", "his", "her", "are", "have", "has", "were", "said", "which", "their"),
            "de", Set.of("der", "die", "und", "das", "ist", "nicht", "mit", "sich", "auf", "den", "ein", "eine",
                    "dem", "des", "im", "von", "zu", "wurde", "auch", "sie"),
            "fr", Set.of("le", "la", "les", "et", "des", "du", "une", "est", "dans", "que", "pour", "qui", "pas",
                    "sur", "au", "avec", "ont", "été", "il", "elle"),
            "es", Set.of("el", "la", "los", "las", "y", "del", "que", "en", "por", "con", "una", "para", "es",
                    "se", "fue", "al", "como", "su", "sus", "han"),
            "it", Set.of("il", "della", "che", "di", "e", "per", "con", "una", "sono", "non", "gli", "nel", "alla",
                    "dei", "è", "stato", "anche", "delle", "ha", "le"),
            "pt", Set.of("o", "os", "da", "do", "das", "dos", "que", "não", "uma", "com", "para", "em", "foi",
                    "é", "ao", "pelo", "pela", "mais", "se", "seu"),
            "nl", Set.of("de", "het", "een", "en", "van", "is", "niet", "op", "dat", "met", "voor", "zijn",
                    "werd", "ook", "aan", "bij", "door", "naar", "hij", "zij"));

    /** Letters only Ukrainian writes, and letters only Russian writes. */
    private static final String UKRAINIAN_LETTERS = "іїєґ";
    private static final String RUSSIAN_LETTERS = "ыэъё";
    private static final double LETTER_WEIGHT = 2;
    private static final double WORD_WEIGHT = 3;
    private static final double PLAIN_LETTER_LEAN = Math.log(0.977 / 0.935);

    /**
     * Frequent words of one of the two and not the other (shared ones such as "на", "не", "до" are left out).
     * "и" is Russian's "and" but in Ukrainian only a letter; "і", "й", "та" are Ukrainian's.
     */
    private static final Set<String> UKRAINIAN_WORDS = Set.of("і", "й", "та", "що", "від", "як", "це", "був", "була",
            "було", "були", "який", "яка", "які", "також", "під", "після", "між", "її", "їх", "ще", "вже", "внаслідок",
            "унаслідок", "через", "або", "щодо", "із", "зі", "ні", "його", "сьогодні", "вчора", "учора", "області",
            "загинули", "поранено", "людей", "року");
    private static final Set<String> RUSSIAN_WORDS = Set.of("и", "что", "как", "это", "был", "была", "было", "были",
            "который", "которая", "которые", "также", "под", "после", "между", "её", "их", "ещё", "уже", "результате",
            "или", "из", "он", "она", "они", "его", "сегодня", "вчера", "области", "погибли", "ранены", "человек",
            "года", "во", "со", "об");

    private LanguageDetector() {}

    /** A BCP-47 primary language subtag, or {@link #UNDETERMINED}. */
    public static String detect(String text) {
        if (text == null || text.isBlank()) {
            return UNDETERMINED;
        }
        String sample = text.length() > 20_000 ? text.substring(0, 20_000) : text;
        String script = dominantScript(sample);
        if (script != null) {
            return script;
        }
        Map<String, Integer> hits = new HashMap<>();
        int words = 0;
        for (String w : sample.toLowerCase(Locale.ROOT).split("[^\\p{L}']+")) {
            if (w.isEmpty()) {
                continue;
            }
            words++;
            for (Map.Entry<String, Set<String>> e : STOP_WORDS.entrySet()) {
                if (e.getValue().contains(w)) {
                    hits.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        String best = UNDETERMINED;
        int bestHits = 0;
        for (Map.Entry<String, Integer> e : hits.entrySet()) {
            if (e.getValue() > bestHits) {
                best = e.getKey();
                bestHits = e.getValue();
            }
        }
        // Running text in any of these languages is at least a tenth function words; garble is not.
        return words >= 3 && bestHits * 10 >= words ? best : UNDETERMINED;
    }

    /** Non-Latin scripts settle the question at once. */
    private static String dominantScript(String text) {
        Map<Character.UnicodeScript, Integer> counts = new HashMap<>();
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            counts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
        }
        if (letters == 0) {
            return UNDETERMINED;
        }
        Character.UnicodeScript top = Character.UnicodeScript.LATIN;
        int topCount = counts.getOrDefault(top, 0);
        for (Map.Entry<Character.UnicodeScript, Integer> e : counts.entrySet()) {
            if (e.getValue() > topCount) {
                top = e.getKey();
                topCount = e.getValue();
            }
        }
        return switch (top) {
            case LATIN -> null;
            case CYRILLIC -> ukrainianOrRussian(text);
            case ARABIC -> "ar";
            case HEBREW -> "he";
            case GREEK -> "el";
            case HAN -> "zh";
            case HIRAGANA, KATAKANA -> "ja";
            case HANGUL -> "ko";
            case DEVANAGARI -> "hi";
            case THAI -> "th";
            case ARMENIAN -> "hy";
            case GEORGIAN -> "ka";
            default -> UNDETERMINED;
        };
    }

    /**
     * Weighs the evidence for each. A letter of one language only is strong evidence (2) but not proof, since
     * texts quote names in the other language ("Харківщина" in a Russian report); a function word of one only
     * weighs 3. Every other Cyrillic letter leans a little towards Russian: Ukrainian's own letters are some
     * 6.5 % of its letters and Russian's some 2.3 % of its, so a stretch without either is likelier Russian
     * (the log of 0.935 / 0.977 per letter). A Russian headline often has none of its own letters.
     */
    static String ukrainianOrRussian(String text) {
        double score = 0;
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (UKRAINIAN_LETTERS.indexOf(c) >= 0) {
                score += LETTER_WEIGHT;
            } else if (RUSSIAN_LETTERS.indexOf(c) >= 0) {
                score -= LETTER_WEIGHT;
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC) {
                score -= PLAIN_LETTER_LEAN;
            }
        }
        for (String w : lower.split("[^\\p{L}'ʼ’]+")) {
            if (UKRAINIAN_WORDS.contains(w)) {
                score += WORD_WEIGHT;
            } else if (RUSSIAN_WORDS.contains(w)) {
                score -= WORD_WEIGHT;
            }
        }
        return score > 0 ? "uk" : "ru";
    }
}
