package io.newsline.nlp.pipeline;

import static io.newsline.nlp.pipeline.MentionRules.LOCATION;
import static io.newsline.nlp.pipeline.MentionRules.ORGANIZATION;
import static io.newsline.nlp.pipeline.MentionRules.PERSON;
import static io.newsline.nlp.pipeline.Token.OUTSIDE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules that find places the CRF misses or mistypes, and drop what it takes for places wrongly.
 * Each is a pattern of news English; the gazetteer ({@link PlaceJudge}) decides what is spelled like a place.
 */
final class PlaceRules {

    /** Energy words that make a "plant" or "station" a power station, a landmark of the map. */
    private static final Set<String> ENERGY_WORDS = Set.of("power", "nuclear", "hydroelectric", "hydropower",
            "thermal", "coal", "solar", "wind", "gas", "hydro", "atomic");
    /** Infrastructure named after its town that news places events at: "the Kakhovka dam", "Boryspil airport". */
    private static final Set<String> LANDMARKS = Set.of("airport", "dam", "reservoir", "seaport");

    private final PlaceJudge judge;

    PlaceRules(PlaceJudge judge) {
        this.judge = judge;
    }

    /** "Kharkiv region", "the Sumy oblast", "the Bilohirka community", "Kherson bridgehead": one place with its noun. */
    void nounSpans(List<Token> t) {
        for (int i = 1; i < t.size(); i++) {
            Token noun = t.get(i);
            if (!Lexicon.isRegionNoun(noun.word) && !Lexicon.isFrontNoun(noun.word) && !Lexicon.isNaturalNoun(noun.word)) {
                continue;
            }
            Token name = t.get(i - 1);
            if (!name.isCapitalised() || Lexicon.isFunctionWord(name.word) || judge.isDemonym(name.word)) {
                continue;
            }
            boolean sentenceStart = i - 1 == 0;
            // An untagged name needs a lower-case noun: "Islamic State", "Foreign Office" are names of their own.
            boolean lowerNoun = Character.isLowerCase(noun.word.charAt(0));
            boolean nameLike = name.label.equals(LOCATION)
                    || (name.label.equals(OUTSIDE) && !sentenceStart && lowerNoun)
                    || (lowerNoun && judge.isPlace(name.word));
            if (!nameLike) {
                continue;
            }
            int from = i - 1;
            String runLabel = name.label;
            while (!runLabel.equals(OUTSIDE) && from > 0 && t.get(from - 1).label.equals(runLabel)) {
                from--;
            }
            if (runLabel.equals(OUTSIDE) && from > 0 && t.get(from - 1).isCapitalised() && t.get(from - 1).isOutside()
                    && !Lexicon.isFunctionWord(t.get(from - 1).word) && from - 1 > 0) {
                from--;      // "the Verkhnia Syrovatka community": both words of the name
            }
            MentionRules.label(t, from, i, LOCATION);
            // A capitalised word after the noun belongs to a headline phrase, not to the place.
            if (i + 1 < t.size() && t.get(i + 1).label.equals(runLabel) && !runLabel.equals(OUTSIDE)) {
                for (int k = i + 1; k < t.size() && t.get(k).label.equals(runLabel); k++) {
                    t.get(k).label = OUTSIDE;
                }
            }
        }
    }

    /** "… area of Plateau State": the whole after "of", a place of its own, when the recogniser left it or took it for a body. */
    private void wholeAfterOf(List<Token> t, int of) {
        if (of + 1 >= t.size() || !t.get(of).word.equals("of")) {
            return;
        }
        int from = t.get(of + 1).word.equals("the") ? of + 2 : of + 1;
        int to = from;
        while (to + 1 < t.size() && to - from < 3 && t.get(to + 1).isCapitalised()) {
            to++;
        }
        if (from < t.size() && t.get(from).isCapitalised() && judge.isPlace(MentionRules.text(t, from, to))) {
            t.get(of).label = OUTSIDE;
            MentionRules.label(t, from, to, LOCATION);
        }
    }

    /** Capitalised heads that make a name a building, a place of the map however small. */
    private static final Set<String> BUILDING_HEADS = Set.of("Building", "Tower", "Towers", "Plaza", "Mansion",
            "Apartments", "Arcade");

