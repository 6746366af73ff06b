package io.newsline.nlp.pipeline;

import edu.stanford.nlp.ling.CoreLabel;
import io.newsline.nlp.lang.Analysis;
import io.newsline.nlp.lang.Morphology;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The words around a settlement's or an area's name in a language that inflects names, for
 * {@link InflectedNameRecognizer}: a settlement's noun or abbreviation before its name ("села Глушковка",
 * "с. Лимани"; the abbreviation's full stop ends no sentence), the words that make "район" a district of a
 * city, and a hromada's noun elided after it was said once. The words are data in the language's description
 * ({@code settlementNouns}, {@code settlementAbbreviations}, {@code cityDistrictWords}).
 */
final class SettlementWords {

    private final Morphology morphology;
    private final Predicate<String> knownPlace;
    private final SettlementAdjectives settlements;
    /** Nouns and abbreviations that introduce a settlement's name ("село", "с.", "поселок"). */
    private final Set<String> settlementNouns;
    private final Set<String> settlementAbbreviations;
    /** Words after "район" that make it a district of a city ("районі міста", "районе города"). */
    private final Set<String> cityDistrictWords;

    SettlementWords(Morphology morphology, Predicate<String> knownPlace, SettlementAdjectives settlements) {
        this.morphology = morphology;
        this.knownPlace = knownPlace;
        this.settlements = settlements;
        this.settlementNouns = Set.of(morphology.setting("settlementNouns").split(","));
        this.settlementAbbreviations = Set.of(morphology.setting("settlementAbbreviations").split(","));
        this.cityDistrictWords = Set.of(morphology.setting("cityDistrictWords").split(","));
    }

    /**
     * "с. Лимани", "пос. Северный": the sentence splitter ends a sentence at the abbreviation's full stop;
     * a settlement's abbreviation (the language's {@code settlementAbbreviations}) never ends one.
     */
    List<List<CoreLabel>> joinedAfterAbbreviations(List<List<CoreLabel>> sentences) {
        List<List<CoreLabel>> out = new ArrayList<>(sentences.size());
        for (List<CoreLabel> s : sentences) {
            List<CoreLabel> prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && endsWithSettlementAbbreviation(prev)) {
                List<CoreLabel> joined = new ArrayList<>(prev);
                joined.addAll(s);
                out.set(out.size() - 1, joined);
            } else {
                out.add(s);
            }
        }
        return out;
    }

    private boolean endsWithSettlementAbbreviation(List<CoreLabel> s) {
        int n = s.size();
        if (n >= 2 && s.get(n - 1).word().equals(".")) {
            return settlementAbbreviations.contains(s.get(n - 2).word().toLowerCase(java.util.Locale.ROOT));
        }
        String last = s.get(n - 1).word();
        return last.endsWith(".") && settlementAbbreviations.contains(
                last.substring(0, last.length() - 1).toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * "села Глушковка", "с. Вербовка", "село Широка Балка": a capitalised name right after a word for a
     * settlement is a settlement's name, also when the gazetteer does not know it (a village too small for
     * it); it is then kept unresolved with its name. Takes an adjective and a capitalised noun together.
     */
    int settlementAfterNoun(List<Token> t, int i) {
        Token w = t.get(i);
        if (i == 0 || !w.isCapitalised() || !Character.isLetter(w.word.codePointAt(0)) || !w.isOutside()
                || !afterSettlementNoun(t, i)) {
            return 0;
        }
        List<Analysis> readings = morphology.analyse(w.word);
        if (readings.stream().anyMatch(a -> !morphology.isNoun(a) && !morphology.isAdjective(a))) {
            return 0;
        }
        Token next = i + 1 < t.size() ? t.get(i + 1) : null;
        boolean adjective = readings.stream().anyMatch(morphology::isAdjective);
        if (adjective && next != null && next.isCapitalised() && next.isOutside()
                && morphology.levelNoun(next.word).isEmpty()
                && morphology.analyse(next.word).stream().noneMatch(a -> morphology.isAdjective(a))) {
            return InflectedNameRecognizer.mark(t, i, 2, MentionRules.LOCATION);
        }
        for (Analysis a : readings) {
            if (morphology.isPlace(a) && !a.lemma().isEmpty()) {
                w.lemma = a.lemma();
                break;
            }
        }
        return InflectedNameRecognizer.mark(t, i, 1, MentionRules.LOCATION);
    }

    private boolean afterSettlementNoun(List<Token> t, int i) {
        Token prev = t.get(i - 1);
        if (prev.word.equals(".") && i >= 2) {
            return settlementAbbreviations.contains(t.get(i - 2).word.toLowerCase(java.util.Locale.ROOT));
        }
        String word = prev.word.toLowerCase(java.util.Locale.ROOT);
        if (word.endsWith(".")) {
            return settlementAbbreviations.contains(word.substring(0, word.length() - 1));
        }
        return morphology.analyse(word).stream().anyMatch(a -> morphology.isNoun(a) && settlementNouns.contains(a.lemma()));
    }

    /**
     * A capitalised adjective after a preposition, with no noun after it (a dash, a comma or the end follows),
     * in a sentence that named a hromada before: the hromada's noun is elided.
     */
    boolean elidedLevel(List<Token> t, int i) {
        Token next = i + 1 < t.size() ? t.get(i + 1) : null;
        if (i == 0 || next != null && Character.isLetterOrDigit(next.word.codePointAt(0))
                || morphology.analyse(t.get(i - 1).word).stream().noneMatch(a -> a.tag().startsWith("prep"))) {
            return false;
        }
        for (int k = 0; k < i; k++) {
            for (Analysis a : morphology.analyse(t.get(k).word)) {
                if (morphology.isNoun(a) && settlements.namesSettlement(a.lemma())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "у Шевченківському районі Харкова", "районі міста": the district of a city, not a raion. */
    boolean cityDistrict(List<Token> t, int after) {
        if (after >= t.size()) {
            return false;
        }
        Token w = t.get(after);
        if (cityDistrictWords.contains(w.word.toLowerCase(java.util.Locale.ROOT))) {
            return true;
        }
        return w.isCapitalised() && morphology.analyse(w.word).stream()
                .anyMatch(a -> morphology.isNoun(a) && !morphology.isNominative(a) && knownPlace.test(a.lemma())
                        && !a.lemma().toLowerCase(java.util.Locale.ROOT).endsWith("щина"));
    }
}
