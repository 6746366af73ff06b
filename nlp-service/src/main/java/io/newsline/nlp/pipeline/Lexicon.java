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
            "just", "only", "very", "here", "there", "says", "said", "say");

    /**
     * Kickers news puts before a headline or a paragraph ("BREAKING:", "Late-Breaking:", "UPDATE 12:39pm",
     * "LIVE:", "EXCLUSIVE:"): site matter, never part of a name.
     */
    private static final Set<String> KICKERS = Set.of(
            "breaking", "late", "latest", "update", "updated", "updates", "live", "exclusive", "developing", "watch",
            "analysis", "explainer", "opinion", "editorial", "factbox", "timeline", "pictured", "photos", "video");

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
            "army", "of", "the", "ex", "former", "acting", "interim", "regional", "military", "officer", "official",
            "leader", "councillor", "councilor", "commissioner", "director", "ceo", "chairman", "chairwoman", "chair",
            "founder",
            // Role nouns news writes before a name like a title ("military blogger Ivan Petrov", "analyst Jane Roe").
            "blogger", "expert", "analyst", "correspondent", "reporter", "journalist", "activist", "lawyer",
            "attorney", "economist", "historian", "photographer", "editor", "columnist", "presenter", "anchor",
            "researcher", "scientist", "seismologist", "meteorologist", "witness", "resident", "survivor", "doctor",
            "nurse", "medic", "paramedic", "volunteer", "rescuer", "pilot", "soldier", "commentator", "poet",
            "writer", "singer", "actor", "actress", "footballer", "coach", "striker", "businessman", "businesswoman",
            "tycoon", "oligarch", "billionaire", "opposition", "candidate", "lawmaker", "legislator", "mp", "mep",
            "envoy", "diplomat", "negotiator", "prosecutor", "inspector", "superintendent", "constable",
            "sheriff", "warden", "detective", "agent", "miss", "mallam", "alhaji", "hon", "hon.");

    private static final Set<String> REGION_NOUNS = Set.of(
            "region", "regions", "oblast", "oblasts", "province", "provinces", "district", "districts", "raion",
            "governorate", "governorates", "prefecture", "prefectures", "county", "counties", "krai", "okrug",
            "municipality", "municipalities", "canton", "state", "regency", "commune", "parish", "rayon",
            // Ukraine's territorial communities (hromadas), named after their centre: "the Bilohirka community"
            "community", "communities", "hromada", "hromadas",
            // the built-up area around a city: "the Lviv agglomeration", "the Manila metropolitan area"
            "agglomeration", "conurbation");

    /** Front-line features named after a place: "the Kherson bridgehead", "the Kursk salient", "the Bakhmut pocket". */
    private static final Set<String> FRONT_NOUNS = Set.of("bridgehead", "salient", "pocket", "cauldron", "foothold",
            "bulge");

    /** Natural features named by a proper name: "the Poyo ravine", "the Siverskyi Donets river", "Lake Chad". */
    private static final Set<String> NATURAL_NOUNS = Set.of("river", "ravine", "gorge", "creek", "stream", "lake",
            "valley", "canyon", "bay", "gulf", "strait", "sea", "mountain", "mountains", "hills", "island", "islands",
            "peninsula", "desert", "forest", "delta", "glacier", "volcano", "estuary", "lagoon", "wadi", "basin");

    /** Streets and roads are addresses within a town, not places of the map ("Elm Street", "Shevchenko Avenue"). */
    private static final Set<String> STREET_NOUNS = Set.of("street", "st", "road", "rd", "avenue", "ave", "boulevard",
            "blvd", "lane", "drive", "alley", "prospekt", "prospect", "embankment", "highway", "motorway");

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

    /** Nouns after which a capitalised name is a news outlet's ("broadcaster Suspilne", "the daily Kommersant"). */
    private static final Set<String> OUTLET_NOUNS = Set.of("broadcaster", "outlet", "newspaper", "daily", "weekly",
            "tabloid", "magazine", "website", "portal", "channel", "publication", "network", "newswire", "wire");

    /** Social platforms: "said on Facebook" names the channel of a statement, not an organisation in the story. */
    private static final Set<String> PLATFORMS = Set.of("facebook", "telegram", "twitter", "x", "instagram", "youtube",
            "tiktok", "whatsapp", "viber", "weibo", "vk", "vkontakte", "threads", "bluesky", "linkedin", "signal");

    /** Verbs of saying and reporting whose subject is a source: "AFAD said", "the USGS reported". */
    private static final Set<String> SPEECH_VERBS = Set.of("said", "says", "say", "reported", "reports", "report",
            "announced", "announces", "stated", "states", "warned", "warns", "told", "added", "confirmed", "confirms",
            "noted", "wrote", "posted", "urged", "recorded", "registered", "issued", "estimated", "tweeted", "claimed",
            "claims", "declared", "denied", "measured", "detected");

    /**
     * Head nouns of organisations that news often describes in lower case ("the Turkish disaster management
     * agency (AFAD)", "the Zaporizhzhia city council", "the Kyiv regional state administration").
     */
    private static final Set<String> BODY_NOUNS = Set.of("administration", "council", "government", "police",
            "department", "office", "agency", "service", "ministry", "authority", "committee", "commission", "centre",
            "center", "command", "bureau", "directorate", "inspectorate", "survey", "institute", "organization",
            "organisation", "board", "prosecutor's", "assembly", "legislature", "court", "army", "forces", "guard");

    /** Level words between a place and a body noun: "city council", "regional state administration". */
    private static final Set<String> LEVEL_ADJECTIVES = Set.of("city", "regional", "oblast", "district", "state",
            "military", "civil", "civilian", "municipal", "provincial", "county", "town", "village", "local",
            "rayon", "raion", "metropolitan", "prefectural", "governorate");

    private Lexicon() {}

    static boolean isKicker(String word) {
        String w = lower(word);
        if (KICKERS.contains(w)) {
            return true;
        }
        int dash = w.indexOf('-');
        if (dash > 0) {
            for (String part : w.split("-")) {
                if (!part.isEmpty() && !KICKERS.contains(part)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static boolean isStreetNoun(String word) {
        return STREET_NOUNS.contains(lower(word).replace(".", ""));
    }

    static boolean isOutletNoun(String word) {
        return OUTLET_NOUNS.contains(word);
    }

    static boolean isPlatform(String word) {
        return PLATFORMS.contains(lower(word));
    }

    static boolean isSpeechVerb(String word) {
        return SPEECH_VERBS.contains(word);
    }

    static boolean isBodyNoun(String word) {
        return BODY_NOUNS.contains(lower(word));
    }

    static boolean isLevelAdjective(String word) {
        return LEVEL_ADJECTIVES.contains(word);
    }

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

    static boolean isNaturalNoun(String word) {
        return NATURAL_NOUNS.contains(lower(word));
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
