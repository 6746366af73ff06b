package io.newsline.nlp.geo;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the words around a place mention say about it, read from the text alone: the kind the sentence
 * gives it ("the town of X", "X is one of the regions", "the border with X"), the level word a list
 * shares ("Kyiv, Chernihiv and Sumy oblasts"), the place the text ties it to ("X near Y", "X in eastern
 * Y", "X, Missouri"), and whether it is the dateline of the report ("MANILA, Philippines —").
 */
final class MentionCues {

    /** What the sentence says a mention is. */
    enum Kind { UNSAID, SETTLEMENT, REGION }

    /** How X is tied to a later Y. */
    record Tie(String relation, boolean byPunctuation, boolean explicit, boolean proximity) {}

    private static final String UNIT = "(?:km|kms|kilometres|kilometers|kilometre|kilometer|miles|mile|mi)";
    private static final String SIDE = "(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?";
    /**
     * Text between X and Y that ties X to Y: "X near Y", "X, a village outside Y", "X, 10 km south of Y",
     * "X in Y", "X village of Y".
     */
    private static final Pattern TIE = Pattern.compile("^\\s*[,(]?\\s*(?:(?:a|an|the)\\s+)?"
            + "(?:(?:small|tiny|nearby|neighbouring|neighboring|frontline|front-line|border|key|strategic|embattled)\\s+)*"
            + "(?:village|town|settlement|hamlet|city|locality|suburb|community|township)?\\s*,?\\s*"
            + "(?:(?:located|situated|lying|just|about|around|some|roughly|nearly|approximately)\\s+)*"
            + "(?:\\d+(?:[.,]\\d+)?\\s*-?\\s*" + UNIT + "\\s*(?:\\([^)]{0,20}\\)\\s*)?)?"
            + "(?:(" + SIDE + "\\s+(?:of|from)|near|outside(?:\\s+of)?|close\\s+to|not\\s+far\\s+from|next\\s+to"
            + "|on\\s+the\\s+outskirts\\s+of|in\\s+the\\s+vicinity\\s+of|from|in|at|of)\\s+)?(?:the\\s+)?"
            + "(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    /** Relations that say X lies close to Y, so Y lies close to X as well. */
    private static final Pattern PROXIMITY = Pattern.compile("(?i)^(?:" + SIDE + "\\s+(?:of|from)|near|outside.*|close\\s+to"
            + "|not\\s+far\\s+from|next\\s+to|on\\s+the\\s+outskirts\\s+of|in\\s+the\\s+vicinity\\s+of)$");
    /** "Kyiv, Chernihiv, and Sumy oblasts": every name of the list is a region. */
    private static final Pattern SHARED_LEVEL = Pattern.compile("^(?:\\s*,\\s*(?:and\\s+|or\\s+)?\\p{Lu}[\\p{L}'’-]+)*"
            + "\\s*,?\\s*(?:and|or|&)\\s+\\p{Lu}[\\p{L}'’-]+\\s+(oblasts|regions|provinces|states|governorates|districts)\\b");
    private static final Pattern REGIONAL_AFTER = Pattern.compile("^\\s+(?:regional|provincial|oblast|region's|province's)\\s+"
            + "(?:military\\s+|state\\s+|civil(?:ian)?\\s+)?(?:administration|governor|government|council|authorities|police|head|"
            + "prosecutor|prosecutor's|officials?|chief|legislature|parliament|duma)");
    private static final Pattern KIND_PREFIX = Pattern.compile("^(?:the\\s+)?(?:(?:small|frontline|front-line)\\s+)?"
            + "(?:village|town|settlement|hamlet|suburb|port|urban-type settlement)\\s+of\\s+", Pattern.CASE_INSENSITIVE);
    /** "the town of X", "the Ukrainian city of X", "the village X": the text calls it a settlement. */
    private static final Pattern SETTLEMENT_BEFORE = Pattern.compile("(?i)\\b(?:city|town|village|settlement|hamlet|"
            + "township|port\\s+city|urban-type\\s+settlement)\\s+(?:of\\s+)?(?:the\\s+)?$");
    /**
     * "the border with X": one borders a region or a country, not a town; "the state of X", "the
     * province of X" name the region.
     */
    private static final Pattern REGION_BEFORE = Pattern.compile("(?i)\\b(?:borders?\\s+with|(?:state|province|region|"
            + "county|oblast|governorate|prefecture)\\s+of)\\s+(?:the\\s+)?$");
    /**
     * "X is one of the four regions", "X, a province of", "X was a state": the predicate gives the kind.
     * Up to three adjectives or numbers may stand before the kind noun, no preposition.
     */
    private static final Pattern PREDICATE_KIND = Pattern.compile("^\\s*(?:,\\s*(?:a|an|the|one\\s+of\\s+the)\\s+"
            + "|\\s+(?:is|was|remains|has\\s+been)\\s+(?:one\\s+of\\s+)?(?:the\\s+|a\\s+|an\\s+)?)"
            + "(?:(?!(?:in|of|on|at|near|and|or|with|by|from)\\b)[\\p{L}\\d'’-]+\\s+){0,3}"
            + "(regions?|provinces?|oblasts?|count(?:y|ies)|governorates?|prefectures?"
            + "|city|cities|town|towns|village|villages|settlements?)(?![\\p{L}'’-])");
    /** Body starts like a dateline: "NEW DELHI —", "JAKARTA •", "MANILA, Philippines (Reuters) -", "JAKARTA, July 29 (Xinhua) -". */
    private static final Pattern DATELINE = Pattern.compile("^\\s*(\\p{Lu}[\\p{Lu}\\p{M} .'’-]{1,40}?|\\p{Lu}[\\p{L} .'’-]{1,40}?"
            + "(?=[^\\n]{0,60}?\\([^)]{1,30}\\)))(?:,\\s*\\p{Lu}[\\p{L}. ]{1,30}?)?"
            + "(?:,?\\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2})?"
            + "\\s*(?:\\([^)]{1,30}\\)\\s*)?(?:—|–|-{1,2}|:|•|\\|)\\s");
    private static final Set<String> LEVEL_OF_KIND = Set.of("region", "regions", "province", "provinces", "oblast",
            "oblasts", "county", "counties", "governorate", "governorates", "prefecture", "prefectures");

    private MentionCues() {}

    /** The kind the words before and after a mention give it; a region's level beats a settlement's. */
    static Kind kind(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - 40), Math.max(0, start));
        if (REGION_BEFORE.matcher(before).find()) {
            return Kind.REGION;
        }
        Matcher p = PREDICATE_KIND.matcher(text.substring(Math.min(end, text.length()), Math.min(text.length(), end + 80)));
        if (p.find()) {
            return LEVEL_OF_KIND.contains(p.group(1).toLowerCase(Locale.ROOT)) ? Kind.REGION : Kind.SETTLEMENT;
        }
        if (SETTLEMENT_BEFORE.matcher(before).find()) {
            return Kind.SETTLEMENT;
        }
        return Kind.UNSAID;
    }

    /** "the village of Sobolevka" -> "Sobolevka": the kind word is the text's, not the name's. */
    static String withoutKindPrefix(String name) {
        Matcher m = KIND_PREFIX.matcher(name);
        return m.find() && m.end() < name.length() ? name.substring(m.end()) : name;
    }

    /** Whether the mention itself starts with a kind word ("the village of X"). */
    static boolean hasKindPrefix(String name) {
        Matcher m = KIND_PREFIX.matcher(name);
        return m.find() && m.end() < name.length();
    }

    /** "Ukraine's" -> "Ukraine". */
    static String withoutPossessive(String name) {
        String t = name.trim();
        if (isPossessive(t)) {
            return t.substring(0, t.length() - 2);
        }
        return t;
    }

    static boolean isPossessive(String name) {
        String t = name.trim();
        return t.length() > 3 && (t.endsWith("'s") || t.endsWith("’s"));
    }

    /**
     * The level word a list or an institution gives a bare name: "Kyiv, Chernihiv and Sumy oblasts" makes
     * each a region, and so does "the Kharkiv regional administration".
     */
    static String withSharedLevelWord(String text, int end, String name) {
        String plain = NameKey.plainWords(name);
        if (end > text.length() || end < 0
                || plain.contains(" ") && Gazetteer.LEVEL_WORDS.contains(plain.substring(plain.lastIndexOf(' ') + 1))) {
            return name;
        }
        String after = text.substring(end, Math.min(text.length(), end + 120));
        if (REGIONAL_AFTER.matcher(after).find()) {
            return name + " region";
        }
        Matcher lm = SHARED_LEVEL.matcher(after);
        if (!lm.find()) {
            return name;
        }
        String level = lm.group(1).toLowerCase(Locale.ROOT);
        return name + " " + level.substring(0, level.length() - 1);
    }

    /**
     * How the text between X and a later Y ties them, or null. A comma or bracket alone is a tie only to
     * a region or country (the caller checks); a possessive after a comma starts a new phrase ("in Lviv,
     * Poland's envoy said").
     */
    static Tie tie(String between, String laterMention, String afterLater) {
        Matcher m = TIE.matcher(between);
        if (!m.matches()) {
            return null;
        }
        String relation = m.group(1) == null ? "" : m.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        boolean punctuation = relation.isEmpty();
        if (punctuation && isPossessive(laterMention) && !startsWithLevelWord(afterLater)) {
            return null;
        }
        boolean explicit = !punctuation && !relation.equals("from") && !relation.equals("at");
        return new Tie(relation, punctuation, explicit, PROXIMITY.matcher(relation).matches());
    }

    private static boolean startsWithLevelWord(String after) {
        String w = after.strip().split("[\\s,.;:]", 2)[0].toLowerCase(Locale.ROOT);
        return Gazetteer.LEVEL_WORDS.contains(w);
    }

    /** The end of the dateline at the start of a body, or -1 when it has none. */
    static int datelineEnd(String body) {
        Matcher m = DATELINE.matcher(body);
        if (!m.find() || m.group(1).isBlank()) {
            return -1;
        }
        String place = m.group(1).strip();
        boolean upper = place.equals(place.toUpperCase(Locale.ROOT)) && place.chars().anyMatch(Character::isLetter);
        boolean agency = m.group().contains("(");
        return upper || agency ? m.end() : -1;
    }
}
