package io.newsline.nlp.events;

import io.newsline.contracts.model.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The last step of linking: accounts of one happening told apart in an article (a later sentence of the
 * same kind, place and day, an undated lede and the body's dated account, the headline) become one.
 */
final class HappeningMerger {

    /** A toll's news is recent: an undated lede and a body sentence dated this many days before publication are one. */
    private static final int LEDE_DAYS = 2;
    private static final double HEADLINE_SCENE_KM = 30;

    private HappeningMerger() {}

    /** Joins happenings of one article that are the same; a headline joins the body's account. */
    static List<Happening> merge(List<Happening> drafts) {
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
                // A headline's name the gazetteer does not place ("Occupiers hit Okhmatdyt": a facility) says nothing
                // against the body's place.
                boolean placeFits = !t.placeNamed || t.place == null || t.place.lat() == null || Places.same(o.place, t.place)
                        || o.place != null && t.place != null
                        && (Places.sameCountry(t.place, o.place) || Places.near(t.place, o.place, HEADLINE_SCENE_KM));
                boolean kindFits = EventKinds.sameFamily(o.type, t.type) || EventKinds.violent(o.type) && EventKinds.violent(t.type);
                if (!o.recalled && kindFits && placeFits && (t.when == null || o.date.equals(t.date))) {
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

    /** A bare toll and a violent happening: the toll is that happening's figure. */
    private static boolean tollOfViolence(Happening a, Happening b) {
        return a.type == EventType.CASUALTY_REPORT && EventKinds.violent(b.type)
                || b.type == EventType.CASUALTY_REPORT && EventKinds.violent(a.type);
    }

    private static boolean sameHappening(Happening a, Happening b) {
        if (!a.ordinalFits(b) || a.part || b.part || a.recalled != b.recalled) {
            return false;
        }
        // A later, undated mention of the same kind of happening at the same place ("The missile attack
        // also injured 12 railway workers") is the dated one the article told, not a new one on the
        // publication day. A dated toll ("the number killed on Tuesday evening rose to nine") and an undated
        // attack quoted after it ("eight killed in the attack on the city") are one happening too.
        if (b.when == null && a.when != null && (EventKinds.sameFamily(a.type, b.type) || tollOfViolence(a, b))
                && (!b.placeNamed || Places.same(a.place, b.place))) {
            return true;
        }
        // "Russian forces struck X with rockets" leads, "On the night of May 4 they targeted a depot" dates it:
        // news is recent, so an undated account and a dated one of days before are one happening.
        // The same holds for a lede dated only by its statement ("the toll has risen to eight, officials said on
        // Wednesday") and the body's "two missiles struck on Tuesday".
        // A claim is dated by the claim ("Russia said on Tuesday it had captured X"), so only a figure's statement.
        boolean figureStatement = a.datedBySaying && (a.killed != null || a.injured != null || a.casualties != null);
        if ((a.when == null || figureStatement) && b.when != null && !b.datedBySaying
                && EventKinds.sameFamily(a.type, b.type) && b.dateEnd == null
                && !b.date.isBefore(a.date.minusDays(LEDE_DAYS)) && !b.date.isAfter(a.date)
                && (!b.placeNamed || !a.placeNamed || Places.same(a.place, b.place) || Places.partOf(b.place, a.place))) {
            a.adoptDate(b);
            return true;
        }
        if (!a.date.equals(b.date) || !Objects.equals(a.dateEnd, b.dateEnd)) {
            return false;
        }
        // A mention with no place of its own of the same kind on the same day is the one already told.
        if (!b.placeNamed && EventKinds.sameFamily(a.type, b.type)) {
            return true;
        }
        if (!Places.sameOrNone(a.place, b.place)) {
            return false;
        }
        if (EventKinds.sameFamily(a.type, b.type)) {
            return true;
        }
        return a.type == EventType.CASUALTY_REPORT && EventKinds.violent(b.type)
                || b.type == EventType.CASUALTY_REPORT && EventKinds.violent(a.type);
    }
}
