package io.newsline.nlp.pipeline;

import static io.newsline.nlp.pipeline.Token.OUTSIDE;

import io.newsline.nlp.geo.Gazetteer;
import io.newsline.nlp.geo.GazetteerEntry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Corrects the CRF's known faults on news, in place, on the labelled tokens of one article. Each rule
 * is a general pattern of news English (a name before "region", an acronym in brackets after an
 * organisation, a title before a person), with the gazetteer deciding what is a place.
 */
final class MentionRules {

    static final String PERSON = "PERSON";
    static final String ORGANIZATION = "ORGANIZATION";
    static final String LOCATION = "LOCATION";
    static final String MISC = "MISC";

    /** Places the gazetteer knows that are safe to take for a place wherever they are capitalised. */
    private static final long BIG_CITY = 100_000;

    private final Gazetteer gazetteer;
    private final Map<String, Boolean> placeCache = new HashMap<>();

    /** Acronym → the organisation name it was introduced with, e.g. "RAF" → "Russian Armed Forces". */
    final Map<String, String> aliases = new HashMap<>();

    private final boolean gazetteerHasDemonyms;

    MentionRules(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.gazetteerHasDemonyms = gazetteer.demonymCountry("French").isPresent();
    }

    void apply(List<TaggedSentence> sentences, String source) {
        for (TaggedSentence s : sentences) {
            List<Token> t = s.tokens();
            if (isCredits(t)) {
                t.forEach(tok -> tok.label = OUTSIDE);
                continue;
            }
            dropNonNames(t);
            portfolios(t);
            placeNounSpans(t);
            facilities(t);
            demonymOrganisations(t);
            acronyms(t);
            personTitles(t);
            weaponNames(t);
        }
        headlineNames(sentences);
        publication(sentences, source);
        Set<String> personNames = personNameParts(sentences);
        for (TaggedSentence s : sentences) {
            List<Token> t = s.tokens();
            for (int i = 0; i < t.size(); i++) {
                Token tok = t.get(i);
                if (aliases.containsKey(tok.word) && !tok.label.equals(ORGANIZATION)) {
                    tok.label = ORGANIZATION;
                }
            }
            placesMistaken(t, personNames);
            missedPlaces(t);
            weaponNames(t);
            fragments(t);
        }
    }

    /** E-mail addresses, links and handles are never names. */
    private static void dropNonNames(List<Token> t) {
        for (Token tok : t) {
            String w = tok.word;
            if (w.contains("@") || w.startsWith("http") || w.startsWith("www.") || w.contains("/")) {
                tok.label = OUTSIDE;
            }
        }
    }

