package io.newsline.nlp.pipeline;

import static io.newsline.nlp.pipeline.Token.OUTSIDE;

import io.newsline.nlp.geo.Gazetteer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Corrects the CRF's known faults on news, in place, on the labelled tokens of one article. Each rule
 * is a general pattern of news English (a name before "region", an acronym in brackets after an
 * organisation, a title before a person), with the gazetteer deciding what is a place. The rules about
 * places and about organisations live in {@link PlaceRules} and {@link OrganisationRules}; this class
 * runs them in order and holds the rules about people, credits and fragments.
 */
final class MentionRules {

    static final String PERSON = "PERSON";
    static final String ORGANIZATION = "ORGANIZATION";
    static final String LOCATION = "LOCATION";
    static final String MISC = "MISC";

    /**
     * Lines of site matter that name the people who made or sell the page, not the people of the story:
     * bylines' credit lines ("Reporting by …; editing by …"), author boxes ("Contact the author", "Follow
     * her on …"), sign-up and copyright lines.
     */
    private static final Pattern CREDIT_LINE = Pattern.compile("(?i)\\b(?:reporting|editing)\\s+by\\b"
            + "|^(?:(?:writing|compiled|produced)\\s+by\\b|contact\\s+(?:the\\s+)?(?:author|reporter|writer|editor|us)|follow\\s+(?:him|"
            + "her|them|us|the\\s+author)\\s+on|sign\\s+up\\b|subscribe\\b|(?:photos?|images?|video)\\s*(?::|by\\b)|"
            + "copyright\\b|©)|\\ball\\s+rights\\s+reserved\\b");

    private final PlaceJudge judge;
    private final PlaceRules places;
    private final OrganisationRules organisations;

    MentionRules(Gazetteer gazetteer) {
        this.judge = new PlaceJudge(gazetteer);
        this.places = new PlaceRules(judge);
        this.organisations = new OrganisationRules(judge);
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
            places.wholeNames(t);
            places.nounSpans(t);
            places.localGovernmentAreas(t);
            places.namedBuildings(t);
            places.infrastructure(t);
            organisations.facilities(t);
            organisations.institutions(t);
            organisations.describedBodies(t);
            organisations.namedBodies(t);
            organisations.bodiesOfPlaces(t);
            organisations.demonymOrganisations(t);
            organisations.acronyms(t);
            personTitles(t);
            organisations.outlets(t);
            weaponNames(t);
            places.streets(t);
            places.splitOfPhrases(t);
        }
        headlineNames(sentences);
        places.dateline(sentences);
        places.headlineSpans(sentences);
        places.spreadPlaceNames(sentences);
        organisations.publication(sentences, source);
        organisations.speakingAcronyms(sentences);
        Map<String, Set<String>> personNames = personNameParts(sentences);
        for (TaggedSentence s : sentences) {
            List<Token> t = s.tokens();
            organisations.knownAcronyms(t);
            places.placesMistaken(t, personNames, organisations.acronyms);
            places.lists(t);
            places.missedPlaces(t);
            places.wholeNames(t);    // again: a word found above may be the tail of a longer place ("NEW DELHI")
            weaponNames(t);
            organisations.platformsAsChannels(t);
            fragments(t);
        }
    }

    /** E-mail addresses, links and handles are never names; nor are headline kickers ("BREAKING:"). */
    private static void dropNonNames(List<Token> t) {
        for (int i = 0; i < t.size(); i++) {
            Token tok = t.get(i);
            String w = tok.word;
            if (w.contains("@") || w.startsWith("http") || w.startsWith("www.") || w.contains("/")) {
                tok.label = OUTSIDE;
            }
            boolean kickerPosition = i == 0 || (i + 1 < t.size() && t.get(i + 1).word.equals(":"));
            if (kickerPosition && Lexicon.isKicker(w) && i + 1 < t.size()
                    && (t.get(i + 1).word.equals(":") || w.equals(w.toUpperCase(Locale.ROOT)))) {
                tok.label = OUTSIDE;
            }
        }
    }

    /** "By Jane Doe" alone on its line, or a credit or author line: names no one in the story. */
    private static boolean isCredits(List<Token> t) {
        if (t.size() >= 2 && t.get(0).word.equals("By") && t.get(1).isCapitalised() && t.size() <= 8) {
            return true;
        }
        StringBuilder line = new StringBuilder();
        for (Token tok : t) {
            line.append(tok.word).append(' ');
        }
        return CREDIT_LINE.matcher(line).find();
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
            while (start < end && (Lexicon.isTitle(t.get(start).word) || judge.isDemonym(t.get(start).word)
                    || (end - start >= 2 && judge.isPlace(t.get(start).word)))) {
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
     * sentence, and that is no known place, acronym or institution ("Ministry of Internal Affairs"), is
     * dropped.
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
                boolean institution = t.get(i).label.equals(ORGANIZATION) && end > i;
                boolean known = false;
                for (int k = i; k <= end && !known; k++) {
                    String w = t.get(k).word;
                    known = bodyNames.contains(w) || Lexicon.isAcronym(w) || judge.isPlace(w)
                            || (institution && Lexicon.isInstitution(w));
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

    static boolean isHeadline(List<Token> t) {
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

    /**
     * Every word of every person name with the names it is part of ("Kovalenko" → {"Petro Kovalenko"},
     * a lone surname → itself), so a surname is not taken for a place, nor a person's name for a town.
     */
    private static Map<String, Set<String>> personNameParts(List<TaggedSentence> sentences) {
        Map<String, Set<String>> parts = new HashMap<>();
        for (TaggedSentence s : sentences) {
            List<Token> t = s.tokens();
            int i = 0;
            while (i < t.size()) {
                if (!t.get(i).label.equals(PERSON)) {
                    i++;
                    continue;
                }
                int end = span(t, i)[1];
                String name = text(t, i, end);
                for (int k = i; k <= end; k++) {
                    parts.computeIfAbsent(t.get(k).word, w -> new HashSet<>()).add(name);
                }
                i = end + 1;
            }
        }
        return parts;
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
                boolean allCaps = tok.word.length() >= 2 && tok.word.equals(tok.word.toUpperCase(Locale.ROOT));
                if (tok.isCapitalised() && !Lexicon.isFunctionWord(tok.word) && (allCaps || !Lexicon.isPronoun(tok.word))) {
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

    /** The first and last index of the run of tokens labelled like {@code t[i]}. */
    static int[] span(List<Token> t, int i) {
        String label = t.get(i).label;
        int from = i;
        while (from > 0 && t.get(from - 1).label.equals(label)) {
            from--;
        }
        int to = i;
        while (to + 1 < t.size() && t.get(to + 1).label.equals(label)) {
            to++;
        }
        return new int[] {from, to};
    }

    static String text(List<Token> t, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k <= to; k++) {
            if (k > from && t.get(k).start > t.get(k - 1).end) {
                b.append(' ');
            }
            b.append(t.get(k).word);
        }
        return b.toString();
    }

    static void label(List<Token> t, int from, int to, String label) {
        for (int k = from; k <= to; k++) {
            t.get(k).label = label;
        }
    }
}