    /**
     * "the three-storey Harbour View Building collapsed", "a fire at Marlow Tower": a named building is a place (a
     * facility), where the recogniser often sees nothing or an organisation. A person's name before the head stays
     * a person's unless the head is capitalised with it ("Trump Tower").
     */
    void namedBuildings(List<Token> t) {
        for (int i = 1; i < t.size(); i++) {
            if (!BUILDING_HEADS.contains(t.get(i).word) || t.get(i).label.equals(LOCATION)) {
                continue;
            }
            int from = i;
            while (from > 0 && i - from < 3 && t.get(from - 1).isCapitalised() && !Lexicon.isFunctionWord(t.get(from - 1).word)
                    && !judge.isDemonym(t.get(from - 1).word) && !(from - 1 == 0 && t.get(0).isOutside())) {
                from--;
            }
            if (from < i) {
                MentionRules.label(t, from, i, LOCATION);
            }
        }
    }

    /**
     * "in Konduga local government area", "the Gwoza Local Government Area": Nigeria's districts, as its press
     * writes them, are places with their three-word level, whatever the CRF made of "government".
     */
    void localGovernmentAreas(List<Token> t) {
        for (int i = 1; i + 2 < t.size(); i++) {
            boolean phrase = t.get(i).word.equalsIgnoreCase("local") && t.get(i + 1).word.equalsIgnoreCase("government")
                    && t.get(i + 2).word.toLowerCase(Locale.ROOT).startsWith("area");
            if (!phrase) {
                continue;
            }
            int from = i;
            while (from > 0 && i - from < 3 && t.get(from - 1).isCapitalised() && !Lexicon.isFunctionWord(t.get(from - 1).word)
                    && !t.get(from - 1).label.equals(PERSON)) {
                from--;
            }
            if (from < i && judge.isPlace(MentionRules.text(t, from, i - 1))) {
                MentionRules.label(t, from, i + 2, LOCATION);
                wholeAfterOf(t, i + 3);
            }
        }
    }

    /**
     * "the Zaporizhzhia nuclear power station", "Boryspil airport", "the Kakhovka dam": infrastructure
     * named after a place is a place of the map, unlike a company's plant ("the Azot chemical plant").
     */
    void infrastructure(List<Token> t) {
        for (int i = 1; i < t.size(); i++) {
            String head = t.get(i).word.toLowerCase(Locale.ROOT);
            boolean landmark = LANDMARKS.contains(head) && Character.isLowerCase(t.get(i).word.charAt(0));
            boolean power = (head.equals("plant") || head.equals("station")) && ENERGY_WORDS.contains(t.get(i - 1).word);
            if (!landmark && !power) {
                continue;
            }
            int k = i - 1;
            while (k >= 0 && ENERGY_WORDS.contains(t.get(k).word)) {
                k--;
            }
            int nameEnd = k;
            int nameStart = k;
            while (nameStart >= 0 && nameEnd - nameStart < 3 && t.get(nameStart).isCapitalised()
                    && !Lexicon.isFunctionWord(t.get(nameStart).word) && !t.get(nameStart).label.equals(PERSON)) {
                nameStart--;
            }
            nameStart++;
            if (nameStart > nameEnd || !judge.isPlace(MentionRules.text(t, nameStart, nameEnd))) {
                continue;
            }
            MentionRules.label(t, nameStart, i, LOCATION);
        }
    }

    /**
     * "NEW DELHI —", "in Kuala Lumpur": a place the CRF cut short takes the capitalised word before it
     * when together they are a place the gazetteer knows (and the word alone is not part of another name).
     */
    void wholeNames(List<Token> t) {
        for (int i = 0; i < t.size(); i++) {
            Token tok = t.get(i);
            if (!tok.label.equals(LOCATION) || (i > 0 && t.get(i - 1).label.equals(LOCATION))) {
                continue;
            }
            int end = MentionRules.span(t, i)[1];
            if (i > 0 && t.get(i - 1).isOutside() && t.get(i - 1).isCapitalised()
                    && judge.isPlaceOfAtLeast(MentionRules.text(t, i - 1, end), PlaceJudge.SIZEABLE_TOWN)) {
                t.get(i - 1).label = LOCATION;
            }
            // "Rio Grande do Sul", "Bosnia and Herzegovina": up to two more words, the last capitalised
            for (int more = 2; more >= 1; more--) {
                int to = end + more;
                if (to < t.size() && t.get(to).isCapitalised() && t.get(to).isOutside()
                        && judge.isPlaceOfAtLeast(MentionRules.text(t, i, to), PlaceJudge.SIZEABLE_TOWN)) {
                    MentionRules.label(t, end + 1, to, LOCATION);
                    break;
                }
            }
        }
    }

