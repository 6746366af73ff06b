package io.newsline.nlp.events;

import io.newsline.contracts.model.Attribution;
import io.newsline.contracts.model.EntityType;
import io.newsline.contracts.model.EventType;
import io.newsline.nlp.events.AttributionFinder.Name;
import io.newsline.nlp.events.CasualtyParser.Casualties;
import io.newsline.nlp.events.EventLexicon.Trigger;
import io.newsline.nlp.lang.LexiconFile;
import io.newsline.nlp.lang.Morphology;
import io.newsline.nlp.lang.Words;
import io.newsline.nlp.lang.Words.Word;
import io.newsline.nlp.time.InflectedDates;
import io.newsline.nlp.time.TimeExpression;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cues of a language read with a morphological dictionary (Ukrainian, Russian): every word list is
 * data ({@code lang/<language>-events.tsv} for the words that name happenings,
 * {@code lang/<language>-events.properties} for tolls, dates and sources), matched by lemma, so one
 * reader serves every such language.
 */
final class InflectedCues implements EventCues {

    private static final Map<String, InflectedCues> LOADED = new ConcurrentHashMap<>();
    /** At most this many words may stand between the words of a cue of several ("атака ударних дронів"). */
    private static final int GAP = 2;

    /** One cue: its words (each a set of lemmas; a lemma ending in '*' is a stem), and what it names. */
    private record Cue(List<Set<String>> words, EventType type, String subtype, double weight, boolean generic) {}

    private final Morphology morphology;
    private final List<Cue> cues = new ArrayList<>();
    private final InflectedTolls tolls;
    private final InflectedDates dates;
    private final Set<String> hypothetical;
    private final Set<String> hedges;
    private final Set<String> speech;
    private final Set<String> according;
    private final Set<String> accordingAfter;
    private final Set<String> roles;
    private final List<String> actionTags;
    private final Set<String> sceneBefore;
    private final Set<String> originBefore;
    private final Set<String> landmarkBefore;
    private final Set<String> anaphors;
    private final Set<String> consequenceOpeners;
    private final Set<String> overviewPlaces;
    private final Set<String> settlementBefore;
    private final Set<String> conjunctions;
    private final Set<String> period;
    private final Set<String> periodBefore;

    private InflectedCues(String language) {
        this.morphology = Morphology.of(language);
        for (String[] row : LexiconFile.rows("/lang/" + language + "-events.tsv")) {
            if (row.length < 4) {
                throw new IllegalStateException("lang/" + language + "-events.tsv: a cue needs lemmas, type, subtype"
                        + " and weight: " + String.join(" | ", row));
            }
            List<Set<String>> words = new ArrayList<>();
            for (String w : row[0].strip().split("\\s+")) {
                words.add(Set.of(w.toLowerCase(Locale.ROOT).split("\\|")));
            }
            cues.add(new Cue(List.copyOf(words), EventType.valueOf(row[1].strip()),
                    row[2].isBlank() ? null : row[2].strip(), Double.parseDouble(row[3].strip()),
                    row.length > 4 && row[4].strip().equals("generic")));
        }
        LexiconFile lexicon = LexiconFile.read("/lang/" + language + "-events.properties");
        this.tolls = new InflectedTolls(lexicon, morphology);
        this.dates = new InflectedDates(lexicon);
        this.hypothetical = lexicon.words("hypothetical");
        this.hedges = lexicon.words("hedge");
        this.speech = lexicon.words("speech");
        this.according = lexicon.words("according");
        this.accordingAfter = lexicon.words("according.after");
        this.roles = lexicon.words("role");
        this.actionTags = lexicon.pieces("tag.action");
        this.sceneBefore = lexicon.words("place.scene");
        this.originBefore = lexicon.words("place.origin");
        this.landmarkBefore = lexicon.words("place.landmark");
        this.anaphors = lexicon.words("anaphor");
        this.consequenceOpeners = lexicon.words("consequence");
        this.overviewPlaces = lexicon.words("overview.places");
        this.settlementBefore = lexicon.words("place.settlement");
        this.conjunctions = lexicon.words("conjunctions");
        this.period = lexicon.words("period");
        this.periodBefore = lexicon.words("period.before");
    }

