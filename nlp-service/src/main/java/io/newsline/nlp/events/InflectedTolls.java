package io.newsline.nlp.events;

import io.newsline.nlp.events.CasualtyParser.Casualties;
import io.newsline.nlp.lang.Analysis;
import io.newsline.nlp.lang.LexiconFile;
import io.newsline.nlp.lang.Morphology;
import io.newsline.nlp.lang.Words.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The killed and injured counts of a sentence in a language read by lemma: a number (digits, or a numeral in
 * any case: "двоє", "трьох", "п'ятеро") beside a word of dying or being hurt in the same clause
 * ("загинули двоє людей", "2 погибших и 4 раненых", "поранено 5 мешканців"); a word in the singular with no
 * number counts one ("загинула жінка"), and so does each person of a list ("поранено жінку та хлопця"); "без постраждалих" and "постраждалих немає" count none. A number that
 * counts things ("12 дронів", "5 будинків"), a date's day or a clock time is no toll.
 */
final class InflectedTolls {

    /** How many words apart a number and the word it counts may stand. */
    private static final int REACH = 4;
    private static final String CLAUSE_BREAK = ",;:()—–.!?\"«»";

    private final Morphology morphology;
    private final Set<String> killed;
    private final Set<String> injured;
    private final Set<String> without;
    private final Set<String> absent;
    private final Set<String> anyHarm;
    private final Set<String> persons;
    private final Set<String> things;
    private final Map<String, Integer> numbers;
    private final Set<String> singular;
    private final Set<String> plural;
    private final Set<String> subjectCases;
    private final Set<String> conjunctions;
    private final Set<String> rangeFrom;
    private final Set<String> rangeTo;

    InflectedTolls(LexiconFile lexicon, Morphology morphology) {
        this.morphology = morphology;
        this.killed = lexicon.words("toll.killed");
        this.injured = lexicon.words("toll.injured");
        this.without = lexicon.words("toll.without");
        this.absent = lexicon.words("toll.absent");
        this.anyHarm = lexicon.words("toll.anyHarm");
        this.persons = lexicon.words("person");
        Set<String> counted = new java.util.HashSet<>(lexicon.words("counted.things"));
        counted.addAll(lexicon.numbers("months").keySet());
        this.things = Set.copyOf(counted);
        this.numbers = lexicon.numbers("numbers");
        this.singular = Set.copyOf(lexicon.pieces("tag.singular"));
        this.plural = Set.copyOf(lexicon.pieces("tag.plural"));
        this.subjectCases = Set.copyOf(lexicon.pieces("tag.subjectCases"));
        this.conjunctions = lexicon.words("conjunctions");
        this.rangeFrom = lexicon.words("range.from");
        this.rangeTo = lexicon.words("range.to");
    }

    Casualties parse(List<Word> words, String text) {
        Integer dead = null;
        Integer hurt = null;
        for (List<Word> whole : clauses(words, text)) {
            List<Word> clause = withoutRanges(whole);
            boolean[] used = new boolean[clause.size()];
            for (int i = 0; i < clause.size(); i++) {
                Word w = clause.get(i);
                boolean k = w.hasLemma(killed);
                boolean h = !k && w.hasLemma(injured);
                if (!k && !h) {
                    continue;
                }
                Integer count = null;
                boolean none = i > 0 && clause.get(i - 1).hasLemma(without)
                        || i + 1 < clause.size() && clause.get(i + 1).hasLemma(absent)
                        || i > 0 && clause.get(i - 1).hasLemma(absent);
                if (none) {
                    count = 0;
                } else {
                    int n = nearestNumber(clause, i, used, text);
                    if (n >= 0) {
                        used[n] = true;
                        count = value(clause.get(n));
                    } else {
                        int listed = personsBeside(clause, i);
                        if (listed > 0) {
                            count = listed;
                        } else if (isSingular(w, k ? killed : injured)) {
                            count = 1;
                        }
                    }
                }
                if (count == null) {
                    continue;
                }
                if (k && dead == null) {
                    dead = count;
                } else if (h && hurt == null) {
                    hurt = count;
                    if (count == 0 && dead == null && w.hasLemma(anyHarm)) {
                        dead = 0; // "без постраждалих": nobody hurt, nobody killed
                    }
                }
            }
        }
        return new Casualties(dead, hurt, null);
    }

    /**
     * The clause without its ranges ("від 30 до 50 років", "от 38 до 46 лет"): an age or distance range counts
     * nothing and stands between a toll word and its number ("троє чоловіків від 30 до 50 років поранені").
     */
    private List<Word> withoutRanges(List<Word> clause) {
        List<Word> out = new ArrayList<>(clause.size());
        for (int i = 0; i < clause.size(); i++) {
            if (i + 3 < clause.size() && clause.get(i).hasLemma(rangeFrom) && value(clause.get(i + 1)) > 0
                    && clause.get(i + 2).hasLemma(rangeTo) && value(clause.get(i + 3)) > 0) {
                i += 3;
                if (i + 1 < clause.size() && clause.get(i + 1).hasLemma(things)) {
                    i++;
                }
                continue;
            }
            out.add(clause.get(i));
        }
        return out;
    }