    /**
     * "KYIV —", "BILOPILLIA, Ukraine (Reuters) -": the dateline's capitals name where the report was filed,
     * a place the CRF, trained on mixed case, often leaves alone. The leading upper-case words of the body
     * become a place when a dash, comma, colon or bracket follows them and the gazetteer knows them.
     */
    void dateline(List<TaggedSentence> sentences) {
        TaggedSentence first = sentences.stream().filter(s -> s.field().equals("body"))
                .min(java.util.Comparator.comparingInt(TaggedSentence::index)).orElse(null);
        if (first == null || first.start() > 2) {
            return;
        }
        List<Token> t = first.tokens();
        int end = -1;
        while (end + 1 < t.size() && end < 3 && isUpperCaseWord(t.get(end + 1).word)) {
            end++;
        }
        if (end < 0 || end + 1 >= t.size() || !DATELINE_MARKS.contains(t.get(end + 1).word)) {
            return;
        }
        boolean labelled = false;
        for (int k = 0; k <= end; k++) {
            labelled |= t.get(k).label.equals(LOCATION);
        }
        String name = MentionRules.text(t, 0, end);
        boolean withCountry = t.get(end + 1).word.equals(",");
        if (!labelled && (judge.isPlaceOfAtLeast(name, PlaceJudge.SIZEABLE_TOWN) || withCountry && judge.isPlace(name))) {
            MentionRules.label(t, 0, end, LOCATION);
        }
    }

    private static final Set<String> DATELINE_MARKS = Set.of("—", "–", "-", "--", ",", ":", "•", "|", "(", "-LRB-");

    private static boolean isUpperCaseWord(String w) {
        return w.length() >= 2 && w.chars().anyMatch(Character::isLetter) && w.equals(w.toUpperCase(Locale.ROOT))
                && w.chars().allMatch(c -> Character.isLetter(c) || c == '.' || c == '\'' || c == '’' || c == '-');
    }

    /** "Elm Street", "on Khreshchatyk Avenue": an address inside a town, not a place of the map. */
    void streets(List<Token> t) {
        for (int i = 1; i < t.size(); i++) {
            Token tok = t.get(i);
            if (tok.label.equals(LOCATION) && tok.isCapitalised() && Lexicon.isStreetNoun(tok.word)
                    && t.get(i - 1).label.equals(LOCATION) && (i + 1 == t.size() || !t.get(i + 1).label.equals(LOCATION))) {
                int[] s = MentionRules.span(t, i);
                MentionRules.label(t, s[0], s[1], OUTSIDE);
            }
        }
    }

    /**
     * "Wase Local Government Area of Plateau State", "the Izium district of the Kharkiv region": a level
     * phrase "of" a known place is two places, the part and the whole.
     */
    void splitOfPhrases(List<Token> t) {
        for (int i = 2; i + 1 < t.size(); i++) {
            Token of = t.get(i);
            boolean named = of.label.equals(LOCATION) || of.label.equals(ORGANIZATION);
            if (!of.word.equals("of") || !named || !t.get(i - 1).label.equals(of.label)
                    || !t.get(i + 1).label.equals(of.label) || !isLevelWord(t.get(i - 1).word)) {
                continue;
            }
            int[] span = MentionRules.span(t, i);
            int from = t.get(i + 1).word.equals("the") ? i + 2 : i + 1;
            if (from <= span[1] && judge.isPlace(MentionRules.text(t, from, span[1]))) {
                // the recogniser may take the whole for an organisation ("… Local Government Area of Plateau State")
                MentionRules.label(t, span[0], span[1], LOCATION);
                of.label = OUTSIDE;
            }
        }
    }

    private static boolean isLevelWord(String w) {
        return Lexicon.isRegionNoun(w) || w.equalsIgnoreCase("area");
    }

