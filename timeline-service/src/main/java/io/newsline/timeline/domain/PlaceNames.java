package io.newsline.timeline.domain;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Compares place names the way an analyst types them: case, accents and region words do not matter. */
public final class PlaceNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern REGION_WORDS = Pattern.compile(
            "\\b(oblast|region|province|governorate|state|krai|kray|raion|district)\\b");
    private static final Map<String, String> COUNTRY_CODES = countryCodes();

    /** Lower case, no accents, apostrophes and punctuation dropped, single spaces. */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
        s = s.replaceAll("['’ʼ`]", "").replaceAll("[^\\p{L}\\p{N}]+", " ");
        return s.trim();
    }

    /** A region's name without the word saying it is a region: "Kharkiv Oblast" and "Kharkiv region" read alike. */
    public static String regionStem(String name) {
        return REGION_WORDS.matcher(normalize(name)).replaceAll(" ").replaceAll("\\s+", " ").trim();
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