    /**
     * "четверо чоловіків", "двох жінок": a number before a word for people, the toll of a clause whose verb is
     * elided ("у Сумській громаді – четверо чоловіків"); 0 when there is none.
     */
    int personCount(List<Word> words, String text) {
        List<Word> clause = withoutRanges(words);
        for (int i = 0; i + 1 < clause.size(); i++) {
            if (clause.get(i + 1).hasLemma(persons) && isCount(clause, i, text)) {
                return value(clause.get(i));
            }
        }
        return 0;
    }

    /** The words split at punctuation: a number counts only in its own clause. */
    private static List<List<Word>> clauses(List<Word> words, String text) {
        List<List<Word>> out = new ArrayList<>();
        List<Word> current = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                String between = text.substring(words.get(i - 1).end(), words.get(i).start());
                if (between.chars().anyMatch(c -> CLAUSE_BREAK.indexOf(c) >= 0) && !between.strip().equals("-")) {
                    out.add(current);
                    current = new ArrayList<>();
                }
            }
            current.add(words.get(i));
        }
        out.add(current);
        return out;
    }

    private int nearestNumber(List<Word> clause, int at, boolean[] used, String text) {
        int best = -1;
        for (int d = 1; d <= REACH; d++) {
            for (int j : new int[] {at - d, at + d}) {
                if (j >= 0 && j < clause.size() && !used[j] && isCount(clause, j, text)) {
                    return j;
                }
            }
        }
        return best;
    }

    private boolean isCount(List<Word> clause, int j, String text) {
        Word w = clause.get(j);
        if (value(w) <= 0) {
            return false;
        }
        if (w.isNumber()) {
            char before = w.start() > 0 ? text.charAt(w.start() - 1) : ' ';
            char after = w.end() < text.length() ? text.charAt(w.end()) : ' ';
            if (":.,/-".indexOf(before) >= 0 || ":.,/%".indexOf(after) >= 0 && w.end() + 1 < text.length()
                    && Character.isDigit(text.charAt(w.end() + 1)) || after == '%' || after == '-' || w.text().length() >= 4) {
                return false; // a clock time, a date, a share, an age ("8-річна"), a year
            }
        }
        if (j + 1 < clause.size()) {
            Word next = clause.get(j + 1);
            if (next.hasLemma(things)) {
                return false;
            }
        }
        return true;
    }

    private int value(Word w) {
        if (w.isNumber()) {
            try {
                return Integer.parseInt(w.text());
            } catch (NumberFormatException tooLong) {
                return -1;
            }
        }
        for (String l : w.lemmas()) {
            Integer v = numbers.get(l);
            if (v != null) {
                return v;
            }
        }
        return -1;
    }

    /** Whether every reading of the word under one of the lemmas is singular ("загинула", "постраждалий"). */
    private boolean isSingular(Word w, Set<String> lemmas) {
        boolean any = false;
        for (Analysis a : w.readings()) {
            if (!lemmas.contains(a.lemma().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            Set<String> parts = Set.of(a.tag().split(":"));
            if (parts.stream().anyMatch(plural::contains)) {
                return false;
            }
            any |= parts.stream().anyMatch(singular::contains);
        }
        return any;
    }

    /**
     * "поранено жінку", "загинув чоловік": a person in the subject's or object's case in the singular just
     * before the word, or the persons listed after it ("поранені 63-річний чоловік та 9-річна дівчинка" are two),
     * with only numbers, adjectives, verbs and conjunctions between; 0 when there is none.
     */
    private int personsBeside(List<Word> clause, int i) {
        if (i > 0 && clause.get(i - 1).hasLemma(persons)) {
            return isOnePerson(clause.get(i - 1)) ? 1 : 0;
        }
        int count = 0;
        for (int j = i + 1; j < Math.min(clause.size(), i + 10); j++) {
            Word w = clause.get(j);
            if (w.hasLemma(persons)) {
                if (!isOnePerson(w)) {
                    return 0;
                }
                count++;
            } else if (w.hasLemma(conjunctions)) {
                if (count == 0) {
                    return 0;
                }
            } else if (!w.isNumber() && w.readings().stream().allMatch(morphology::isNoun) && !w.readings().isEmpty()) {
                break;
            }
        }
        return count;
    }

    /** A person noun read in the singular, in a subject's or object's case ("жінка", "жінку"; not "жінки"). */
    private boolean isOnePerson(Word w) {
        for (Analysis a : w.readings()) {
            if (!persons.contains(a.lemma().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            Set<String> parts = Set.of(a.tag().split(":"));
            if (parts.stream().anyMatch(singular::contains) && parts.stream().noneMatch(plural::contains)
                    && parts.stream().anyMatch(subjectCases::contains)) {
                return true;
            }
        }
        return false;
    }
}
