package io.newsline.nlp.pipeline;

import java.util.Locale;
import java.util.Set;

/**
 * Closed English word classes the name rules rely on: function words, personal titles, the nouns that
 * turn a name into a region, a front-line feature or a facility. General English, nothing of any
 * particular corpus.
 */
final class Lexicon {

    private static final Set<String> FUNCTION_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with",
            "as", "into", "onto", "over", "under", "after", "before", "about", "against", "between", "through",
            "during", "without", "within", "near", "amid", "across", "toward", "towards", "than", "then", "so",
            "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
            "would", "can", "could", "may", "might", "must", "shall", "should", "not", "no", "yes", "this", "that",
            "these", "those", "it", "its", "if", "while", "when", "where", "who", "whom", "whose", "which", "what",
            "why", "how", "all", "any", "some", "more", "most", "new", "up", "down", "out", "off", "again", "also",
            "just", "only", "very", "here", "there", "says", "said", "say", "latest", "breaking", "late");

    private static final Set<String> PRONOUNS = Set.of(
            "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "he", "him", "his", "she",
            "her", "hers", "it", "its", "they", "them", "their", "theirs", "this", "that", "these", "those", "who",
            "whom", "one", "someone", "anyone", "everyone", "nobody");

    private static final Set<String> TITLES = Set.of(
            "president", "vice", "prime", "minister", "premier", "chancellor", "governor", "mayor", "deputy",
            "secretary", "senator", "sen.", "rep.", "representative", "congressman", "congresswoman", "ambassador",
            "general", "gen.", "lieutenant", "lt.", "colonel", "col.", "major", "maj.", "captain", "capt.",
            "commander", "admiral", "adm.", "sergeant", "sgt.", "marshal", "chief", "head", "spokesman",
            "spokeswoman", "spokesperson", "king", "queen", "prince", "princess", "pope", "cardinal", "bishop",
            "patriarch", "sheikh", "emir", "sultan", "dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "prof.",
            "professor", "judge", "justice", "lord", "lady", "sir", "dame", "pastor", "rabbi", "imam", "mufti",
            "army", "of", "the", "ex", "former", "acting", "interim", "regional", "military", "blogger", "expert",
            "analyst", "correspondent", "reporter", "journalist", "officer", "official", "leader", "councillor",
            "councilor", "commissioner", "director", "ceo", "chairman", "chairwoman", "chair", "founder");

    private static final Set<String> REGION_NOUNS = Set.of(
            "region", "regions", "oblast", "oblasts", "province", "provinces", "district", "districts", "raion",
            "governorate", "governorates", "prefecture", "prefectures", "county", "counties", "krai", "okrug",
            "municipality", "canton", "state");

    /** Front-line features named after a place. */
    private static final Set<String> FRONT_NOUNS = Set.of("bridgehead", "salient");

    private static final Set<String> FACILITY_NOUNS = Set.of(
            "factory", "plant", "refinery", "mill", "mine", "shipyard", "smelter", "foundry", "distillery",
            "brewery");

    private static final Set<String> COMPASS = Set.of(
            "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast",
            "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
            "central", "front", "flank", "axis");

    /** Head words of institutions that a country or city name belongs to ("U.S. Congress"). */
    private static final Set<String> INSTITUTIONS = Set.of(
            "congress", "parliament", "senate", "ministry", "government", "army", "navy", "police", "council",
            "court", "assembly", "duma", "rada", "cabinet", "administration", "department", "forces", "guard",
            "office", "agency", "service", "committee", "commission", "embassy", "bank", "university");

    /** Nouns after which a name is a weapon's ("Grad systems", "Patriot batteries", "Shahed drones"). */
    private static final Set<String> WEAPON_NOUNS = Set.of(
            "system", "systems", "missile", "missiles", "rocket", "rockets", "launcher", "launchers", "drone",
            "drones", "tank", "tanks", "jet", "jets", "bomber", "bombers", "helicopter",
            "helicopters", "battery", "batteries", "howitzer", "howitzers", "munitions", "shells", "rifle", "rifles");

    private Lexicon() {}

    static boolean isWeaponNoun(String word) {
        return WEAPON_NOUNS.contains(word);
    }

    private static String lower(String word) {
        return word.toLowerCase(Locale.ROOT);
    }

    static boolean isFunctionWord(String word) {
        return FUNCTION_WORDS.contains(lower(word));
    }

    static boolean isPronoun(String word) {
        return PRONOUNS.contains(lower(word));
    }

    static boolean isTitle(String word) {
        String w = lower(word);
        if (TITLES.contains(w)) {
            return true;
        }
        // "General-Colonel", "Lieutenant-General", "ex-President"
        int dash = w.indexOf('-');
        if (dash > 0) {
            for (String part : w.split("-")) {
                if (!part.isEmpty() && !TITLES.contains(part)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static boolean isRegionNoun(String word) {
        return REGION_NOUNS.contains(lower(word));
    }

    static boolean isFrontNoun(String word) {
        return FRONT_NOUNS.contains(lower(word));
    }

    static boolean isFacilityNoun(String word) {
        return FACILITY_NOUNS.contains(word);
    }

    static boolean isCompass(String word) {
        return COMPASS.contains(lower(word));
    }

    static boolean isInstitution(String word) {
        return INSTITUTIONS.contains(lower(word));
    }

    /** "Ukrainian", "British", "Lebanese": an adjective of nationality when the gazetteer has no answer. */
    static boolean looksLikeDemonym(String word) {
        if (word.length() < 4 || !Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        String w = lower(word);
        return w.endsWith("ian") || w.endsWith("ish") || w.endsWith("ese") || w.endsWith("can") || w.endsWith("ean")
                || w.endsWith("ic") || w.endsWith("i") || w.equals("british") || w.equals("french")
                || w.equals("dutch") || w.equals("swiss") || w.equals("greek") || w.equals("thai");
    }

    static boolean isAcronym(String word) {
        if (word.length() < 2 || word.length() > 6) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isUpperCase(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean hasLetter(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetter(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
