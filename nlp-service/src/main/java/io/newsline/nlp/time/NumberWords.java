package io.newsline.nlp.time;

import java.util.Locale;
import java.util.Map;

/**
 * Reads counts written in digits ("3,920", "20") or in English words ("seven", "twenty-one",
 * "two hundred", "a dozen", "three thousand") as news write them.
 */
public final class NumberWords {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("no", 0), Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1),
            Map.entry("single", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("forty", 40),
            Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80),
            Map.entry("ninety", 90), Map.entry("both", 2));

    /** A regular expression for one count, in digits or words (no surrounding groups). */
    public static final String PATTERN = "(?:\\d{1,3}(?:,\\d{3})+|\\d+|(?:(?:a|one|two|three|four|five|six|seven|eight"
            + "|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty"
            + "|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?"
            + "(?:\\s+(?:hundred|thousand)(?:\\s+(?:and\\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven"
            + "|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
            + "|seventy|eighty|ninety)(?:[\\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?)?)?)"
            + "|a\\s+dozen|dozen|a\\s+couple\\s+of|both)";

    private NumberWords() {}

    /** The value of a count, or -1 when the text is not one. */
    public static int parse(String text) {
        if (text == null) {
            return -1;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.matches("\\d{1,3}(,\\d{3})+|\\d+")) {
            try {
                return Integer.parseInt(t.replace(",", ""));
            } catch (NumberFormatException tooLarge) {
                return -1;
            }
        }
        int total = 0;
        int current = 0;
        boolean any = false;
        for (String word : t.split("[\\s-]+")) {
            if (word.equals("and") || word.equals("of")) {
                continue;
            }
            Integer v = UNITS.get(word);
            if (v != null) {
                current += v;
                any = true;
            } else if (word.equals("dozen")) {
                current = Math.max(current, 1) * 12;
                any = true;
            } else if (word.equals("couple")) {
                current = Math.max(current, 1) * 2;
                any = true;
            } else if (word.equals("hundred")) {
                current = Math.max(current, 1) * 100;
                any = true;
            } else if (word.equals("thousand")) {
                total += Math.max(current, 1) * 1000;
                current = 0;
                any = true;
            } else {
                return -1;
            }
        }
        return any ? total + current : -1;
    }
}
