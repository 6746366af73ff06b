package io.newsline.nlp.events;

import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import io.newsline.nlp.events.EventLexicon.Trigger;
import io.newsline.nlp.time.TimeExpression;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Links the sentences that tell one happening: a follow-up ("The attack killed seven") joins the
 * happening it continues, a definite description ("the attack on the X district") joins the one it
 * refers back to, a consequence joins its cause, a part of a toll stays apart from its whole, and
 * {@link HappeningMerger} then joins accounts of the same happening told elsewhere in the article.
 */
final class HappeningLinker {

    static final Pattern ANAPHOR = Pattern.compile(
            "^\\s*(?:The|This|That|These|Those|It|Its|They|Their|Such|Both)\\b");
    static final Pattern EVENT_ANAPHOR = Pattern.compile("(?i)^\\s*(?:The|This|That|These|Those|Such|Its|Their)"
            + "\\s+(?:[\\w-]+\\s+){0,3}?(?:attacks?|assaults?|strikes?|barrage|raids?|bombardment|shelling|explosions?|blasts?"
            + "|operation|offensive|onslaught|salvo|bombing|incident|quake|earthquake|flood(?:ing)?|fire|blaze|storm"
            + "|protests?|rall(?:y|ies)|clashes|violence)\\b");
    /**
     * A definite description of one happening at the start of a clause ("According to the mayor, the
     * attack on ..."): the sentence talks about a happening the article already told. Not after "after",
     * "since" and the like, which point at another one, nor with a superlative ("the deadliest attack").
     */
    private static final Pattern DEFINITE_BACK = Pattern.compile("(?i)(?:^|[,;:—–]\\s*)(?:the|this|that)\\s+"
            + "(?!(?:[\\w-]+\\s+){0,2}?(?:(?!latest)[a-z]+est|first|second|third|last|next|previous|earlier|new|another)\\b)"
            + "(?:[\\w-]+\\s+){0,3}?(?:attack|strike|air\\s+strike|airstrike|shelling|blast|explosion|bombing|raid|barrage"
            + "|bombardment)\\b(?!\\s+(?:was|were)\\s+(?:the|a)\\s+(?:[a-z]+est|first)\\b)");
    private static final Pattern DOUBT_FOLLOW_UP = Pattern.compile("(?i)^\\s*(?:This|That|The|Such|These)\\s+(?:\\w+\\s+)?"
            + "(?:claims?|assertions?|reports?|figures?|information|accounts?|numbers?|statements?|allegations?)\\b");
    private static final Pattern DOUBT = Pattern.compile("(?i)\\b(?:unverified|unconfirmed|skeptic\\w*|sceptic\\w*|questions?"
            + "|not\\s+(?:been\\s+)?(?:independently\\s+)?(?:confirmed|verified)|disputed|denied|could\\s+not\\s+be"
            + "|if\\s+accurate|propagand\\w*|accuracy)\\b");
    /**
     * A happening the sentence says follows from one already told ("As a result, a fire broke out",
     * "buildings collapsed after the quake"): a consequence, part of that happening.
     */
    private static final Pattern CONSEQUENCE = Pattern.compile("(?i)^\\W*(?:as\\s+a\\s+(?:result|consequence)|consequently"
            + "|in\\s+the\\s+aftermath)\\b|\\b(?:after|following|in\\s+the\\s+wake\\s+of|as\\s+a\\s+result\\s+of"
            + "|caused\\s+by|triggered\\s+by|sparked\\s+by|due\\s+to)\\s+(?:the|this|that|these)\\s+(?:[\\w-]+\\s+){0,2}?"
            + "(?:attacks?|strikes?|airstrikes?|shelling|quake|earthquake|tremors?|explosions?|blasts?|bombing|storms?"
            + "|floods?|flooding|raids?|impacts?|barrage|hit)\\b");
    /** Fires and collapses are what strikes, blasts and quakes leave: "the fire was contained". */
    private static final Pattern AFTERMATH_KIND = Pattern.compile("(?i)^(?:fire|blaze|collapse|building\\s+collapse)$");
    /**
     * "Among those killed were three people in X", "two of them in X": a part of a toll already told, at a
     * place of its own.
     */
    private static final Pattern PART_OF_TOLL = Pattern.compile("(?i)\\bamong\\s+(?:those|the)\\s+(?:killed|dead|injured"
            + "|wounded|victims|casualties)\\b|\\b(?:of\\s+them|of\\s+whom)\\b");
    /** A follow-up continues the happening told at most this many sentences before. */
    private static final int FOLLOW_UP_REACH = 3;
    private static final int REFINING_REACH = 2;
    private static final double SAME_SCENE_KM = 20;

