package io.newsline.nlp.pipeline;

import edu.stanford.nlp.ling.CoreLabel;
import io.newsline.nlp.lang.Analysis;
import io.newsline.nlp.lang.Morphology;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Names in a language that inflects them (Ukrainian, Russian), read with its morphological dictionary
 * instead of a trained recogniser: a capitalised word is a place when its lemma (or the lemma of the
 * adjective-and-level-noun phrase it starts: "Сумській області" -> "Сумська область") is in the gazetteer,
 * a person when the dictionary tags it a first or last name beside another, an organisation when it is a
 * known abbreviation (with the adjective before it: "Сумської ОВА"). Each token of a name carries its
 * lemma, the form the gazetteer is asked for.
 */
final class InflectedNameRecognizer {

    private static final Set<String> ORGANISATIONS = readList("/lang/organisations.txt");

    private final Morphology morphology;
    private final Predicate<String> knownPlace;
    private final SettlementAdjectives settlements;
    private final Set<String> institutionHeads;
    private final SettlementWords settlementWords;
    private final Predicate<String> seatTown;
    /** "RegioNews": a Latin word with a capital inside, in a Cyrillic text, is a brand's or an outlet's name. */
    private static final java.util.regex.Pattern CAMEL_CASE = java.util.regex.Pattern.compile("[A-Z][a-z]+[A-Z][A-Za-z]*");
    /** "РБК-Україна": an abbreviation joined to a capitalised word is an outlet's or a company's name. */
    private static final java.util.regex.Pattern OUTLET = java.util.regex.Pattern.compile("\\p{Lu}{2,}-\\p{Lu}\\p{Ll}+");

    InflectedNameRecognizer(Morphology morphology, Predicate<String> knownPlace) {
        this(morphology, knownPlace, knownPlace);
    }

    /**
     * @param seatTown whether a name is a town big enough to be the seat a raion is named after (a raion's
     *                 adjective is read as its seat only then: "Шевченківський район" of a city names no village)
     */
    InflectedNameRecognizer(Morphology morphology, Predicate<String> knownPlace, Predicate<String> seatTown) {
        this.morphology = morphology;
        this.settlements = new SettlementAdjectives(morphology);
        this.institutionHeads = Set.of(morphology.setting("organisationHeads").split(","));
        this.settlementWords = new SettlementWords(morphology, knownPlace, settlements);
        this.knownPlace = knownPlace;
        this.seatTown = seatTown;
    }

