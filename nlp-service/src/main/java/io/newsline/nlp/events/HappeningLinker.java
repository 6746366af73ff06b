package io.newsline.nlp.events;

import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import io.newsline.nlp.events.EventLexicon.Trigger;
import io.newsline.nlp.time.TimeExpression;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Links the sentences that tell one happening: a follow-up ("The attack killed seven") joins the
 * happening it continues, a definite description ("the attack on the X district") joins the one it
 * refers back to, and accounts of the same happening elsewhere in the article (the headline, a
 * later sentence of the same kind, place and date) are merged.
 */
final class HappeningLinker {

    private static final Pattern ANAPHOR = Pattern.compile(
            "^\\s*(?:The|This|That|These|Those|It|Its|They|Their|Such|Both)\\b");
    private static final Pattern EVENT_ANAPHOR = Pattern.compile("(?i)^\\s*(?:The|This|That|These|Those|Such|Its|Their)"
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
    /** A follow-up continues the happening told at most this many sentences before. */
    private static final int FOLLOW_UP_REACH = 3;
    private static final int REFINING_REACH = 2;
    private static final double SAME_SCENE_KM = 20;
    private static final double HEADLINE_SCENE_KM = 30;

    private final AttributionFinder attributions = new AttributionFinder();

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
            TimeExpression when = r.when != null ? r.when : carriedDate(readings, i, drafts, type);
            LocalDate date = when != null ? when.date() : published.toLocalDate();
            Place where = PlaceChooser.bestPlace(r, type);
            Happening referent = r.when == null || r.reportingDate ? referredBack(r, type, drafts, where) : null;
            if (referent != null) {
                referent.absorb(r, type, attributions);
                referent.refineSubtype(r, type);
                last = referent;
                continue;
            }
            if (last != null && continues(r, type, last, i, when, where)) {
                last.absorb(r, type, attributions);
                if (where != null && last.place != null && Places.moreSpecific(where, last.place)) {
                    last.place = where;
                }
                continue;
            }
            if (type == EventType.CASUALTY_REPORT && (r.when == null || r.reportingDate)) {
                // "The vice president said on Tuesday that 3,419 people had been killed": a toll of the
                // happening the article already told, not a happening of its own.
                Happening told = firstViolent(drafts, where);
                if (told != null) {
                    told.absorb(r, type, attributions);
                    continue;
                }
            }
            Happening d = new Happening(r, type, when, date, where != null ? where : main, where != null);
            d.attribution = attributions.find(r.text, r.names);
            d.hedged = d.attribution.hedged() || doubtedLater(readings, i);
            drafts.add(d);
            last = d;
        }
        return merge(drafts);
    }

    /** The date of the nearest earlier sentence of the paragraph, when this one continues its story. */
    private static TimeExpression carriedDate(List<Reading> all, int i, List<Happening> drafts, EventType type) {
        Reading r = all.get(i);
        if (r.title) {
            return null;
        }
        for (int j = i - 1; j >= 0; j--) {
            Reading prev = all.get(j);
            if (prev.paragraph != r.paragraph) {
                return null;
            }
            if (prev.when != null) {
                // The earlier sentence sets the scene ("Heavy rain fell on March 12. Floods then ...") or
                // tells the same kind of happening; one about another kind of happening keeps its date.
                boolean sameStory = ANAPHOR.matcher(r.text).find();
                boolean otherStory = false;
                for (Happening d : drafts) {
                    if (d.positions.contains(j)) {
                        sameStory |= EventKinds.sameFamily(d.type, type);
                        otherStory |= !EventKinds.sameFamily(d.type, type);
                    }
                }
                return sameStory || !otherStory ? prev.when : null;
            }
        }
        return null;
    }

    /** Whether a sentence goes on about the happening just read ("The attack killed seven ..."). */
    private static boolean continues(Reading r, EventType type, Happening last, int i, TimeExpression when, Place where) {
        if (r.title || last.title || i - last.lastPosition > FOLLOW_UP_REACH) {
            return false;
        }
        boolean anaphoric = ANAPHOR.matcher(r.text).find();
        Trigger best = r.best();
        boolean weak = type == EventType.CASUALTY_REPORT || best == null || best.generic();
        // "A jet dropped bombs on Pazigyi village": the next sentence names the village of the region just told.
        boolean refining = EventKinds.sameFamily(type, last.type) && when == null
                && i - last.lastPosition <= REFINING_REACH
                && where != null && last.place != null && Places.refines(where, last.place);
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

    /**
     * The earlier happening a sentence without a date of its own refers back to with a definite description
     * ("the attack on the Saltivskyi district was carried out with glide bombs"): the latest one of the
     * same kind whose place holds the sentence's place. A district or an unknown name does not make a new
     * happening; another town does.
     */
    private static Happening referredBack(Reading r, EventType type, List<Happening> drafts, Place where) {
        if (r.title || !DEFINITE_BACK.matcher(r.text).find()) {
            return null;
        }
        Trigger best = r.best();
        boolean weak = type == EventType.CASUALTY_REPORT || best == null || best.generic();
        for (int k = drafts.size() - 1; k >= 0; k--) {
            Happening d = drafts.get(k);
            if (d.title || !(EventKinds.sameFamily(d.type, type) || weak && EventKinds.violent(d.type))) {
                continue;
            }
            if (where == null || d.place == null || Places.same(where, d.place) || Places.partOf(where, d.place)) {
                return d;
            }
        }
        return null;
    }

    /** The first violent happening the article told at a compatible place: the one a later toll is about. */
    private static Happening firstViolent(List<Happening> drafts, Place where) {
        for (Happening d : drafts) {
            if (!d.title && EventKinds.violent(d.type) && d.type != EventType.CASUALTY_REPORT
                    && (where == null || d.place == null || Places.same(where, d.place) || Places.sameCountry(where, d.place))) {
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

    /** Joins happenings of one article that are the same; a headline joins the body's account. */
    private static List<Happening> merge(List<Happening> drafts) {
        List<Happening> out = new ArrayList<>();
        List<Happening> titles = new ArrayList<>();
        for (Happening d : drafts) {
            if (d.title) {
                titles.add(d);
                continue;
            }
            Happening same = null;
            for (Happening o : out) {
                if (sameHappening(o, d)) {
                    same = o;
                    break;
                }
            }
            if (same == null) {
                out.add(d);
            } else {
                same.join(d);
            }
        }
        for (Happening t : titles) {
            Happening same = null;
            for (Happening o : out) {
                boolean placeFits = !t.placeNamed || Places.same(o.place, t.place)
                        || o.place != null && t.place != null
                        && (Places.sameCountry(t.place, o.place) || Places.near(t.place, o.place, HEADLINE_SCENE_KM));
                boolean kindFits = EventKinds.sameFamily(o.type, t.type) || EventKinds.violent(o.type) && EventKinds.violent(t.type);
                if (kindFits && placeFits && (t.when == null || o.date.equals(t.date))) {
                    same = o;
                    break;
                }
            }
            if (same == null) {
                out.add(t);
            } else {
                same.join(t);
            }
        }
        return out;
    }

    private static boolean sameHappening(Happening a, Happening b) {
        // A later, undated mention of the same kind of happening at the same place ("The missile attack
        // also injured 12 railway workers") is the dated one the article told, not a new one on the
        // publication day.
        if (b.when == null && a.when != null && EventKinds.sameFamily(a.type, b.type)
                && (!b.placeNamed || Places.same(a.place, b.place))) {
            return true;
        }
        if (!a.date.equals(b.date) || !Objects.equals(a.dateEnd, b.dateEnd) || !Places.sameOrNone(a.place, b.place)) {
            return false;
        }
        if (EventKinds.sameFamily(a.type, b.type)) {
            return true;
        }
        return a.type == EventType.CASUALTY_REPORT && EventKinds.violent(b.type)
                || b.type == EventType.CASUALTY_REPORT && EventKinds.violent(a.type);
    }
}