    /**
     * Bylines and credit lines ("By Jane Doe", "Reporting by ...; editing by ...", "Contact the author:")
     * name the people who wrote the story, not the people in it.
     */
    private static boolean isCredits(List<Token> t) {
        if (t.size() >= 2 && t.get(0).word.equals("By") && t.get(1).isCapitalised() && t.size() <= 8) {
            return true;
        }
        for (int i = 0; i + 1 < t.size(); i++) {
            String w = t.get(i).word.toLowerCase(Locale.ROOT);
            boolean credit = w.equals("reporting") || w.equals("editing") || w.equals("writing") || w.equals("compiled");
            if (credit && t.get(i + 1).word.equals("by")) {
                return true;
            }
            if (w.equals("contact") && i + 2 < t.size() && t.get(i + 2).word.equalsIgnoreCase("author")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Interior Minister", "Defence Secretary", "Secretary of State": a portfolio next to a title is no
     * organisation.
     */
    private static void portfolios(List<Token> t) {
        for (int i = 2; i < t.size(); i++) {
            if (t.get(i).label.equals(ORGANIZATION) && !t.get(i - 1).label.equals(ORGANIZATION)
                    && t.get(i - 1).word.equals("of") && isPortfolioTitle(t.get(i - 2).word)) {
                for (int k = i; k < t.size() && t.get(k).label.equals(ORGANIZATION); k++) {
                    t.get(k).label = OUTSIDE;
                }
            }
        }
        for (int i = 0; i + 1 < t.size(); i++) {
            String next = t.get(i + 1).word;
            if (t.get(i).label.equals(ORGANIZATION) && !t.get(i + 1).label.equals(ORGANIZATION)
                    && isPortfolioTitle(next)) {
                for (int k = i; k >= 0 && t.get(k).label.equals(ORGANIZATION); k--) {
                    t.get(k).label = OUTSIDE;
                }
            }
        }
    }

    private static boolean isPortfolioTitle(String word) {
        return word.equals("Minister") || word.equals("Secretary") || word.equals("Commissioner");
    }

    /** "Kharkiv region", "the Sumy oblast", "Dvurechensky bridgehead": the name and its noun are one place. */
    private void placeNounSpans(List<Token> t) {
        for (int i = 1; i < t.size(); i++) {
            Token noun = t.get(i);
            if (!Lexicon.isRegionNoun(noun.word) && !Lexicon.isFrontNoun(noun.word)) {
                continue;
            }
            Token name = t.get(i - 1);
            if (!name.isCapitalised() || Lexicon.isFunctionWord(name.word) || isDemonym(name.word)) {
                continue;
            }
            boolean sentenceStart = i - 1 == 0;
            // An untagged name needs a lower-case noun: "Islamic State", "Foreign Office" are names of their own.
            boolean lowerNoun = Character.isLowerCase(noun.word.charAt(0));
            boolean nameLike = name.label.equals(LOCATION)
                    || (name.label.equals(OUTSIDE) && !sentenceStart && lowerNoun)
                    || (lowerNoun && isPlace(name.word));
            if (!nameLike) {
                continue;
            }
            int from = i - 1;
            String runLabel = name.label;
            while (!runLabel.equals(OUTSIDE) && from > 0 && t.get(from - 1).label.equals(runLabel)) {
                from--;
            }
            for (int k = from; k <= i; k++) {
                t.get(k).label = LOCATION;
            }
            // A capitalised word after the noun belongs to a headline phrase, not to the place.
            if (i + 1 < t.size() && t.get(i + 1).label.equals(runLabel) && !runLabel.equals(OUTSIDE)) {
                for (int k = i + 1; k < t.size() && t.get(k).label.equals(runLabel); k++) {
                    t.get(k).label = OUTSIDE;
                }
            }
        }
    }

    /** "the Azot chemical plant", "Kommunar factory": a named facility is an organisation. */
    private void facilities(List<Token> t) {
        for (int i = 1; i < t.size(); i++) {
            if (!Lexicon.isFacilityNoun(t.get(i).word)) {
                continue;
            }
            int k = i - 1;
            int modifiers = 0;
            while (k >= 0 && modifiers < 2 && isLowerWord(t.get(k).word) && !Lexicon.isFunctionWord(t.get(k).word)) {
                k--;
                modifiers++;
            }
            int nameEnd = k;
            int nameStart = k;
            while (nameStart >= 0 && nameEnd - nameStart < 3 && isNameWord(t.get(nameStart))) {
                nameStart--;
            }
            nameStart++;
            if (nameStart > nameEnd || isDemonym(t.get(nameStart).word)
                    || (nameStart == 0 && nameStart == nameEnd && t.get(nameStart).isOutside())) {
                continue;
            }
            for (int j = nameStart; j <= i; j++) {
                t.get(j).label = ORGANIZATION;
            }
        }
    }

    private static boolean isNameWord(Token tok) {
        return tok.isCapitalised() && Lexicon.hasLetter(tok.word) && !Lexicon.isFunctionWord(tok.word)
                && !Lexicon.isTitle(tok.word) && !tok.label.equals(PERSON);
    }

    private static boolean isLowerWord(String w) {
        return !w.isEmpty() && Character.isLowerCase(w.charAt(0)) && w.chars().allMatch(Character::isLetter);
    }

    /** "British Ministry of Defense", "Russian Armed Forces", "U.S. Congress": the adjective is part of the name. */
    private void demonymOrganisations(List<Token> t) {
        for (int i = 1; i < t.size(); i++) {
            Token head = t.get(i);
            Token before = t.get(i - 1);
            if (!head.label.equals(ORGANIZATION) || before.label.equals(ORGANIZATION) || !before.isCapitalised()) {
                continue;
            }
            if (isDemonym(before.word) && !before.label.equals(PERSON)) {
                before.label = ORGANIZATION;
            } else if (before.label.equals(LOCATION) && Lexicon.isInstitution(head.word)
                    && (i - 2 < 0 || !t.get(i - 2).label.equals(LOCATION))) {
                before.label = ORGANIZATION;
            }
        }
    }

    /** "Russian Armed Forces (RAF)": the bracketed acronym names the same organisation. */
    private void acronyms(List<Token> t) {
        for (int i = 2; i + 1 < t.size(); i++) {
            Token acr = t.get(i);
            if (!Lexicon.isAcronym(acr.word) || !isOpenBracket(t.get(i - 1).word) || !isCloseBracket(t.get(i + 1).word)) {
                continue;
            }
            int end = i - 2;
            if (!t.get(end).label.equals(ORGANIZATION)) {
                continue;
            }
            int start = end;
            while (start > 0 && t.get(start - 1).label.equals(ORGANIZATION)) {
                start--;
            }
            StringBuilder name = new StringBuilder();
            for (int k = start; k <= end; k++) {
                if (k > start) {
                    name.append(' ');
                }
                name.append(t.get(k).word);
            }
            acr.label = ORGANIZATION;
            aliases.putIfAbsent(acr.word, name.toString());
        }
    }

    private static boolean isOpenBracket(String w) {
        return w.equals("(") || w.equals("-LRB-") || w.equals("[");
    }

    private static boolean isCloseBracket(String w) {
        return w.equals(")") || w.equals("-RRB-") || w.equals("]");
    }

    /** "Governor Oleh Syniehubov", "Kharkiv Mayor Igor Terekhov": the person is the name, not the title. */
    private void personTitles(List<Token> t) {
        int i = 0;
        while (i < t.size()) {
            if (!t.get(i).label.equals(PERSON)) {
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < t.size() && t.get(end + 1).label.equals(PERSON)) {
                end++;
            }
            int start = i;
            while (start < end && (Lexicon.isTitle(t.get(start).word) || isDemonym(t.get(start).word)
                    || (end - start >= 2 && isPlace(t.get(start).word)))) {
                t.get(start).label = OUTSIDE;
                start++;
            }
            i = end + 1;
        }
    }

    /** "Grad systems", "Patriot batteries": a name before a weapon noun names the weapon, not a place or an organisation. */
    private static void weaponNames(List<Token> t) {
        for (int i = 0; i + 1 < t.size(); i++) {
            Token tok = t.get(i);
            if ((tok.label.equals(LOCATION) || tok.label.equals(ORGANIZATION)) && Lexicon.isWeaponNoun(t.get(i + 1).word)) {
                int k = i;
                while (k >= 0 && t.get(k).label.equals(tok.label)) {
                    t.get(k).label = MISC;
                    k--;
                }
            }
        }
    }

    /**
     * In a headline-cased title the CRF takes ordinary capitalised words for names. A headline repeats
     * the names of its article, so a title name none of whose words the body capitalises inside a
     * sentence, and that is no known place or acronym, is dropped.
     */
    private void headlineNames(List<TaggedSentence> sentences) {
        Set<String> bodyNames = new HashSet<>();
        for (TaggedSentence s : sentences) {
            if (s.field().equals("body")) {
                List<Token> t = s.tokens();
                for (int i = 1; i < t.size(); i++) {
                    if (t.get(i).isCapitalised()) {
                        bodyNames.add(t.get(i).word);
                    }
                }
            }
        }
        for (TaggedSentence s : sentences) {
            if (!s.field().equals("title") || !isHeadline(s.tokens())) {
                continue;
            }
            List<Token> t = s.tokens();
            int i = 0;
            while (i < t.size()) {
                if (t.get(i).isOutside()) {
                    i++;
                    continue;
                }
                int end = i;
                while (end + 1 < t.size() && t.get(end + 1).label.equals(t.get(i).label)) {
                    end++;
                }
                boolean known = false;
                for (int k = i; k <= end && !known; k++) {
                    String w = t.get(k).word;
                    known = bodyNames.contains(w) || Lexicon.isAcronym(w) || isPlace(w);
                }
                if (!known) {
                    for (int k = i; k <= end; k++) {
                        t.get(k).label = OUTSIDE;
                    }
                }
                i = end + 1;
            }
        }
    }

    private static boolean isHeadline(List<Token> t) {
        int longWords = 0;
        int capitalised = 0;
        for (Token tok : t) {
            if (tok.word.length() >= 4 && Character.isLetter(tok.word.charAt(0))) {
                longWords++;
                if (tok.isCapitalised()) {
                    capitalised++;
                }
            }
        }
        return longWords >= 3 && capitalised * 10 >= longWords * 6;
    }

    /** The outlet that published the article, when the text names it, is an organisation. */
    private static void publication(List<TaggedSentence> sentences, String source) {
        if (source == null || source.isBlank() || !Character.isUpperCase(source.strip().charAt(0))) {
            return;
        }
        String[] words = source.strip().split("\\s+");
        int first = words[0].equalsIgnoreCase("the") && words.length > 1 ? 1 : 0;
        for (TaggedSentence s : sentences) {
            List<Token> t = s.tokens();
            for (int i = 0; i + words.length - first <= t.size(); i++) {
                boolean match = true;
                for (int k = first; k < words.length && match; k++) {
                    match = t.get(i + k - first).word.equals(words[k]);
                }
                if (match) {
                    int from = i > 0 && first == 1 && t.get(i - 1).word.equals("The") ? i - 1 : i;
                    for (int k = from; k < i + words.length - first; k++) {
                        t.get(k).label = ORGANIZATION;
                    }
                }
            }
        }
    }

    /** Every word of every multi-word person name, so a lone surname is not taken for a place. */
    private static Set<String> personNameParts(List<TaggedSentence> sentences) {
        Set<String> parts = new HashSet<>();
        for (TaggedSentence s : sentences) {
            List<Token> t = s.tokens();
            for (int i = 0; i + 1 < t.size(); i++) {
                if (t.get(i).label.equals(PERSON) && t.get(i + 1).label.equals(PERSON)) {
                    parts.add(t.get(i).word);
                    parts.add(t.get(i + 1).word);
                }
            }
        }
        return parts;
    }

    /** A lone name tagged PERSON or ORGANIZATION that is a known place, or stands after "in"/"near", is a place. */
    private void placesMistaken(List<Token> t, Set<String> personNames) {
        for (int i = 0; i < t.size(); i++) {
            Token tok = t.get(i);
            boolean lone = (i == 0 || !t.get(i - 1).label.equals(tok.label))
                    && (i + 1 == t.size() || !t.get(i + 1).label.equals(tok.label));
            if (!lone || aliases.containsKey(tok.word)) {
                continue;
            }
            if (tok.label.equals(PERSON) && !personNames.contains(tok.word)
                    && (isPlace(tok.word) || (i > 0 && isLocativePreposition(t.get(i - 1).word)))) {
                tok.label = LOCATION;
            } else if (tok.label.equals(ORGANIZATION) && !Lexicon.isAcronym(tok.word) && isWellKnownPlace(tok.word)
                    && (i + 1 == t.size() || !t.get(i + 1).isCapitalised())) {
                tok.label = LOCATION;
            }
        }
    }

    private static boolean isLocativePreposition(String w) {
        return switch (w.toLowerCase(Locale.ROOT)) {
            case "in", "near", "outside", "around", "towards", "toward", "into", "at" -> true;
            default -> false;
        };
    }

    /** A capitalised word inside a sentence the CRF left alone, that names a country, region or big city. */
    private void missedPlaces(List<Token> t) {
        for (int i = 1; i < t.size(); i++) {
            Token tok = t.get(i);
            if (!tok.isOutside() || !tok.isCapitalised() || Lexicon.isFunctionWord(tok.word)
                    || Lexicon.isCompass(tok.word) || !t.get(i - 1).isOutside()
                    || (i + 1 < t.size() && t.get(i + 1).isCapitalised() && !t.get(i + 1).isOutside())) {
                continue;
            }
            if (isWellKnownPlace(tok.word)) {
                tok.label = LOCATION;
            }
        }
    }

    /** No pronouns, lone function words, compass points ("the West") or bare punctuation as names. */
    private static void fragments(List<Token> t) {
        int i = 0;
        while (i < t.size()) {
            if (t.get(i).isOutside()) {
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < t.size() && t.get(end + 1).label.equals(t.get(i).label)) {
                end++;
            }
            boolean name = false;
            boolean onlyCompass = true;
            for (int k = i; k <= end; k++) {
                Token tok = t.get(k);
                if (tok.isCapitalised() && !Lexicon.isFunctionWord(tok.word) && !Lexicon.isPronoun(tok.word)) {
                    name = true;
                }
                if (!Lexicon.isCompass(tok.word)) {
                    onlyCompass = false;
                }
            }
            if (!name || onlyCompass) {
                for (int k = i; k <= end; k++) {
                    t.get(k).label = OUTSIDE;
                }
            }
            i = end + 1;
        }
    }

    private boolean isDemonym(String word) {
        if (word.isEmpty() || !Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        if (gazetteer.demonymCountry(word).isPresent()) {
            return true;
        }
        // Without demonyms in the gazetteer (an empty one in tests), fall back on the word's form.
        return !gazetteerHasDemonyms && Lexicon.looksLikeDemonym(word);
    }

    private boolean isPlace(String word) {
        return placeCache.computeIfAbsent(word, w -> !Lexicon.isFunctionWord(w) && gazetteer.isPlaceName(w));
    }

    private boolean isWellKnownPlace(String word) {
        if (Lexicon.isFunctionWord(word) || isDemonym(word)) {
            return false;
        }
        for (GazetteerEntry e : gazetteer.lookup(word)) {
            boolean fullName = e.name().equalsIgnoreCase(word);
            if (e.isCountry() || (fullName && e.isRegion()) || e.geonameId() < 0
                    || (fullName && e.population() >= BIG_CITY)) {
                return true;
            }
        }
        return false;
    }
}