    /**
     * One sense per article: a single-word name the CRF tags as a place somewhere is a place where it
     * leaves the same word untagged, typically at the start of a sentence ("Odesa was hit again").
     * Only words the gazetteer knows, and not where the word starts a longer name.
     */
    void spreadPlaceNames(List<TaggedSentence> sentences) {
        Set<String> placeWords = new HashSet<>();
        Set<String> otherWords = new HashSet<>();
        for (TaggedSentence s : sentences) {
            List<Token> t = s.tokens();
            for (int i = 0; i < t.size(); i++) {
                Token tok = t.get(i);
                if (tok.isOutside()) {
                    continue;
                }
                int[] span = MentionRules.span(t, i);
                if (span[0] == span[1] && tok.label.equals(LOCATION)) {
                    placeWords.add(tok.word);
                } else if (!tok.label.equals(LOCATION)) {
                    otherWords.add(tok.word);
                }
            }
        }
        placeWords.removeAll(otherWords);
        for (TaggedSentence s : sentences) {
            List<Token> t = s.tokens();
            for (int i = 0; i < t.size(); i++) {
                Token tok = t.get(i);
                boolean alone = (i == 0 || !t.get(i - 1).isCapitalised() || t.get(i - 1).isOutside() && i == 1)
                        && (i + 1 == t.size() || !t.get(i + 1).isCapitalised());
                if (tok.isOutside() && alone && placeWords.contains(tok.word) && judge.isPlace(tok.word)) {
                    tok.label = LOCATION;
                }
            }
        }
    }

    /**
     * In a headline-cased title the CRF runs capitalised words into one long "place" ("Russia Announces
     * Seizure Of Key East Ukraine"). Such a run keeps only the parts the gazetteer knows.
     */
    void headlineSpans(List<TaggedSentence> sentences) {
        Set<String> bodyWords = new HashSet<>();
        for (TaggedSentence s : sentences) {
            if (s.field().equals("body")) {
                s.tokens().forEach(tok -> bodyWords.add(tok.word));
            }
        }
        for (TaggedSentence s : sentences) {
            List<Token> t = s.tokens();
            if (!s.field().equals("title") || !MentionRules.isHeadline(t)) {
                continue;
            }
            int i = 0;
            while (i < t.size()) {
                if (!t.get(i).label.equals(LOCATION)) {
                    i++;
                    continue;
                }
                int end = MentionRules.span(t, i)[1];
                if (end - i >= 2 && !judge.isPlace(MentionRules.text(t, i, end))) {
                    keepKnownParts(t, i, end, bodyWords);
                }
                i = end + 1;
            }
        }
    }

    /** Keeps the parts that are well-known places or that the body names too ("Key East" is also a hamlet's name). */
    private void keepKnownParts(List<Token> t, int from, int to, Set<String> bodyWords) {
        int i = from;
        while (i <= to) {
            int found = -1;
            for (int end = Math.min(to, i + 3); end >= i && found < 0; end--) {
                String part = MentionRules.text(t, i, end);
                boolean named = bodyWords.contains(t.get(i).word) && bodyWords.contains(t.get(end).word);
                if (t.get(i).isCapitalised() && (judge.isWellKnownPlace(part) || named && judge.isPlace(part))) {
                    found = end;
                }
            }
            if (found < 0) {
                t.get(i).label = OUTSIDE;
                i++;
            } else {
                // a known part: a token outside between parts keeps them apart as mentions
                i = found + 1;
                if (i <= to) {
                    t.get(i).label = OUTSIDE;
                    i++;
                }
            }
        }
    }

    /**
     * A name tagged PERSON or ORGANIZATION that is a known place, or a lone one after "in"/"near", is a
     * place: "Bila Tserkva - hit by rockets", "in Chad". A surname of a person the article names is not.
     */
    void placesMistaken(List<Token> t, Map<String, Set<String>> personNames, Set<String> acronyms) {
        for (int i = 0; i < t.size(); i++) {
            Token tok = t.get(i);
            if (tok.isOutside() || acronyms.contains(tok.word)) {
                continue;
            }
            int[] s = MentionRules.span(t, i);
            if (s[0] != i) {
                continue;
            }
            boolean lone = s[0] == s[1];
            if (tok.label.equals(PERSON) && lone && !partOfLongerName(tok.word, personNames)
                    && (judge.isPlace(tok.word) || (i > 0 && isLocativePreposition(t.get(i - 1).word)))) {
                tok.label = LOCATION;
            } else if (tok.label.equals(PERSON) && !lone && onlyInThisName(t, s, personNames)
                    && (judge.isPlaceOfAtLeast(MentionRules.text(t, s[0], s[1]), PlaceJudge.SIZEABLE_TOWN)
                    || i > 0 && isLocativePreposition(t.get(i - 1).word) && judge.isPlace(MentionRules.text(t, s[0], s[1])))) {
                MentionRules.label(t, s[0], s[1], LOCATION);
            } else if (tok.label.equals(ORGANIZATION) && lone && !Lexicon.isAcronym(tok.word)
                    && judge.isWellKnownPlace(tok.word) && (i + 1 == t.size() || !t.get(i + 1).isCapitalised())) {
                tok.label = LOCATION;
            }
        }
    }

