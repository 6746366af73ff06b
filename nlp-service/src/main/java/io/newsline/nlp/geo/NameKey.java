package io.newsline.nlp.geo;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Search keys for place names. {@link #fold} gives the key two spellings share when they differ only
 * in case, diacritics, apostrophes, punctuation or the common English transliteration choices
 * (y/i, kh/h, ts/c, ye/e, doubled letters): "Kup'yans'k", "Kupiansk" and "Kupyansk" fold alike.
 * Cyrillic names keep their letters, lower-cased, with й and ї folded to и and і as NFKD does, so the
 * Ukrainian and Russian names GeoNames lists match the text's forms.
 * {@link #variantKey} is looser (the consonant skeleton, -iv/-ov, zh/z, g/h, a Ukrainian prothetic v) and
 * is only used to propose candidates that an edit-distance check then confirms.
 */
final class NameKey {
    private NameKey() {}

    /** Latin letters without diacritics; characters NFKD does not decompose are mapped by hand. */
    static String toAscii(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 128;
        }
        if (ascii) {
            return s;
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            switch (c) {
                case 'ł' -> b.append('l');
                case 'Ł' -> b.append('L');
                case 'ø' -> b.append('o');
                case 'Ø' -> b.append('O');
                case 'đ', 'ð' -> b.append('d');
                case 'Đ', 'Ð' -> b.append('D');
                case 'ß' -> b.append("ss");
                case 'æ' -> b.append("ae");
                case 'Æ' -> b.append("Ae");
                case 'œ' -> b.append("oe");
                case 'Œ' -> b.append("Oe");
                case 'ı' -> b.append('i');
                case 'þ' -> b.append("th");
                case 'Þ' -> b.append("Th");
                case 'ħ' -> b.append('h');
                case 'Ħ' -> b.append('H');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Lower-case words of letters and digits; apostrophes and dots vanish ("U.S." -> "us", "Kup'yans'k" -> "kupyansk"). */
    static String plainWords(String s) {
        String a = toAscii(s);
        StringBuilder b = new StringBuilder(a.length());
        boolean space = true;
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b.append(c);
                space = false;
            } else if (isCyrillicLetter(c)) {
                b.append(Character.toLowerCase(c));     // Ukrainian and Russian names are looked up as written
                space = false;
            } else if (isApostrophe(c) || c == '.') {
                // joined: "Kup'yans'k" is one word
            } else if (!space) {
                b.append(' ');
                space = true;
            }
        }
        int n = b.length();
        if (n > 0 && b.charAt(n - 1) == ' ') {
            b.setLength(n - 1);
        }
        String out = b.toString();
        return out.startsWith("the ") ? out.substring(4) : out;
    }

    private static boolean isCyrillicLetter(char c) {
        return c >= '\u0400' && c <= '\u04FF' && Character.isLetter(c);
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == '‘' || c == 'ʼ' || c == 'ʹ' || c == '`' || c == '´' || c == '"'
                || c == '”' || c == '“' || c == 'ʻ';
    }

    /** The exact search key. */
    static String fold(String s) {
        String w = plainWords(s);
        if (w.isEmpty()) {
            return w;
        }
        StringBuilder out = new StringBuilder(w.length());
        for (String word : w.split(" ")) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(foldWord(expandAbbreviation(word)));
        }
        return out.toString();
    }

    private static String expandAbbreviation(String word) {
        return switch (word) {
            case "st" -> "saint";
            case "ste" -> "sainte";
            case "mt" -> "mount";
            case "ft" -> "fort";
            // French/Spanish compass words in GeoNames region names: "Nord Kivu" is North Kivu
            case "nord", "norte" -> "north";
            case "sud" -> "south";
            case "ouest" -> "west";
            // the Arabic article, written al- or el-: "Deir el-Balah" is "Deir al-Balah"
            case "el" -> "al";
            default -> word;
        };
    }

    // One pass instead of chained replace(): this runs for about a million names at start.
    private static String foldWord(String w) {
        StringBuilder b = new StringBuilder(w.length());
        int n = w.length();
        for (int i = 0; i < n; i++) {
            char c = w.charAt(i);
            char next = i + 1 < n ? w.charAt(i + 1) : 0;
            char out = c;
            if (c == 's' && w.startsWith("shch", i)) {
                out = 's';
                b.append(out);
                out = 'h';
                i += 3;
            } else if (c == 's' && next == 'c' && i + 2 < n && w.charAt(i + 2) == 'h') {
                b.append('s');
                out = 'h';
                i += 2;
            } else if (c == 'k' && next == 'h') {
                out = 'h';
                i++;
            } else if (c == 't' && next == 's') {
                out = 'c';
                i++;
            } else if (c == 'y') {
                out = 'i';
            }
            int last = b.length() - 1;
            if (last >= 0 && b.charAt(last) == out) {
                continue;                                  // doubled letters: Tallinn ~ Tallin
            }
            if (out == 'e' && last >= 0 && b.charAt(last) == 'i') {
                b.setCharAt(last, 'e');                    // ye/ie: Sievierodonetsk ~ Severodonetsk
                continue;
            }
            b.append(out);
        }
        return b.toString();
    }

    /** The loose key of an already folded name; null when too short to be telling. */
    static String variantKey(String folded) {
        StringBuilder out = new StringBuilder(folded.length());
        int consonants = 0;
        for (String word : folded.split(" ")) {
            // South Asian names are romanised with or without the aspirates' h: Jhalakathi ~ Jhalokati, Dhaka ~ Daka
            String w = word.replace("th", "t").replace("dh", "d").replace("bh", "b").replace("zh", "z").replace('j', 'i').replace('g', 'h').replace('w', 'v')
                    .replace("ph", "f").replace("ck", "k").replace('q', 'k').replace('x', 'k');
            if (w.length() > 2 && w.charAt(0) == 'v' && isVowel(w.charAt(1))) {
                // Ukrainian puts a prothetic v before a word-initial u or o where Russian has none
                // (Vuhledar ~ Ugledar, vulytsia ~ ulitsa): Russian and Ukrainian spellings of one place.
                w = w.substring(1);
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            int startLen = out.length();
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (i > 0 && isVowel(c)) {
                    continue;
                }
                if (out.length() > startLen && out.charAt(out.length() - 1) == c) {
                    continue;
                }
                if (!isVowel(c)) {
                    consonants++;
                }
                out.append(c);
            }
        }
        return consonants >= 3 ? out.toString() : null;
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    /** Levenshtein distance, bounded: returns max+1 as soon as it must exceed max. */
    static int editDistance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
