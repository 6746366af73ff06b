package io.newsline.nlp.events;

import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Mention;
import io.newsline.contracts.model.Place;
import io.newsline.nlp.domain.AnnotatedArticle;
import io.newsline.nlp.events.EventLexicon.Trigger;
import io.newsline.nlp.geo.Datelines;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses where a happening took place among the places its sentence names: a settlement over a
 * region over a country, the object of a capture or the target of a strike over a launch site or an
 * official's title ("Kharkiv Mayor"), the place in the trigger's clause over one in another clause.
 */
final class PlaceChooser {

    private static final Pattern BEFORE_TARGET = Pattern.compile("(?i)(?:\\b(?:in|on|at|near|outside|into|over|toward|towards"
            + "|across|around|hit|struck|targeted|targeting|attacked|shelled|bombed|pounded|of|to)\\s+(?:the\\s+)?"
            + "(?:[\\w’'-]+\\s+){0,3}?(?:(?:city|town|village|settlement|region|oblast|province|district|area)\\s+of\\s+)?)$");
    private static final Pattern BEFORE_CAPTURED = Pattern.compile("(?i)(?:captured|capture\\s+of|control\\s+of|taken"
            + "|took|seized|seizure\\s+of|liberated|liberation\\s+of|recaptured|retook|fall\\s+of|withdrew\\s+from"
            + "|entered)\\s+(?:the\\s+)?(?:(?:village|town|city|settlement)\\s+of\\s+)?$");
    private static final Pattern BEFORE_ORIGIN = Pattern.compile("(?i)\\b(?:from|using|by|with)\\s+(?:the\\s+)?$");
    private static final Pattern AFTER_ROLE = Pattern.compile("(?i)^['’]?s?\\s*(?:regional\\s+|city\\s+|military\\s+)?"
            + "(?:governor|mayor|administration|authorities|officials?|police|president|minister|ministry|head|council"
            + "|government|leader|spokes\\w+|military\\s+administration|prosecutor\\w*)\\b");
    private static final Pattern AFTER_DEMONYM = Pattern.compile("^\\s*(?:forces|troops|army|military|soldiers|president|government)");
    /**
     * "Moscow hit a hypermarket", "Kyiv struck a refinery", "Moscow's forces attacked": a capital that acts stands
     * for its government or army (news English's metonymy), not for the scene. "Kharkiv hit by missiles" is the scene.
     */
    private static final Pattern AFTER_ACTOR = Pattern.compile("(?i)^(?:['’]s\\s+(?:forces|troops|army|military|missiles"
            + "|drones|jets|aircraft|bombers)\\b|\\s+(?:has\\s+|have\\s+|had\\s+)?(?:hit|struck|strikes|attacked|attacks"
            + "|launched|launches|fired|fires|shelled|bombed|targeted|targets|pounded|pummell?ed)\\b(?!\\s+(?:by|with)\\b))");
    private static final double ACTOR = -5.0;
    private static final Pattern BEFORE_STORM_NAME = Pattern.compile(
            "(?i)\\b(?:hurricane|typhoon|cyclone|storm|tropical\\s+storm|tropical\\s+depression)\\s+$");
    private static final Pattern RELATIVE_TO = Pattern.compile("(?i)\\b(?:kilometers|kilometres|km|miles)\\s+(?:\\w+\\s+){0,2}"
            + "(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east"
            + "|south-west)(?:ern)?\\s+of\\s+(?:the\\s+)?(?:city\\s+of\\s+)?$");

