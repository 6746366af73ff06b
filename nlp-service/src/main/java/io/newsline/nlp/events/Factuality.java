package io.newsline.nlp.events;

import io.newsline.nlp.events.EventLexicon.Trigger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a sentence tells of something that happened, rather than a habit ("for months"), a plan
 * or a fear ("could", "will", "warned"), or a tally of a whole war.
 */
final class Factuality {

    private static final Pattern HABITUAL = Pattern.compile("(?i)\\b(?:for\\s+(?:months|weeks|years|decades)"
            + "|(?:months|years|weeks)\\s+of|repeatedly|regularly|routinely|constantly|frequently|often|daily|frequent|near-daily|nightly|relentless"
            + "|persistent|repeated"
            + "|every\\s+(?:day|night|week)|almost\\s+every|recurring|typically|usually|historically|(?:has|have|had)\\s+long"
            + "|long\\s+been|continues?\\s+to|continued\\s+to|continuing|throughout\\s+the\\s+war|over\\s+the\\s+past"
            + "|in\\s+recent\\s+(?:days|weeks|months|years)|so\\s+far\\s+this\\s+year|known\\s+for|a\\s+favou?red\\s+target"
            + "|remains?|remained|as\\s+the\\s+(?:war|conflict)|amid|previous|earlier\\s+reports|in\\s+the\\s+past"
            // "Road accidents are common on Peru's mountain highways": how often such things happen
            + "|(?:are|is)\\s+(?:all\\s+too\\s+|very\\s+|relatively\\s+|fairly\\s+|increasingly\\s+)?(?:common|frequent"
            + "|commonplace|routine|rare|a\\s+regular\\s+occurrence)"
            // "have intensified their offensive", "stepped up attacks": a trend of a campaign, not one happening
            + "|intensif(?:y|ied|ies|ying)|stepp(?:ed|ing)\\s+up|ramp(?:ed|ing)\\s+up|escalat(?:ed|ing|es))\\b");
    private static final Pattern MODAL = Pattern.compile("(?i)\\b(?:could|would|might|will|should|must|can|(?-i:may)"
            + "|expected\\s+to|scheduled\\s+to|due\\s+to|set\\s+to|plans?\\s+to|planned\\s+to|likely\\s+to)\\b");
    /**
     * "The war, which began in April 2023, has killed tens of thousands", "the offensive has displaced 14,000",
     * "civilians have been killed in the invasion which Moscow launched in 2022":
     * the tally of a whole war or campaign, not a happening in it.
     */
    private static final Pattern WAR_AS_A_WHOLE = Pattern.compile("(?i)\\b(?:war|conflict|invasion|insurgency|civil\\s+war"
            + "|uprising|crisis|offensive|counter-?offensive|campaign|hostilities)\\b[^.;]{0,80}\\b(?:has|have)\\s+(?:so\\s+far\\s+|now\\s+|already\\s+)?(?:killed|displaced|left"
            + "|forced|claimed|destroyed|uprooted|cost)\\b|\\b(?:war|conflict|invasion)\\s+(?:that\\s+|which\\s+)?"
            + "(?:began|started|broke\\s+out|erupted)\\b"
            // "the full-scale invasion which it launched in February 2022": a clause that dates the whole war
            + "|\\b(?:war|invasion)(?:\\s+(?:of|in|on|against)\\s+\\p{Lu}[\\p{L}'’-]*)?,?\\s+(?:that|which)\\s+(?:[\\p{L}'’]+\\s+){1,2}?(?:launched|began|started|unleashed)\\b");
    private static final Pattern CONDITIONAL_START = Pattern.compile("(?i)^\\s*(?:if|unless|should|once|when)\\b");

    private Factuality() {}

    /** Whether the sentence tells of something that happened, rather than a habit, a plan or a fear. */
    static boolean reportsHappening(Reading r) {
        if (r.onlyFuture) {
            return false;
        }
        Trigger best = r.best();
        boolean hasDate = r.when != null;
        boolean hasCounts = r.counts.any();
        if (WAR_AS_A_WHOLE.matcher(r.text).find()) {
            return false;
        }
        if (hasCounts) {
            return true;
        }
        if (hasDate) {
            return best == null || !modalNear(r.text, best);
        }
        String foreground = r.foreground();
        if (r.anyBackground()) {
            return false; // "Since the 2021 coup, the military has carried out 600 air strikes"
        }
        String clause = best == null ? foreground : Clauses.around(foreground, best.start(), best.end());
        // A modal after the trigger's clause is about what follows ("..., in a move that may open the road"),
        // one before it or in it governs the happening ("Russian forces may have sought to ...").
        String upToClause = best == null ? foreground : foreground.substring(0, Clauses.end(foreground, best.end()));
        if (r.cues.hypothetical(upToClause) || HABITUAL.matcher(clause).find()
                || CONDITIONAL_START.matcher(foreground).find()) {
            return false;
        }
        // A generic word ("attack") that got its type from a weapon or an army nearby reads as firmly as a weapon.
        if (best != null && !best.generic() && best.weight() < 0.6 && !r.title) {
            return false;
        }
        return r.title || r.cues.tellsAction(foreground);
    }

    /** A modal verb within a few words of the trigger: "the offensive could come to a halt". */
    private static boolean modalNear(String text, Trigger t) {
        int from = Math.max(0, t.start() - 40);
        int to = Math.min(text.length(), t.end() + 40);
        Matcher m = MODAL.matcher(text.substring(from, to));
        while (m.find()) {
            String between = m.start() + from < t.start() ? text.substring(m.end() + from, t.start())
                    : text.substring(t.end(), m.start() + from);
            if (between.trim().split("\\s+").length <= 5 && !between.matches("(?s).*[,;:].*")) {
                return true;
            }
        }
        return false;
    }
}
