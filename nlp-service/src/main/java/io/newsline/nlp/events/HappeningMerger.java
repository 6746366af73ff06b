package io.newsline.nlp.events;

import io.newsline.contracts.model.EventType;
import java.time.LocalDate;
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
    /** How far a protest, disaster or crime told at a town may spread within the town's story. */
    private static final double SCENE_KM = 20;

    private HappeningMerger() {}

    /** Joins happenings of one article that are the same; a headline joins the body's account. */
    static List<Happening> merge(List<Happening> drafts) {
        List<Happening> out = new ArrayList<>();
        List<Happening> titles = new ArrayList<>();
        int firstDated = Integer.MAX_VALUE;
        for (Happening d : drafts) {
            if (!d.title && d.when != null && !d.datedBySaying) {
                firstDated = Math.min(firstDated, d.primary.position);
            }
        }
        for (Happening d : drafts) {
            if (d.title) {
                titles.add(d);
                continue;
            }
            Happening same = null;
            for (Happening o : out) {
                if (sameHappening(o, d, firstDated)) {
                    same = o;
                    break;
                }
            }
            if (same == null) {
                out.add(d);
            } else {
                boolean sharpens = regionOf(same, d); // told at the region first, then at its town
                same.join(d);
                if (sharpens) {
                    same.place = d.place;
                }
            }
        }
        // A headline tells the newest happening: never one the body recalls from weeks or years before.
        LocalDate newest = null;
        for (Happening o : out) {
            newest = newest == null || o.date.isAfter(newest) ? o.date : newest;
        }
        for (Happening t : titles) {
            Happening same = null;
            for (Happening o : out) {
                if (o.date.isBefore(newest.minusDays(LEDE_DAYS))) {
                    continue;
                }
                // A place that cannot be placed ("Andean ravine") cannot tell the headline apart from the body.
                boolean placeFits = !t.placeNamed || Places.same(o.place, t.place) || t.place == null || t.place.lat() == null
                        || o.place != null && t.place != null
                        && (Places.sameCountry(t.place, o.place) || Places.near(t.place, o.place, HEADLINE_SCENE_KM));
                boolean kindFits = EventKinds.sameFamily(o.type, t.type) || EventKinds.violent(o.type) && EventKinds.violent(t.type)
                        || tollOf(o, t) || tollOf(t, o);
                if (!o.recalled && kindFits && placeFits && (t.when == null || o.date.equals(t.date))) {
                    same = o;
                    break;
                }
            }
            if (same == null) {
                out.add(t);
            } else {
                boolean sharpens = regionOf(same, t); // "quake shook West Java", headlined at its town
                same.join(t);
                if (sharpens) {
                    same.place = t.place;
                }
            }
        }
        return out;
    }

    /**
     * "Air defence worked in the Kyiv region overnight" beside "drones hit Bucha overnight": a mention of the
     * same kind of happening on the same day at the region of the other's town is that happening, unless one
     * of them is an overview of many places, whose towns are happenings of their own.
     */
    private static boolean regionOf(Happening region, Happening town) {
        return region.placeNamed && region.place != null && town.place != null && town.place.lat() != null
                && Places.level(region.place) == Places.REGION && Places.level(town.place) == Places.SETTLEMENT
                && region.place.admin1() != null && region.place.admin1().equals(town.place.admin1())
                && Places.sameCountry(region.place, town.place)
                && EventKinds.sameFamily(region.type, town.type)
                && !HappeningLinker.overview(region) && !HappeningLinker.overview(town);
    }


    /** Whether two happenings are one; {@code firstDated} is the position of the body's first dated account. */
    private static boolean sameHappening(Happening a, Happening b, int firstDated) {
        if (!a.ordinalFits(b) || a.part || b.part || a.recalled != b.recalled) {
            return false;
        }
        // A later, undated mention of the same kind of happening at the same place ("The missile attack
        // also injured 12 railway workers") is the dated one the article told, not a new one on the
        // publication day. A dated toll ("the number killed on Tuesday evening rose to nine") and an undated
        // attack quoted after it ("eight killed in the attack on the city") are one happening too.
        if (b.when == null && a.when != null && (EventKinds.sameFamily(a.type, b.type) || tollOf(a, b) || tollOf(b, a))
                && (!b.placeNamed || Places.same(a.place, b.place) || spreadOver(a, b))) {
            return true;
        }
        // "Russian forces struck X with rockets" leads, "On the night of May 4 they targeted a depot" dates it:
        // news is recent, so an undated account and a dated one of days before are one happening.
        // The same holds for a lede dated only by its statement ("the toll has risen to eight, officials said on
        // Wednesday") and the body's "two missiles struck on Tuesday".
        // A claim is dated by the claim ("Russia said on Tuesday it had captured X"), so only a figure's statement.
        // Only a lede is undated that way: an undated account after a dated one (a bomb falls "on March 19" ...
        // "shelling reached the riverside district too") goes on with that day's news, and a strike of days before
        // told after it (a hypermarket hit "on March 17") is another happening.
        boolean figureStatement = a.datedBySaying && (a.killed != null || a.injured != null || a.casualties != null);
        boolean undatedLede = a.when == null && a.primary.position < firstDated;
        if ((undatedLede || figureStatement) && b.when != null && !b.datedBySaying
                && EventKinds.sameFamily(a.type, b.type) && b.dateEnd == null
                && !b.date.isBefore(a.date.minusDays(LEDE_DAYS)) && !b.date.isAfter(a.date)
                && (!b.placeNamed || !a.placeNamed || Places.same(a.place, b.place) || Places.partOf(b.place, a.place))) {
            a.adoptDate(b);
            return true;
        }
        if (!a.date.equals(b.date) || !Objects.equals(a.dateEnd, b.dateEnd)) {
            return false;
        }
        // A mention with no place of its own of the same kind on the same day is the one already told, and so is a
        // bare toll of that day ("an earlier count had put the toll at five").
        if (!b.placeNamed && (EventKinds.sameFamily(a.type, b.type) || tollOf(b, a))) {
            return true;
        }
        if (regionOf(b, a) || regionOf(a, b)) {
            return true;
        }
        if (EventKinds.sameFamily(a.type, b.type) && a.when == null && b.when == null && a.place != null
                && b.place != null && a.place.lat() != null && b.place.lat() != null
                && ("near".equals(a.place.precision()) || "near".equals(b.place.precision()))
                && Places.near(a.place, b.place, 1)) {
            // "... the hospital in the X district of Kyiv", "In Kyiv, the hospital was damaged by shelling": one day's
            // undated accounts of one kind at a town and at a part of it placed at the town are one happening
            return true;
        }
        if (!Places.sameOrNone(a.place, b.place)) {
            return false;
        }
        if (EventKinds.sameFamily(a.type, b.type)) {
            return true;
        }
        return tollOf(a, b) || tollOf(b, a);
    }

    /**
     * Protests, disasters and crimes spread over a town: an undated mention of the same kind within the scene of a
     * dated one, or at a place the gazetteer cannot place ("most of the deaths occurred in Kibera"), is that happening.
     * Strikes on places a few km apart are happenings of their own.
     */
    private static boolean spreadOver(Happening dated, Happening undated) {
        return EventKinds.sameFamily(dated.type, undated.type) && !EventKinds.family(dated.type).equals("strike")
                && dated.place != null && undated.place != null
                && (undated.place.lat() == null || Places.near(dated.place, undated.place, SCENE_KM));
    }

    /** A bare toll ("19 dead as ...") is a figure of the violent happening it is told with. */
    private static boolean tollOf(Happening toll, Happening happening) {
        return toll.type == EventType.CASUALTY_REPORT && EventKinds.violent(happening.type);
    }
}
