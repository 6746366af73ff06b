package io.newsline.timeline.domain;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Compares place names the way an analyst types them: case, accents and region words do not matter. */
public final class PlaceNames {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern REGION_WORDS = Pattern.compile(
            "\\b(oblast|region|province|governorate|state|krai|kray|raion|district)\\b");
    private static final Map<String, String> COUNTRY_CODES = countryCodes();

    /**
     * Lower case, no accents, apostrophes and punctuation dropped, single spaces: the letters and digits of the
     * name (after its accents are taken off), each run of anything else one space. A loop over the characters
     * rather than regular expressions: the index reads every name of every event it applies through here.
     */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFD);
        StringBuilder bare = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (!isMark(c)) {
                bare.appendCodePoint(c);
            }
        }
        String lower = bare.toString().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\'' || c == '’' || c == 'ʼ' || c == '`') {
                continue;
            }
            if (Character.isLetter(c) || isNumber(c)) {
                if (gap && out.length() > 0) {
                    out.append(' ');
                }
                gap = false;
                out.appendCodePoint(c);
            } else {
                gap = true;
            }
        }
        return out.toString();
    }

    private static boolean isMark(int c) {
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    private static boolean isNumber(int c) {
        int t = Character.getType(c);
        return t == Character.DECIMAL_DIGIT_NUMBER || t == Character.LETTER_NUMBER || t == Character.OTHER_NUMBER;
    }

    /** A region's name without the word saying it is a region: "Kharkiv Oblast" and "Kharkiv region" read alike. */
    public static String regionStem(String name) {
        return SPACES.matcher(REGION_WORDS.matcher(normalize(name)).replaceAll(" ")).replaceAll(" ").trim();
    }

    public static boolean namesRegion(String name) {
        return REGION_WORDS.matcher(normalize(name)).find();
    }

    /** The ISO country code a name or code stands for ("Ukraine", "ua" → "UA"), or null. */
    public static String countryCode(String nameOrCode) {
        String n = normalize(nameOrCode);
        if (n.length() == 2 && COUNTRY_CODES.containsValue(n.toUpperCase(Locale.ROOT))) {
            return n.toUpperCase(Locale.ROOT);
        }
        return COUNTRY_CODES.get(n);
    }

    private static Map<String, String> countryCodes() {
        Map<String, String> codes = new HashMap<>();
        for (String cc : Locale.getISOCountries()) {
            codes.put(normalize(new Locale.Builder().setRegion(cc).build().getDisplayCountry(Locale.ENGLISH)), cc);
        }
        codes.put("usa", "US");
        codes.put("us", "US");
        codes.put("united states of america", "US");
        codes.put("uk", "GB");
        codes.put("britain", "GB");
        codes.put("great britain", "GB");
        codes.put("russian federation", "RU");
        return codes;
    }

    private PlaceNames() {}
}