    /** "The quake was felt in X": where it was felt, not where it happened. */
    private static final Pattern BEFORE_FELT = Pattern.compile("(?i)\\bfelt\\s+(?:in|across|throughout|as\\s+far\\s+as|by"
            + "|around)\\s+(?:[\\w’'-]+,?\\s+){0,6}?$");
    /**
     * "The first X quake came hours after a 6.1 tremor shook Y": the
     * definite subject is the happening already told, the indefinite one is the sentence's news, so a place
     * inside the subject is not its place.
     */
    private static final Pattern DEFINITE_SUBJECT = Pattern.compile("(?i)^\\W*(?:the|this|that)\\s+(?:[\\w’'.-]+\\s+){0,6}?"
            + "(?:earthquake|quake|tremor|attack|strike|airstrike|explosion|blast|storm|flood|fire|shelling|bombing)s?"
            + "(?:\\s+(?:in|near|at|off|south|north|east|west|of)\\s+(?:the\\s+)?(?:[\\p{Lu}][\\w’'-]*\\s*){1,3})?");
    private static final Pattern INDEFINITE_EVENT = Pattern.compile("(?i)\\b(?:a|an)\\s+(?:[\\w.-]+\\s+){0,3}?"
            + "(?:earthquake|quake|tremor|attack|strike|airstrike|explosion|blast|storm|flood|fire|shelling|bombing)\\b");
    /**
     * "DORNBERG (AP) — Six are now known dead after a missile wrecked a cafe in a city in the east": a lead that
     * describes its scene without naming it ("in a city in the east", "a town near the border") says the scene is
     * not the dateline, which only tells where the story was filed. The headline or the next sentence names the
     * scene.
     */
    private static final Pattern UNNAMED_SCENE = Pattern.compile("(?i)\\b(?:in|on|at|near|outside|struck|hit|targeted"
            + "|attacked|shelled)\\s+(?:a|an)\\s+(?:[\\w’'-]+\\s+){0,3}?(?:city|town|village|settlement|port|suburb"
            + "|district|region|province)\\b");
    private static final double DATELINE_ELSEWHERE = -5.0;
    private static final double PERCEIVED_ONLY = -5.0;
    private static final double IN_TOLD_SUBJECT = -5.0;

    /** How far before a place its governing words are looked for. */
    private static final int CONTEXT_CHARS = 60;
    private static final double CAPTURED_OBJECT_OF_CAPTURE = 3.0;
    private static final double CAPTURED_OBJECT_OTHERWISE = 1.5;
    private static final double LAUNCH_SITE = -3.0;
    private static final double TARGET = 1.0;
    private static final double STORM_NAME = -5.0;
    private static final double LANDMARK = -3.0;
    private static final double TITLE_OR_DEMONYM = -2.5;
    private static final double RESOLVED = 0.3;
    private static final double ADDRESS = -1.0;
    /** Distance from the trigger costs up to a point, one per this many characters. */
    private static final double DISTANCE_CHARS = 200.0;
    private static final double OTHER_SENTENCE_PART = -2.5;
    private static final double OTHER_CLAUSE = -1.5;
    /** A country named without "in"/"at" is more often an actor ("Russia launched") than the scene. */
    private static final double LEAST_SCORE = 1.5;
    private static final double TITLE_MENTION = 3.0;
    private static final double BODY_MENTION = 1.0;
    private static final double LEVEL_IN_MAIN_PLACE = 0.5;

    private PlaceChooser() {}