    List<TaggedSentence> tag(String field, String text, int firstIndex) {
        List<TaggedSentence> out = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (lineEnd > lineStart) {
                for (List<CoreLabel> sentence : settlementWords.joinedAfterAbbreviations(NameRecognizer.sentences(text.substring(lineStart, lineEnd)))) {
                    List<Token> tokens = new ArrayList<>(sentence.size());
                    for (CoreLabel w : sentence) {
                        tokens.add(new Token(w.word(), lineStart + w.beginPosition(), lineStart + w.endPosition(),
                                Token.OUTSIDE));
                    }
                    label(tokens);
                    out.add(new TaggedSentence(firstIndex + out.size(), field, tokens.get(0).start,
                            tokens.get(tokens.size() - 1).end, tokens));
                }
            }
            lineStart = lineEnd + 1;
        }
        return out;
    }

    private void label(List<Token> t) {
        int i = 0;
        while (i < t.size()) {
            int taken = labelAt(t, i);
            if (taken == 0) {
                taken = settlementWords.settlementAfterNoun(t, i);
            }
            i += Math.max(1, taken);
        }
    }

    /** Labels the name that starts at token i, if any; returns how many tokens it took. */
    private int labelAt(List<Token> t, int i) {
        Token w = t.get(i);
        if (!w.isCapitalised() || !Character.isLetter(w.word.codePointAt(0))) {
            return 0;
        }
        Token next = i + 1 < t.size() ? t.get(i + 1) : null;
        if (ORGANISATIONS.contains(w.word)) {
            return mark(t, i, 1, MentionRules.ORGANIZATION);
        }
        if (isCompoundAbbreviation(w.word) || CAMEL_CASE.matcher(w.word).matches() || OUTLET.matcher(w.word).matches()) {
            return mark(t, i, 1, MentionRules.ORGANIZATION);
        }
        List<Analysis> readings = morphology.analyse(w.word);
        Optional<Analysis> adjective = readings.stream().filter(morphology::isAdjective).findFirst();
        if (adjective.isPresent() && next != null) {
            if (ORGANISATIONS.contains(next.word)) {
                return mark(t, i, 2, MentionRules.ORGANIZATION);
            }
            int institution = institutionLength(t, i);
            if (institution > 0) {
                return mark(t, i, institution, MentionRules.ORGANIZATION);
            }
            Optional<Analysis> level = morphology.levelNoun(next.word);
            if (level.isPresent()) {
                Optional<String> phrase = agreeing(adjective.get(), level.get());
                if (phrase.isPresent() && knownPlace.test(phrase.get())) {
                    w.lemma = phrase.get();
                    next.lemma = "";
                    return mark(t, i, 2, MentionRules.LOCATION);
                }
                if (settlements.namesSeat(level.get().lemma()) && !settlementWords.cityDistrict(t, i + 2)) {
                    // "Бучанському районі", "Волоконовском районе": a raion is named after its seat; the
                    // adjective and the noun are the mention, placed at the seat.
                    for (String name : settlements.candidates(adjective.get().lemma())) {
                        if (seatTown.test(name)) {
                            w.lemma = name;
                            next.lemma = "";
                            return mark(t, i, 2, MentionRules.LOCATION);
                        }
                    }
                }
                if (settlements.namesSettlement(level.get().lemma())) {
                    // "Очаківській громаді": the hromada's adjective names its settlement; the adjective is the mention.
                    for (String name : settlements.candidates(adjective.get().lemma())) {
                        if (knownPlace.test(name)) {
                            w.lemma = name;
                            return mark(t, i, 1, MentionRules.LOCATION);
                        }
                    }
                }
            }
            if (settlementWords.elidedLevel(t, i)) {
                // "у Сумській громаді – четверо, а у Білопільській – жінка": the level noun said once is elided after.
                for (String name : settlements.candidates(adjective.get().lemma())) {
                    if (knownPlace.test(name)) {
                        w.lemma = name;
                        return mark(t, i, 1, MentionRules.LOCATION);
                    }
                }
            }
            // A two-word place named by an adjective and a noun ("Велика Писарівка", "Казачья Лопань").
            if (next.isCapitalised()) {
                for (Analysis noun : morphology.analyse(next.word)) {
                    if (!morphology.isNoun(noun)) {
                        continue;
                    }
                    Optional<String> adj = morphology.adjectiveNominative(capitalised(adjective.get().lemma()),
                            morphology.gender(noun));
                    if (adj.isPresent() && knownPlace.test(adj.get() + " " + noun.lemma())) {
                        w.lemma = adj.get() + " " + noun.lemma();
                        next.lemma = "";
                        return mark(t, i, 2, MentionRules.LOCATION);
                    }
                }
            }
        }
        int person = personLength(t, i);
        if (person > 0) {
            return mark(t, i, person, MentionRules.PERSON);
        }
        String place = placeLemma(w.word, readings, i == 0);
        if (place != null) {
            w.lemma = place;
            return mark(t, i, 1, MentionRules.LOCATION);
        }
        return 0;
    }

    /**
     * "ХОВА", "ЗОВА": a letter or two of a region or city before a known abbreviation ("ОВА") is that
     * region's administration.
     */
    private static boolean isCompoundAbbreviation(String word) {
        if (word.length() < 3 || !word.chars().allMatch(c -> Character.isUpperCase(c) && Character.UnicodeScript.of(c)
                == Character.UnicodeScript.CYRILLIC)) {
            return false;
        }
        for (int cut = 1; cut <= 2 && word.length() - cut >= 2; cut++) {
            if (ORGANISATIONS.contains(word.substring(cut))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Краматорської міської військової адміністрації", "Харьковской областной прокуратуры": a capitalised
     * adjective, at most two lower-case ones, and a noun that heads an institution's name (the language's
     * {@code organisationHeads}).
     */
    private int institutionLength(List<Token> t, int i) {
        for (int k = i + 1; k < Math.min(t.size(), i + 4); k++) {
            Token w = t.get(k);
            List<Analysis> readings = morphology.analyse(w.word);
            if (w.isCapitalised()) {
                return 0;
            }
            if (readings.stream().anyMatch(a -> morphology.isNoun(a) && institutionHeads.contains(a.lemma()))) {
                return k - i + 1;
            }
            if (readings.isEmpty() || readings.stream().noneMatch(morphology::isAdjective)) {
                return 0;
            }
        }
        return 0;
    }

    /** "Сумській" + "області" -> "Сумська область": the adjective in the noun's gender, then the noun, both nominative. */
    private Optional<String> agreeing(Analysis adjective, Analysis noun) {
        String gender = morphology.gender(noun);
        return gender == null ? Optional.empty()
                : morphology.adjectiveNominative(capitalised(adjective.lemma()), gender).map(a -> a + " " + noun.lemma());
    }

    /**
     * A first name followed by a last name (or a patronymic and a last name), or a last name after a first:
     * both tagged so by the dictionary. A place reading yields to a name only next to a first name.
     */
    private int personLength(List<Token> t, int i) {
        if (!hasReading(t.get(i), morphology::isFirstName)) {
            return 0;
        }
        int n = 1;
        while (i + n < t.size() && n < 3 && t.get(i + n).isCapitalised()
                && (hasReading(t.get(i + n), morphology::isLastName) || hasReading(t.get(i + n), morphology::isPatronymic))) {
            n++;
        }
        return n >= 2 ? n : 0;
    }

    private boolean hasReading(Token w, Predicate<Analysis> test) {
        return w.isCapitalised() && morphology.analyse(w.word).stream().anyMatch(test);
    }

    /**
     * The lemma under which the gazetteer knows the word, or null. A sentence's first word is a place only
     * when the dictionary has no common-word reading of it ("Вибух" is a word, "Харків" a name).
     */
    private String placeLemma(String word, List<Analysis> readings, boolean sentenceStart) {
        // An adverb, preposition or verb form ("Там", "Без", "Ранее") is not a place, capitalised or not.
        if (readings.stream().anyMatch(a -> !morphology.isNoun(a) && !morphology.isAdjective(a))) {
            return null;
        }
        if (sentenceStart && readings.stream().anyMatch(a -> !a.lemma().isEmpty() && Character.isLowerCase(a.lemma().charAt(0)))) {
            return null;
        }
        for (Analysis a : readings) {
            if (morphology.isPlace(a) && knownPlace.test(a.lemma())) {
                return a.lemma();
            }
        }
        for (Analysis a : readings) {
            if (morphology.isNoun(a) && !morphology.isFirstName(a) && !morphology.isLastName(a) && knownPlace.test(a.lemma())) {
                return a.lemma();
            }
        }
        if (knownPlace.test(word)) {
            return word;
        }
        return null;
    }

    private static String capitalised(String lemma) {
        return lemma.isEmpty() ? lemma : lemma.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + lemma.substring(1);
    }

    static int mark(List<Token> t, int from, int count, String label) {
        t.get(from).begins = true;
        for (int k = from; k < from + count; k++) {
            t.get(k).label = label;
        }
        return count;
    }

    private static Set<String> readList(String resource) {
        Set<String> out = new HashSet<>();
        try (var in = InflectedNameRecognizer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return Set.copyOf(out);
    }
}
