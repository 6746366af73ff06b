package io.newsline.nlp.events;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventType;
import io.newsline.nlp.events.EventLexicon.Trigger;
import java.time.OffsetDateTime;
import io.newsline.nlp.time.NumberWords;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences about a happening the article told that are no happening of their own, or of the one reported: an
 * arrest after it, a ranking of it ("the deadliest this year"), a recount of its dead, and the recollection of an
 * earlier happening ("Earlier on the day, ...").
 */
final class Asides {

    private static final Pattern RANKING = Pattern.compile("(?i)\\b(?:is|was|has\\s+been|marks?|marked|became|becomes)\\s+"
            + "(?:the|its|their)\\s+(?:\\w+\\s+)?(?:deadliest|worst|largest|biggest|heaviest|most\\s+\\w+|first|second|third)\\b");
    /**
     * A sentence that opens by saying it tells an earlier account: "Earlier on the day, ...", "Recall that ...",
     * "As the agency earlier reported, ...", "Previously, ...", "Background: ...". News writes the day's earlier
     * happenings and its own earlier reports this way; such a sentence starts a happening of its own, told as
     * background, and never continues the one the article reports.
     */
    private static final Pattern RECALLED = Pattern.compile("(?i)^\\W*(?:earlier\\s+(?:on\\s+)?(?:the\\s+day|today|that\\s+day"
            + "|this\\s+(?:week|month|morning)|(?:on\\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\\b|earlier\\s*,|previously\\s*,"
            + "|recall\\s+that\\b|as\\s+(?:[\\w-]+\\s+){0,5}?(?:earlier|previously)\\s+reported\\b|background\\s*:"
            + "|it\\s+was\\s+(?:earlier|previously)\\s+reported\\b)");
    /** The dead already counted as a sentence's subject: "The three victims", "All four dead", "The people killed". */
    private static final Pattern THE_DEAD = Pattern.compile("(?i)^\\W*(?:the|all(?:\\s+of\\s+the)?|both)\\s+"
            + "(?:(?<n>\\d{1,4}|[a-z]+(?:-[a-z]+)?)\\s+)?(?:victims|dead|deceased|fatalities|people\\s+(?:who\\s+)?(?:were\\s+)?"
            + "(?:killed|died)|those\\s+(?:who\\s+)?(?:were\\s+)?(?:killed|died))\\b");
    /** A happening's dead are counted again for days after it. */
    private static final int RECOUNT_DAYS = 7;

    private Asides() {}

    /** A step of a told happening's story or a judgement of it, which {@link HappeningLinker} skips. */
    static boolean noHappeningOfItsOwn(Reading r, List<Happening> drafts, OffsetDateTime published) {
        return followsUp(r, drafts) || judged(r, published) || describesTheDead(r, drafts);
    }

    /**
     * "The three victims in the village drowned when ...", "The dead included two children": a sentence whose
     * subject is the dead already counted tells how or who they were, not another happening. It needs a told
     * happening with at least that many dead.
     */
    private static boolean describesTheDead(Reading r, List<Happening> drafts) {
        Matcher m = THE_DEAD.matcher(r.text);
        if (r.title || !m.find()) {
            return false;
        }
        int n = m.group("n") == null ? 1 : NumberWords.parse(m.group("n"));
        for (Happening d : drafts) {
            if (!d.title && d.killed != null && n > 0 && d.killed >= n) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the sentence opens as a recollection of an earlier happening. "Earlier on Friday the commission had
     * reported six deaths; the count rose to eight" is an earlier figure of the happening, not an earlier happening.
     */
    static boolean recalls(Reading r, EventType type) {
        return RECALLED.matcher(r.text).find() && !(type == EventType.CASUALTY_REPORT && r.cues.countsAgain(r.text));
    }

    /**
     * "Officials had confirmed four deaths on Wednesday; the toll rose to six": a count taken again in the days after
     * a happening the article told is that happening's figure, whatever day it names.
     */
    static boolean countedAgain(Reading r, List<Happening> drafts) {
        if (r.when == null) {
            return false;
        }
        Happening told = HappeningLinker.firstViolent(drafts, null);
        // The happening may still carry the day its first figure was given ("said on Thursday"), so either way.
        return told != null && r.cues.countsAgain(r.text)
                && Math.abs(r.when.date().toEpochDay() - told.date.toEpochDay()) <= RECOUNT_DAYS;
    }

    /**
     * "The attack is the deadliest in the state this year": a sentence that ranks the happening just told is no
     * happening of its own. One that names the earlier one it is ranked against ("since March 2023, when ...")
     * carries that one's date and is read as it.
     */
    private static boolean judged(Reading r, OffsetDateTime published) {
        if (r.title || !HappeningLinker.EVENT_ANAPHOR.matcher(r.text).find() || !RANKING.matcher(r.text).find()) {
            return false;
        }
        return r.when == null || r.when.date().getYear() == published.getYear() && r.when.precision() != DatePrecision.DAY;
    }

    /**
     * "Police detained a 27-year-old man seen near the point of origin", "rescuers evacuated 400 tourists": an arrest
     * or an evacuation after a happening the article told is a step of its story, not a happening of its own.
     */
    private static boolean followsUp(Reading r, List<Happening> drafts) {
        Trigger best = r.best();
        boolean step = best != null && (EventLexicon.ARREST.equals(best.subtype()) || best.type() == EventType.DISPLACEMENT);
        if (r.title || !step || r.counts.any()) {
            return false;
        }
        for (Happening d : drafts) {
            if (!d.title && EventKinds.violent(d.type)) {
                return true;
            }
        }
        return false;
    }
}