    /** The place the sentence names that best fits the happening, or null when none fits. */
    static Place bestPlace(Reading r, EventType type) {
        PlaceHit best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        Trigger trigger = r.best();
        int toldSubjectEnd = toldSubjectEnd(r.text);
        int datelineEnd = r.title ? -1 : Datelines.end(r.text);
        boolean sceneElsewhere = datelineEnd > 0 && UNNAMED_SCENE.matcher(r.text).find(datelineEnd);
        for (PlaceHit h : r.places) {
            double score = Places.level(h.place());
            if (h.end() <= toldSubjectEnd) {
                score += IN_TOLD_SUBJECT;
            }
            if (sceneElsewhere && h.end() <= datelineEnd) {
                score += DATELINE_ELSEWHERE;
            }
            String before = r.text.substring(Math.max(0, h.start() - CONTEXT_CHARS), h.start());
            String after = r.text.substring(h.end());
            if (BEFORE_CAPTURED.matcher(before).find()) {
                score += type == EventType.TERRITORY_CAPTURE ? CAPTURED_OBJECT_OF_CAPTURE : CAPTURED_OBJECT_OTHERWISE;
            } else if (BEFORE_ORIGIN.matcher(before).find()) {
                score += LAUNCH_SITE;
            } else if (BEFORE_TARGET.matcher(before).find()) {
                score += TARGET;
            } else {
                int role = r.cues.placeRole(before);
                score += role > 0 ? TARGET : role < 0 ? LAUNCH_SITE : 0;
            }
            if (BEFORE_STORM_NAME.matcher(before).find()) {
                score += STORM_NAME; // "Hurricane Milton" names a storm, not a town
            }
            if (BEFORE_FELT.matcher(before).find()) {
                score += PERCEIVED_ONLY;
            }
            if (RELATIVE_TO.matcher(before).find()) {
                score += LANDMARK; // "150 kilometers north of X" names a landmark, not the scene
            }
            if (AFTER_ACTOR.matcher(after).find()) {
                score += ACTOR;
            }
            if (AFTER_ROLE.matcher(after).find() || AFTER_DEMONYM.matcher(after).find()) {
                score += TITLE_OR_DEMONYM;
            }
            if (h.place().lat() != null) {
                score += RESOLVED;
            }
            if (addressOfPrevious(r, h)) {
                score += ADDRESS;
            }
            if (trigger != null) {
                score -= Math.min(1.0, Math.abs(h.start() - trigger.start()) / DISTANCE_CHARS);
                String between = r.text.substring(Math.min(h.start(), trigger.start()), Math.max(h.start(), trigger.start()));
                if (between.indexOf(';') >= 0) {
                    score += OTHER_SENTENCE_PART;
                } else if (between.matches("(?s).*(?:[,:—–]|\\(|\\)).*")) {
                    score += OTHER_CLAUSE;
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = h;
            }
        }
        return best != null && bestScore >= LEAST_SCORE ? best.place() : null;
    }

    /**
     * "село X Y-ського району", "Краматорськ Донецької області": a place written right after another, with
     * nothing between, is that place's address, not a scene of its own.
     */
    private static boolean addressOfPrevious(Reading r, PlaceHit h) {
        for (PlaceHit other : r.places) {
            if (other.end() <= h.start() && other.end() >= h.start() - 1 && !Places.same(other.place(), h.place())
                    && r.text.substring(other.end(), h.start()).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The end of a definite subject naming a happening already told, when the sentence tells a new one; else 0. */
    private static int toldSubjectEnd(String text) {
        Matcher subject = DEFINITE_SUBJECT.matcher(text);
        if (!subject.lookingAt()) {
            return 0;
        }
        Matcher fresh = INDEFINITE_EVENT.matcher(text);
        return fresh.find(subject.end()) ? subject.end() : 0;
    }

    /**
     * The article's main place, where an event whose sentence names none is put: the place the
     * headline is about, else the place named most often.
     */
    static Place mainPlace(AnnotatedArticle doc, List<Reading> readings) {
        if (doc.places() == null) {
            return null;
        }
        for (Reading r : readings) {
            if (r.title) {
                Place headline = bestPlace(r, HappeningClassifier.typeOfTitle(r));
                if (headline != null && headline.lat() != null) {
                    return headline;
                }
            }
        }
        Place best = null;
        double bestScore = 0;
        for (Place p : doc.places()) {
            if (p.lat() == null || p.mentions() == null) {
                continue;
            }
            double score = 0;
            for (Mention m : p.mentions()) {
                score += Mention.TITLE.equals(m.field()) ? TITLE_MENTION : BODY_MENTION;
            }
            score += Places.level(p) * LEVEL_IN_MAIN_PLACE;
            if (score > bestScore) {
                bestScore = score;
                best = p;
            }
        }
        return best;
    }
}