    private final EventCues attributions;

    HappeningLinker(EventCues cues) {
        this.attributions = cues;
    }

    /** The happenings the readings tell, in the order the article first tells them. */
    List<Happening> link(List<Reading> readings, Place main, OffsetDateTime published) {
        List<Happening> drafts = new ArrayList<>();
        Happening last = null;
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            EventType type = HappeningClassifier.typeOf(readings, i);
            if (type == null || !Factuality.reportsHappening(r)) {
                continue;
            }
            if (Asides.noHappeningOfItsOwn(r, drafts, published)) {
                continue;
            }
            // "Earlier on Friday the commission had reported six deaths; the count rose to eight": an earlier figure
            // of the happening, not an earlier happening
            boolean recall = Asides.recalls(r, type);
            TimeExpression then = r.when == null ? StoryDates.thatTime(readings, i, published) : null;
            boolean undated = r.when == null && then == null;
            TimeExpression when = r.when != null ? r.when : then != null ? then : StoryDates.carried(readings, i, drafts, type);
            LocalDate date = when != null ? when.date() : published.toLocalDate();
            Place where = PlaceChooser.bestPlace(r, type);
            Happening cause = !recall && (undated || r.reportingDate) ? causeOf(r, type, drafts, where) : null;
            if (cause != null) {
                cause.absorb(r, cause.type, attributions);
                last = cause;
                continue;
            }
            Happening whole = !recall && type == EventType.CASUALTY_REPORT && where != null && PART_OF_TOLL.matcher(r.text).find()
                    ? tolled(drafts) : null;
            if (whole != null && whole.place != null && !Places.same(where, whole.place)
                    && (where.lat() == null || Places.refines(where, whole.place) || Places.sameCountry(where, whole.place))) {
                // A part of the toll at a place of its own is a happening there, on the whole's day.
                drafts.add(part(r, whole, where));
                last = drafts.get(drafts.size() - 1);
                continue;
            }
            Happening referent = !recall && (undated || r.reportingDate || r.cues.refersBack(r.text))
                    ? referredBack(r, type, drafts, where) : null;
            if (referent != null) {
                referent.absorb(r, type, attributions);
                referent.refineSubtype(r, type);
                last = referent;
                continue;
            }
            List<PlaceSplitter.Clause> parallel = where == null || r.title ? List.of() : PlaceSplitter.parallelClauses(r);
            if (parallel.size() >= 2) {
                // "у X громаді – двоє поранених, у Y – четверо": each clause is its place's happening, with its toll.
                for (PlaceSplitter.Clause c : parallel) {
                    TimeExpression own = c.when() != null ? c.when() : r.when == null ? when : null;
                    EventType kind = c.holdsTrigger() ? type : EventType.CASUALTY_REPORT;
                    Happening d = new Happening(r, kind, own, own != null ? own.date() : published.toLocalDate(), c.place(), true);
                    if (c.place() != where) {
                        d.listedAt = c.place().geonameId() != null ? String.valueOf(c.place().geonameId()) : c.place().name();
                    }
                    d.killed = c.counts().killed();
                    d.injured = c.counts().injured();
                    d.casualties = c.counts().casualties();
                    d.attribution = attributions.attribution(r.text, r.names);
                    drafts.add(d);
                    last = d;
                }
                continue;
            }
            List<Place> listed = where == null ? List.of() : PlaceSplitter.listedPlaces(r, where);
            if (listed.size() >= 2 && !r.title) {
                // "атакували Київ, Львів та Одесу": one happening at each place of the list; a toll the
                // sentence gives stays with the place it was read for.
                for (Place p : listed) {
                    Happening d = new Happening(r, type, when, date, p, true);
                    if (p != where) {
                        d.listedAt = p.geonameId() != null ? String.valueOf(p.geonameId()) : p.name();
                        d.killed = null;
                        d.injured = null;
                        d.casualties = null;
                    }
                    d.attribution = attributions.attribution(r.text, r.names);
                    d.hedged = d.attribution.hedged() || doubtedLater(readings, i);
                    drafts.add(d);
                    last = d;
                }
                continue;
            }
            if (!recall && last != null && continues(r, type, last, i, when, where)) {
                last.absorb(r, type, attributions);
                if (where != null && last.place != null && Places.moreSpecific(where, last.place)) {
                    last.place = where;
                }
                continue;
            }
            boolean recount = !recall && type == EventType.CASUALTY_REPORT && Asides.countedAgain(r, drafts);
            if (!recall && type == EventType.CASUALTY_REPORT && (undated || r.reportingDate || recount)) {
                // "The vice president said on Tuesday that 3,419 people had been killed": a toll of the
                // happening the article already told, not a happening of its own. A recount names where the
                // injured died ("at the regional hospital in Ayacucho"), not where it happened.
                Happening told = firstViolent(drafts, recount ? null : where);
                String facility = told == null ? null : SignatureReader.target(r.foreground());
                if (facility != null && !facility.equals(targetOf(told)) && !attributions.countsAgain(r.text)) {
                    // "Four patients died at a nursing home": a part of the happening at a facility of its own.
                    drafts.add(part(r, told, where != null ? where : told.place));
                    last = drafts.get(drafts.size() - 1);
                    continue;
                }
                if (told != null && where != null && overview(told) && Places.level(where) == Places.SETTLEMENT
                        && !Places.same(where, told.place)) {
                    // "Ще одна поранена — жителька X" after an oblast's summary: a toll at a town of its own is that
                    // town's happening, of the summary's kind and day, not a share of the summary.
                    Happening d = new Happening(r, told.type, told.when, told.date, where, true);
                    d.subtype = told.subtype;
                    d.attribution = attributions.attribution(r.text, r.names);
                    drafts.add(d);
                    last = d;
                    continue;
                }
                if (told != null) {
                    told.absorb(r, type, attributions);
                    continue;
                }
            }
            if (when == null && where == null && !r.title && !drafts.isEmpty() && !EventKinds.violent(type)
                    && !EventKinds.sameFamily(type, drafts.get(0).type)) {
                // "Allies have pledged more air-defence systems": context of another kind, with no date or place of
                // its own to put it at; the publication day would be a guess.
                continue;
            }
            if (where == null && !r.title && !drafts.isEmpty() && type == EventType.GROUND_ASSAULT
                    && EventKinds.family(drafts.get(0).type).equals("strike")) {
                // "Troops have advanced in all directions", in a report of a strike on a city: fighting happens at
                // a front its sentence would name; the city struck is no place to put it.
                continue;
            }
            Happening d = new Happening(r, type, when, date, where != null ? where : main, where != null);
            d.attribution = attributions.attribution(r.text, r.names);
            d.hedged = d.attribution.hedged() || doubtedLater(readings, i);
            d.recalled = recall;
            drafts.add(d);
            last = d;
        }
        TollParts.split(readings, drafts, attributions);
        return HappeningMerger.merge(drafts);
    }





    /** Whether a sentence goes on about the happening just read ("The attack killed seven ..."). */
    private static boolean continues(Reading r, EventType type, Happening last, int i, TimeExpression when, Place where) {
        if (r.title || last.title || i - last.lastPosition > FOLLOW_UP_REACH
                || r.ordinal != null && !r.ordinal.equals(last.ordinal)) {
            return false;
        }
        boolean anaphoric = ANAPHOR.matcher(r.text).find();
        Trigger best = r.best();
        boolean weak = type == EventType.CASUALTY_REPORT || best == null || best.generic();
        // "A helicopter fired rockets at a hill village": the next sentence names the village of the region just told;
        // after an overview of "several communities", each one named is a happening of its own.
        boolean refining = EventKinds.sameFamily(type, last.type) && when == null && !overview(last)
                && i - last.lastPosition <= REFINING_REACH
                && where != null && last.place != null && Places.refines(where, last.place)
                // a neighbouring town named in a paragraph of its own is a happening of its own
                && (r.paragraph == last.lastParagraph || !Places.bothSettlements(where, last.place));
        if (!(anaphoric || weak && r.paragraph == last.lastParagraph || refining)) {
            return false;
        }
        boolean refersBack = EVENT_ANAPHOR.matcher(r.text).find();
        if (!EventKinds.sameFamily(type, last.type) && type != EventType.CASUALTY_REPORT && !weak && !refersBack) {
            return false;
        }
        if (when != null && !when.date().equals(last.date)) {
            return false;
        }
        return where == null || last.place == null || Places.same(where, last.place) || refining
                || anaphoric && (where.lat() == null || Places.sameCountry(where, last.place)
                        && !Places.bothSettlements(where, last.place) || Places.near(where, last.place, SAME_SCENE_KM));
    }

    /** Whether a happening was told as spread over several places ("in several communities of the region"). */
    static boolean overview(Happening h) {
        for (Reading r : h.readings) {
            if (r.cues.overview(r.text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The earlier happening a sentence without a date of its own refers back to with a definite description
     * ("the attack on the Saltivskyi district was carried out with glide bombs"): the latest one of the
     * same kind whose place holds the sentence's place. A district or an unknown name does not make a new
     * happening; another town does.
     */
    private static Happening referredBack(Reading r, EventType type, List<Happening> drafts, Place where) {
        if (r.title || !DEFINITE_BACK.matcher(r.text).find() && !r.cues.refersBack(r.text)) {
            return null;
        }
        Trigger best = r.best();
        boolean weak = type == EventType.CASUALTY_REPORT || best == null || best.generic();
        for (int k = drafts.size() - 1; k >= 0; k--) {
            Happening d = drafts.get(k);
            if (d.title || !(EventKinds.sameFamily(d.type, type) || weak && EventKinds.violent(d.type))
                    || r.ordinal != null && !r.ordinal.equals(d.ordinal)) {
                continue;
            }
            if (where == null || d.place == null || Places.same(where, d.place) || Places.partOf(where, d.place)) {
                return d;
            }
        }
        return null;
    }

    /**
     * The happening a consequence follows from: the latest one told whose kind can cause it (a strike, blast
     * or disaster), for a sentence that says so ("as a result", "after the quake") or for a fire or collapse,
     * which strikes, blasts and quakes leave, at a compatible place.
     */
    private static Happening causeOf(Reading r, EventType type, List<Happening> drafts, Place where) {
        if (r.title || drafts.isEmpty()) {
            return null;
        }
        // "Внаслідок обстрілів поранено ..." with no place of its own; one that names a village ("Внаслідок обстрілу
        // села X загинув ...") tells that village's happening.
        boolean saysSo = CONSEQUENCE.matcher(r.text).find() || r.cues.consequence(r.text) && where == null;
        Trigger best = r.best();
        boolean aftermath = type == EventType.DISASTER && best != null && AFTERMATH_KIND.matcher(best.subtype()).matches();
        if (!saysSo && !aftermath) {
            return null;
        }
        for (int k = drafts.size() - 1; k >= 0; k--) {
            Happening d = drafts.get(k);
            boolean canCause = EventKinds.family(d.type).equals("strike") || d.type == EventType.DISASTER
                    || saysSo && EventKinds.violent(d.type);
            if (d.title || !canCause || aftermath && d.type == EventType.DISASTER && !saysSo) {
                continue;
            }
            if (saysSo || where == null || d.place == null || Places.same(where, d.place) || Places.partOf(where, d.place)
                    || Places.partOf(d.place, where)) {
                return d;
            }
        }
        return null;
    }

    /** A part of a happening told in sentence r: of the whole's kind and day, at its own place. */
    private Happening part(Reading r, Happening whole, Place where) {
        return Happening.partOf(r, whole, where, attributions);
    }

    private static String targetOf(Happening h) {
        for (Reading r : h.readings) {
            String target = SignatureReader.target(r.foreground());
            if (target != null) {
                return target;
            }
        }
        return null;
    }

    /** The latest violent happening told with a toll: the whole a part of a toll is taken from. */
    static Happening tolled(List<Happening> drafts) {
        for (int k = drafts.size() - 1; k >= 0; k--) {
            Happening d = drafts.get(k);
            if (!d.title && EventKinds.violent(d.type) && (d.killed != null || d.injured != null || d.casualties != null)) {
                return d;
            }
        }
        return null;
    }


    /** The first violent happening the article told at a compatible place: the one a later toll is about. */
    static Happening firstViolent(List<Happening> drafts, Place where) {
        for (Happening d : drafts) {
            if (!d.title && EventKinds.violent(d.type) && d.type != EventType.CASUALTY_REPORT
                    && (where == null || d.place == null || where.lat() == null || Places.same(where, d.place)
                            || Places.sameCountry(where, d.place))) {
                return d;
            }
        }
        return null;
    }

    /** Whether one of the next two sentences casts doubt on this one ("This claim remains unverified"). */
    private static boolean doubtedLater(List<Reading> all, int i) {
        for (int j = i + 1; j <= Math.min(all.size() - 1, i + 2); j++) {
            String t = all.get(j).text;
            if (DOUBT_FOLLOW_UP.matcher(t).find() && DOUBT.matcher(t).find()) {
                return true;
            }
        }
        return false;
    }
}