    private static boolean partOfLongerName(String word, Map<String, Set<String>> personNames) {
        return personNames.getOrDefault(word, Set.of()).stream().anyMatch(n -> !n.equals(word));
    }

    /** No other person of the article shares a word of this name: "Tserkva" said alone would be a surname. */
    private static boolean onlyInThisName(List<Token> t, int[] span, Map<String, Set<String>> personNames) {
        String name = MentionRules.text(t, span[0], span[1]);
        for (int k = span[0]; k <= span[1]; k++) {
            Set<String> names = personNames.get(t.get(k).word);
            if (names != null && (names.size() > 1 || !names.contains(name))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLocativePreposition(String w) {
        return switch (w.toLowerCase(Locale.ROOT)) {
            case "in", "near", "outside", "around", "towards", "toward", "into", "at" -> true;
            default -> false;
        };
    }

    /**
     * "Ratnapura, Kegalle and Padukka": a member of a list whose other members are places is a place too
     * when the gazetteer has it, whatever the CRF took it for.
     */
    void lists(List<Token> t) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < t.size()) {
            Token tok = t.get(i);
            boolean candidate = tok.isCapitalised() && !Lexicon.isFunctionWord(tok.word) && i > 0;
            if (!candidate && tok.isOutside()) {
                i++;
                continue;
            }
            int end = tok.isOutside() ? i : MentionRules.span(t, i)[1];
            spans.add(new int[] {i, end});
            i = end + 1;
        }
        for (int k = 0; k < spans.size(); k++) {
            int[] s = spans.get(k);
            if (t.get(s[0]).label.equals(LOCATION) || t.get(s[0]).label.equals(PERSON) && s[1] > s[0]) {
                continue;
            }
            boolean listed = (k > 0 && isListGap(t, spans.get(k - 1)[1], s[0]) && t.get(spans.get(k - 1)[0]).label.equals(LOCATION))
                    || (k + 1 < spans.size() && isListGap(t, s[1], spans.get(k + 1)[0])
                    && t.get(spans.get(k + 1)[0]).label.equals(LOCATION));
            if (listed && judge.isPlace(MentionRules.text(t, s[0], s[1]))) {
                MentionRules.label(t, s[0], s[1], LOCATION);
            }
        }
    }

    /** Only list punctuation between two spans: ",", "and", ", and", "or". */
    private static boolean isListGap(List<Token> t, int leftEnd, int rightStart) {
        if (rightStart - leftEnd < 2 || rightStart - leftEnd > 3) {
            return false;
        }
        for (int k = leftEnd + 1; k < rightStart; k++) {
            String w = t.get(k).word;
            if (!w.equals(",") && !w.equals("and") && !w.equals("or")) {
                return false;
            }
        }
        return true;
    }

    /**
     * A capitalised word inside a sentence the CRF left alone, that names a country, region or big city; and a
     * compass word with a name after it that together name one ("West Java", "North Kivu", "South Darfur"):
     * regions are often named so, and the recogniser reads the compass word as an adjective.
     */
    void missedPlaces(List<Token> t) {
        for (int i = 0; i + 1 < t.size(); i++) {
            Token compass = t.get(i);
            Token name = t.get(i + 1);
            boolean pair = compass.isOutside() && name.isOutside() && Lexicon.isCompass(compass.word)
                    && compass.isCapitalised() && name.isCapitalised() && !Lexicon.isFunctionWord(name.word)
                    && (i + 2 == t.size() || !t.get(i + 2).isCapitalised() || t.get(i + 2).isOutside());
            if (pair && judge.isWellKnownPlace(compass.word + " " + name.word)) {
                MentionRules.label(t, i, i + 1, LOCATION);
            }
        }
        for (int i = 1; i < t.size(); i++) {
            Token tok = t.get(i);
            if (!tok.isOutside() || !tok.isCapitalised() || Lexicon.isFunctionWord(tok.word)
                    || Lexicon.isCompass(tok.word) || !t.get(i - 1).isOutside()
                    || (i + 1 < t.size() && t.get(i + 1).isCapitalised() && !t.get(i + 1).isOutside())) {
                continue;
            }
            if (judge.isWellKnownPlace(tok.word)) {
                tok.label = LOCATION;
            }
        }
    }
}
