package io.newsline.nlp.events;

import io.newsline.contracts.model.Place;
import io.newsline.nlp.events.CasualtyParser.Casualties;
import io.newsline.nlp.time.TimeExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentences that tell several happenings at once, one per place: a list of places struck ("у Києві, Львові
 * та Одесі") and parallel clauses that each give a place its own toll ("у X громаді – двоє поранених, у Y –
 * четверо"). Which joins make a list is the language's ({@link EventCues#joinsList}).
 */
final class PlaceSplitter {

    /** One clause of a sentence of parallel clauses: its place, the toll and the date it gives. */
    /**
     * One clause of a sentence of parallel clauses: its place, the toll and the date it gives, and whether the
     * sentence's strongest trigger stands in it (else the clause tells only a toll).
     */
    record Clause(Place place, Casualties counts, TimeExpression when, boolean holdsTrigger) {}

    private PlaceSplitter() {}

    /**
     * The places of the list the chosen place stands in ("у Києві, Львові, Одесі та Дніпрі"): the sentence's
     * places next to each other with only a list's separators between them; the chosen place alone when it
     * stands in none.
     */
    static List<Place> listedPlaces(Reading r, Place where) {
        List<PlaceHit> hits = orderedHits(r, false);
        List<Place> run = new ArrayList<>();
        boolean holdsWhere = false;
        PlaceHit prev = null;
        for (PlaceHit h : hits) {
            boolean joined = prev != null && r.cues.joinsList(r.text.substring(prev.end(), h.start()));
            if (!joined) {
                if (holdsWhere) {
                    break;
                }
                run.clear();
            }
            if (run.stream().noneMatch(p -> Places.same(p, h.place()))) {
                run.add(h.place());
            }
            holdsWhere |= Places.same(h.place(), where);
            prev = h;
        }
        return holdsWhere ? run : List.of(where);
    }

    /**
     * The clauses of a sentence that names several places, each in a clause of its own (a comma or a
     * semicolon between them), when at least two of the clauses give a toll of their own; else none. Only in
     * languages whose lists are told apart (English wire copy sums them).
     */
    static List<Clause> parallelClauses(Reading r) {
        List<PlaceHit> hits = orderedHits(r, true);
        if (hits.size() < 2 || !r.cues.joinsList(",")) {
            return List.of();
        }
        List<Clause> out = new ArrayList<>();
        int start = 0;
        int tolled = 0;
        for (int k = 0; k < hits.size(); k++) {
            int end = r.text.length();
            if (k + 1 < hits.size()) {
                String between = r.text.substring(hits.get(k).end(), hits.get(k + 1).start());
                int cut = Math.max(between.lastIndexOf(','), between.lastIndexOf(';'));
                if (cut < 0) {
                    return List.of();
                }
                end = hits.get(k).end() + cut;
            }
            String clause = r.text.substring(start, end);
            Casualties counts = r.cues.counts(clause);
            if (!counts.any()) {
                counts = r.cues.elidedToll(clause, r.counts);
            }
            tolled += counts.any() ? 1 : 0;
            TimeExpression when = null;
            if (r.when != null && r.when.start() >= start && r.when.end() <= end) {
                when = r.when;
            }
            boolean holdsTrigger = r.best() != null && r.best().start() >= start && r.best().end() <= end;
            out.add(new Clause(hits.get(k).place(), counts, when, holdsTrigger));
            start = end + 1;
        }
        return tolled >= 2 ? out : List.of();
    }

    /** The sentence's place mentions in text order, none overlapping; a place written twice in a row once when asked. */
    private static List<PlaceHit> orderedHits(Reading r, boolean oncePerPlace) {
        List<PlaceHit> hits = new ArrayList<>(r.places);
        hits.sort((a, b) -> Integer.compare(a.start(), b.start()));
        List<PlaceHit> out = new ArrayList<>();
        for (PlaceHit h : hits) {
            PlaceHit prev = out.isEmpty() ? null : out.get(out.size() - 1);
            if (prev != null && (h.start() < prev.end() || oncePerPlace && Places.same(prev.place(), h.place()))) {
                continue;
            }
            out.add(h);
        }
        return out;
    }
}