    static InflectedCues of(String language) {
        return LOADED.computeIfAbsent(language, InflectedCues::new);
    }

    private List<Word> words(String text) {
        return Words.of(text, morphology);
    }

    @Override
    public List<Trigger> triggers(String sentence) {
        List<Word> w = words(sentence);
        List<Trigger> found = new ArrayList<>();
        for (Cue cue : cues) {
            for (int i = 0; i < w.size(); i++) {
                int end = matchAt(cue, w, i);
                if (end < 0) {
                    continue;
                }
                int from = w.get(i).start();
                int to = w.get(end).end();
                if (found.stream().noneMatch(t -> from < t.end() && t.start() < to)) {
                    String subtype = cue.subtype != null ? cue.subtype : w.get(i).lemmas().iterator().next();
                    found.add(new Trigger(from, to, cue.generic ? EventLexicon.GENERIC : cue.type, subtype,
                            cue.weight, cue.generic));
                }
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    /** The index of the last word of the cue when it starts at word i, else -1. */
    private static int matchAt(Cue cue, List<Word> w, int i) {
        if (!matches(cue.words.get(0), w.get(i))) {
            return -1;
        }
        int at = i;
        for (int k = 1; k < cue.words.size(); k++) {
            int next = -1;
            for (int j = at + 1; j <= Math.min(w.size() - 1, at + 1 + GAP); j++) {
                if (matches(cue.words.get(k), w.get(j))) {
                    next = j;
                    break;
                }
            }
            if (next < 0) {
                return -1;
            }
            at = next;
        }
        return at;
    }

    static boolean matches(Set<String> wanted, Word word) {
        if (word.hasLemma(wanted)) {
            return true;
        }
        for (String s : wanted) {
            if (s.endsWith("*") && word.lower().startsWith(s.substring(0, s.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Casualties counts(String sentence) {
        return tolls.parse(words(sentence), sentence);
    }

    @Override
    public List<TimeExpression> dates(String sentence, OffsetDateTime published) {
        return dates.find(words(sentence), sentence, published);
    }

    @Override
    public boolean tellsAction(String text) {
        for (Word w : words(text)) {
            for (String tag : actionTags) {
                if (w.tagged(tag)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean hypothetical(String text) {
        return words(text).stream().anyMatch(w -> w.hasLemma(hypothetical));
    }

    @Override
    public boolean joinsList(String between) {
        // Only a comma or a conjunction: two names side by side are a place and its region ("Краматорськ
        // Донецької області").
        String rest = between.strip();
        if (rest.equals(",")) {
            return true;
        }
        if (rest.startsWith(",")) {
            rest = rest.substring(1).strip();
        }
        return conjunctions.contains(rest.toLowerCase(Locale.ROOT));
    }

    @Override
    public Casualties elidedToll(String clause, Casualties sentence) {
        int n = tolls.personCount(words(clause), clause);
        if (n <= 0) {
            return Casualties.NONE;
        }
        if (sentence.injured() != null && sentence.killed() == null) {
            return new Casualties(null, n, null);
        }
        if (sentence.killed() != null && sentence.injured() == null) {
            return new Casualties(n, null, null);
        }
        return Casualties.NONE;
    }

    @Override
    public boolean consequence(String text) {
        String start = text.replaceFirst("^[\\s\"«„“'-]+", "").toLowerCase(Locale.ROOT);
        for (String opener : consequenceOpeners) {
            if (start.startsWith(opener + " ")) {
                // "Внаслідок обстрілів ...": the phrase must be followed by the happening it follows from
                List<Trigger> found = triggers(text);
                return !found.isEmpty();
            }
        }
        return false;
    }

    @Override
    public boolean refersBack(String text) {
        List<Word> w = words(text);
        List<Trigger> found = triggers(text);
        for (int i = 0; i + 1 < w.size(); i++) {
            // "та" is also a conjunction ("атакувала та завдала удару"), never a demonstrative here
            if (!w.get(i).hasLemma(anaphors) || conjunctions.contains(w.get(i).lower())) {
                continue;
            }
            for (int j = i + 1; j <= Math.min(w.size() - 1, i + 2); j++) {
                Word next = w.get(j);
                if (found.stream().anyMatch(t -> t.start() <= next.start() && next.end() <= t.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean overview(String text) {
        // An oblast's summary of the day ("за минулу добу", "за сутки") or of many places ("по 31 населеному
        // пункту", "понад 30 міст і сіл") tells many happenings at once.
        List<Word> w = words(text);
        for (int i = 0; i + 1 < w.size(); i++) {
            if (w.get(i).isNumber() && (w.get(i + 1).hasLemma(overviewPlaces)
                    || i + 2 < w.size() && w.get(i + 2).hasLemma(overviewPlaces))) {
                return true;
            }
        }
        for (int i = 1; i < w.size(); i++) {
            if (w.get(i).hasLemma(period) && w.get(i - 1).hasLemma(periodBefore)
                    || i >= 2 && w.get(i).hasLemma(period) && w.get(i - 2).hasLemma(periodBefore)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int placeRole(String before) {
        List<Word> w = words(before);
        // The preposition stands right before the place or before its adjective or level noun ("з території").
        // An origin may stand a word further off ("з тимчасово окупованих територій X").
        for (int i = w.size() - 1; i >= Math.max(0, w.size() - 4); i--) {
            boolean fourthBack = i == w.size() - 4;
            if (w.get(i).end() < before.stripTrailing().length() - 40) {
                break;
            }
            boolean abbreviation = w.get(i).end() < before.length() && before.charAt(w.get(i).end()) == '.';
            if (!fourthBack && w.get(i).hasLemma(settlementBefore) && (abbreviation || w.get(i).lower().length() > 1)) {
                // "обстріляли село X", "в с. X": the settlement is named as the scene
                return 1;
            }
            if (!abbreviation && originBefore.contains(w.get(i).lower()) || w.get(i).hasLemma(landmarkBefore)) {
                // "з території", or "на участке автодороги X — Y": a road named by the towns it joins
                return -1;
            }
            if (!abbreviation && !fourthBack && sceneBefore.contains(w.get(i).lower())) {
                return 1;
            }
        }
        return 0;
    }

    @Override
    public Attribution attribution(String sentence, List<Name> names) {
        List<Word> w = words(sentence);
        boolean hedged = w.stream().anyMatch(x -> x.hasLemma(hedges));
        return new Attribution(source(sentence, w, names), hedged);
    }

    /**
     * "повідомив начальник ОВА Іван Петренко", "як заявив губернатор", "за даними ДСНС": the name nearest the
     * verb of saying (or after "за даними"), else the role word and what follows it up to the clause's end.
     */
    private String source(String sentence, List<Word> w, List<Name> names) {
        for (int i = 0; i < w.size(); i++) {
            boolean cites = w.get(i).hasLemma(speech);
            boolean per = !cites && w.get(i).hasLemma(according) && i + 1 < w.size() && w.get(i + 1).hasLemma(accordingAfter);
            if (!cites && !per) {
                continue;
            }
            int at = per ? w.get(i + 1).end() : w.get(i).end();
            Name best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (Name n : names == null ? List.<Name>of() : names) {
                if (n.type() != EntityType.PERSON && n.type() != EntityType.ORGANIZATION) {
                    continue;
                }
                int distance = n.start() >= at ? n.start() - at : w.get(i).start() - n.end();
                if (distance >= 0 && distance < bestDistance && (!per || n.start() >= at)) {
                    best = n;
                    bestDistance = distance;
                }
            }
            if (best != null && bestDistance <= 60) {
                return best.text();
            }
            for (int j = i + 1; j < Math.min(w.size(), i + 4); j++) {
                if (w.get(j).hasLemma(roles)) {
                    int end = w.get(Math.min(w.size() - 1, j + 1)).end();
                    String phrase = sentence.substring(w.get(j).start(), end);
                    int stop = phrase.indexOf(',');
                    return (stop > 0 ? phrase.substring(0, stop) : phrase).strip();
                }
            }
        }
        return null;
    }
}
