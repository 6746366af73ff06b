package io.newsline.nlp.pipeline;

import static io.newsline.nlp.pipeline.MentionRules.LOCATION;
import static io.newsline.nlp.pipeline.MentionRules.ORGANIZATION;
import static io.newsline.nlp.pipeline.MentionRules.PERSON;
import static io.newsline.nlp.pipeline.Token.OUTSIDE;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules that find organisations the CRF misses or mistypes, each a pattern of news English:
 * acronyms and their expansions, bodies described in lower case ("the city council"), nationality
 * adjectives of institutions, named facilities, outlets, and social platforms that are only a channel.
 */
final class OrganisationRules {

    /** Words an acronym's letters may skip in its expansion: "Department of Homeland Security" is DHS. */
    private static final Set<String> SKIPPED_IN_ACRONYMS = Set.of("of", "and", "for", "the", "on", "in", "&", "de",
            "du", "des", "la", "le", "el", "del", "y", "et", "to");

    private final PlaceJudge judge;

    /** Acronyms the article introduces or uses as a source; every bare use of them is the organisation. */
    final Set<String> acronyms = new HashSet<>();

    OrganisationRules(PlaceJudge judge) {
        this.judge = judge;
    }

    /** "the Azot chemical plant", "Kommunar factory": a named facility is an organisation. */
    void facilities(List<Token> t) {
        for (int i = 1; i < t.size(); i++) {
            if (!Lexicon.isFacilityNoun(t.get(i).word) || t.get(i).label.equals(LOCATION)) {
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
            if (nameStart > nameEnd || judge.isDemonym(t.get(nameStart).word)
                    || (nameStart == 0 && nameStart == nameEnd && t.get(nameStart).isOutside())) {
                continue;
            }
            MentionRules.label(t, nameStart, i, ORGANIZATION);
        }
    }

    /** Head words of named institutions, capitalised at the end of their name: "Kenyatta National Hospital". */
    private static final Set<String> INSTITUTION_HEADS = Set.of("Hospital", "Clinic", "Infirmary", "School", "Lyceum",
            "Gymnasium", "University", "College", "Academy", "Institute", "Polytechnic", "Seminary");

    /**
     * "Kenyatta National Hospital", "the State Specialist Hospital", "Covenant School": a hospital, school or
     * university named in capitals is an institution, an organisation, whatever the CRF made of its first words
     * (a person's name it honours, a place). "A school in Lorvik" names none.
     */
    void institutions(List<Token> t) {
        for (int i = 1; i < t.size(); i++) {
            if (!INSTITUTION_HEADS.contains(t.get(i).word)) {
                continue;
            }
            int start = i;
            while (start - 1 >= 0 && i - start < 5 && inInstitutionName(t.get(start - 1))) {
                start--;
            }
            if (start == i || start == i - 1 && judge.isDemonym(t.get(start).word)) {
                continue;   // "Ukrainian school" is a kind of school, not one named
            }
            MentionRules.label(t, start, i, ORGANIZATION);
        }
    }

    private static boolean inInstitutionName(Token tok) {
        return tok.word.equals("'s") || tok.word.equals("’s")
                || tok.isCapitalised() && Lexicon.hasLetter(tok.word) && !Lexicon.isFunctionWord(tok.word)
                && !Lexicon.isTitle(tok.word);
    }

    /**
     * "the Zaporizhzhia city council", "head of the Kyiv regional state administration": a place, level
     * words and a body noun written in lower case name one organisation. A level word is required:
     * "the Kyiv government" speaks of a state by its capital, not of a body called so.
     */
    void describedBodies(List<Token> t) {
        for (int i = 0; i + 2 < t.size(); i++) {
            Token place = t.get(i);
            boolean located = place.label.equals(LOCATION) && !t.get(i + 1).label.equals(LOCATION);
            boolean untagged = place.isCapitalised() && place.isOutside() && i > 0 && judge.isPlace(place.word);
            if (!located && !untagged) {
                continue;
            }
            int k = i + 1;
            while (k < t.size() && Lexicon.isLevelAdjective(t.get(k).word)) {
                k++;
            }
            if (k == i + 1 || k >= t.size() || !Lexicon.isBodyNoun(t.get(k).word)
                    || !Character.isLowerCase(t.get(k).word.charAt(0))) {
                continue;
            }
            int from = place.label.equals(LOCATION) ? MentionRules.span(t, i)[0] : i;
            MentionRules.label(t, from, k, ORGANIZATION);
        }
    }

    /**
     * "the Moscow Police Department", "Plateau State Police Command": a place before capitalised words
     * ending in a body noun is one organisation, however the CRF cut it.
     */
    void namedBodies(List<Token> t) {
        for (int i = 0; i + 1 < t.size(); i++) {
            Token place = t.get(i);
            boolean located = place.label.equals(LOCATION) && (i == 0 || !t.get(i - 1).label.equals(LOCATION));
            boolean untagged = place.isCapitalised() && !place.label.equals(PERSON) && !place.label.equals(LOCATION)
                    && judge.isPlace(place.word);
            if (!located && !untagged) {
                continue;
            }
            int k = located ? MentionRules.span(t, i)[1] + 1 : i + 1;
            int end = -1;
            for (int j = k; j < t.size() && j - k < 3; j++) {
                Token w = t.get(j);
                if (!w.isCapitalised() || Lexicon.isFunctionWord(w.word) || w.label.equals(PERSON)) {
                    break;
                }
                if (Lexicon.isBodyNoun(w.word)) {
                    end = j;
                }
            }
            if (end >= k) {
                MentionRules.label(t, i, end, ORGANIZATION);
            }
        }
    }

    /** Heads of bodies named "of" the place they serve: "Law Society of Kenya", "Bank of England". */
    private static final Set<String> BODY_OF_PLACE_HEADS = Set.of("Society", "Association", "Council", "Federation",
            "Union", "Chamber", "League", "Confederation", "Commission", "Alliance", "Coalition", "Party", "Church", "Bank");

    /**
     * "the Law Society of Kenya", "the Medical Association of Nigeria", "the Church of England": capitalised words
     * ending in a body's head, "of" and a place are one organisation, which the recogniser often leaves as the
     * place alone.
     */
    void bodiesOfPlaces(List<Token> t) {
        for (int i = 0; i + 2 < t.size(); i++) {
            Token head = t.get(i);
            if (!BODY_OF_PLACE_HEADS.contains(head.word) || head.label.equals(PERSON) || head.label.equals(LOCATION)
                    || !t.get(i + 1).word.equals("of")) {
                continue;
            }
            int at = t.get(i + 2).word.equals("the") && i + 3 < t.size() ? i + 3 : i + 2;
            Token place = t.get(at);
            if (!place.label.equals(LOCATION) && !(place.isCapitalised() && judge.isPlace(place.word))) {
                continue;
            }
            int end = place.label.equals(LOCATION) ? MentionRules.span(t, at)[1] : at;
            int from = i;
            while (from > 0 && i - from < 3 && isNameWord(t.get(from - 1)) && !t.get(from - 1).label.equals(PERSON)
                    && !(from - 1 == 0 && t.get(0).isOutside() && !head.label.equals(ORGANIZATION))) {
                from--;
            }
            if (from < i || head.label.equals(ORGANIZATION)) {
                MentionRules.label(t, from, end, ORGANIZATION);
            }
        }
    }

    /** "British Ministry of Defense", "Russian Armed Forces", "U.S. Congress": the adjective is part of the name. */
    void demonymOrganisations(List<Token> t) {
        for (int i = 1; i < t.size(); i++) {
            Token head = t.get(i);
            Token before = t.get(i - 1);
            if (!head.label.equals(ORGANIZATION) || before.label.equals(ORGANIZATION) || !before.isCapitalised()) {
                continue;
            }
            if (judge.isDemonym(before.word) && !before.label.equals(PERSON)) {
                before.label = ORGANIZATION;
            } else if (before.label.equals(LOCATION) && Lexicon.isInstitution(head.word)
                    && (i - 2 < 0 || !t.get(i - 2).label.equals(LOCATION))) {
                before.label = ORGANIZATION;
            }
        }
    }

    /**
     * An acronym in brackets beside an organisation names it too, in either order: "the Disaster
     * Management Centre (DMC)", "NBRO (National Building Research Organisation)". Its expansion is an
     * organisation when the recogniser says so, when the acronym's letters are its words' initials, or
     * when the description ends in a body noun, even in lower case ("the disaster agency (AFAD)").
     */
    void acronyms(List<Token> t) {
        for (int i = 2; i + 1 < t.size(); i++) {
            Token acr = t.get(i);
            if (!Lexicon.isAcronym(acr.word) || !isOpenBracket(t.get(i - 1).word) || !isCloseBracket(t.get(i + 1).word)) {
                continue;
            }
            int end = i - 2;
            int start = initialsStart(t, end, acr.word);
            // A place spelled out before its initials ("the Democratic Republic of Congo (DRC)") stays a place; a
            // group named after one ("Islamic State West Africa Province (ISWAP)") is no place the gazetteer knows.
            if (start >= 0 && (!t.get(start).label.equals(LOCATION)
                    || end - start >= 2 && !judge.isPlace(MentionRules.text(t, start, end)))) {
                MentionRules.label(t, start, end, ORGANIZATION);
            }
            boolean organisation = t.get(end).label.equals(ORGANIZATION)
                    && abbreviates(acr.word, MentionRules.text(t, MentionRules.span(t, end)[0], end));
            if (organisation || Lexicon.isBodyNoun(t.get(end).word)) {
                acr.label = ORGANIZATION;
                acronyms.add(acr.word);
            }
        }
        for (int i = 0; i + 3 < t.size(); i++) {
            Token acr = t.get(i);
            if (!Lexicon.isAcronym(acr.word) || !isOpenBracket(t.get(i + 1).word)) {
                continue;
            }
            int close = i + 2;
            while (close < t.size() && close - i <= 10 && !isCloseBracket(t.get(close).word)) {
                close++;
            }
            if (close >= t.size() || close - i > 10 || close == i + 2) {
                continue;
            }
            boolean spelled = initialsStart(t, close - 1, acr.word) == i + 2;
            boolean named = t.get(close - 1).isCapitalised() && Lexicon.isBodyNoun(t.get(close - 1).word)
                    && t.get(i + 2).isCapitalised();
            if (spelled || named) {
                MentionRules.label(t, i + 2, close - 1, ORGANIZATION);
                acr.label = ORGANIZATION;
                acronyms.add(acr.word);
            }
        }
    }

    /**
     * Where the expansion of this acronym starts if the capitalised words ending at {@code end} spell
     * it, or -1: "Disaster Management Centre" spells DMC, "Department of Homeland Security" DHS.
     */
    private static int initialsStart(List<Token> t, int end, String acronym) {
        int letter = acronym.length() - 1;
        int k = end;
        while (k >= 0 && letter >= 0) {
            String w = t.get(k).word;
            if (SKIPPED_IN_ACRONYMS.contains(w.toLowerCase(Locale.ROOT)) && k < end) {
                k--;
                continue;
            }
            if (!t.get(k).isCapitalised() || Character.toUpperCase(w.charAt(0)) != acronym.charAt(letter)) {
                return -1;
            }
            letter--;
            k--;
        }
        return letter < 0 ? k + 1 : -1;
    }

    /**
     * Whether the acronym's letters occur in this order in the name: "RAF" can abbreviate "Russian Armed
     * Forces", "AFP" cannot abbreviate "Ukrainian Armed Forces" (a slip of the text, or another body).
     */
    private static boolean abbreviates(String acronym, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int at = 0;
        for (int i = 0; i < acronym.length(); i++) {
            at = lower.indexOf(Character.toLowerCase(acronym.charAt(i)), at);
            if (at < 0) {
                return false;
            }
            at++;
        }
        return true;
    }

    /**
     * A bare acronym that speaks or is cited — "AFAD said", "according to the USGS" — is an organisation;
     * so is every other use of it in the article. Places ("US", "UK") and kickers are not.
     */
    void speakingAcronyms(List<TaggedSentence> sentences) {
        for (TaggedSentence s : sentences) {
            List<Token> t = s.tokens();
            for (int i = 0; i < t.size(); i++) {
                String w = t.get(i).word;
                if (w.length() < 3 || !Lexicon.isAcronym(w) || Lexicon.isKicker(w) || judge.isPlace(w)) {
                    continue;
                }
                boolean speaks = i + 1 < t.size() && Lexicon.isSpeechVerb(t.get(i + 1).word);
                int before = i > 0 && t.get(i - 1).word.equalsIgnoreCase("the") ? i - 2 : i - 1;
                boolean cited = before >= 1 && t.get(before).word.equals("to")
                        && t.get(before - 1).word.equalsIgnoreCase("according");
                if (speaks || cited) {
                    acronyms.add(w);
                }
            }
        }
    }

    /** Every use of an acronym the article established is the organisation. */
    void knownAcronyms(List<Token> t) {
        for (Token tok : t) {
            if (acronyms.contains(tok.word) && !tok.label.equals(ORGANIZATION)) {
                tok.label = ORGANIZATION;
            }
        }
    }

    /**
     * "Ukrainian national broadcaster Suspilne", "the daily Kommersant": the name after an outlet noun is
     * the outlet, whatever the CRF took it for (outlets are often named like people).
     */
    void outlets(List<Token> t) {
        for (int i = 0; i + 1 < t.size(); i++) {
            if (!Lexicon.isOutletNoun(t.get(i).word)) {
                continue;
            }
            int end = i + 1;
            while (end < t.size() && end - i <= 4 && t.get(end).isCapitalised() && !Lexicon.isFunctionWord(t.get(end).word)
                    && !judge.isDemonym(t.get(end).word)) {
                end++;
            }
            if (end > i + 1) {
                MentionRules.label(t, i + 1, end - 1, ORGANIZATION);
            }
        }
    }

    /** The outlet that published the article, when the text names it, is an organisation. */
    void publication(List<TaggedSentence> sentences, String source) {
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
                    MentionRules.label(t, from, i + words.length - first - 1, ORGANIZATION);
                }
            }
        }
    }

    /**
     * "said on Facebook", "wrote on his Telegram channel": a platform named as the channel of a
     * statement is not an organisation of the story ("a Facebook post by the army" still names it).
     */
    void platformsAsChannels(List<Token> t) {
        for (int i = 1; i < t.size(); i++) {
            Token tok = t.get(i);
            if (tok.isOutside() || !Lexicon.isPlatform(tok.word) || (i + 1 < t.size() && t.get(i + 1).label.equals(tok.label))) {
                continue;
            }
            int k = i - 1;
            while (k > 0 && isDeterminer(t.get(k).word)) {
                k--;
            }
            String w = t.get(k).word.toLowerCase(Locale.ROOT);
            if (w.equals("on") || w.equals("via") || w.equals("in") || w.equals("through")) {
                tok.label = OUTSIDE;
            }
        }
    }

    private static boolean isDeterminer(String w) {
        return switch (w.toLowerCase(Locale.ROOT)) {
            case "the", "his", "her", "its", "their", "our", "my", "official", "own", "a", "an" -> true;
            default -> false;
        };
    }

    private boolean isNameWord(Token tok) {
        return tok.isCapitalised() && Lexicon.hasLetter(tok.word) && !Lexicon.isFunctionWord(tok.word)
                && !Lexicon.isTitle(tok.word) && !tok.label.equals(PERSON);
    }

    private static boolean isLowerWord(String w) {
        return !w.isEmpty() && Character.isLowerCase(w.charAt(0)) && w.chars().allMatch(Character::isLetter);
    }

    private static boolean isOpenBracket(String w) {
        return w.equals("(") || w.equals("-LRB-") || w.equals("[");
    }

    private static boolean isCloseBracket(String w) {
        return w.equals(")") || w.equals("-RRB-") || w.equals("]");
    }
}
