package io.newsline.nlp.events;

import io.newsline.contracts.model.EventType;
import io.newsline.nlp.time.TimeExpression;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

/** The date a sentence with none of its own takes from the story around it. */
final class StoryDates {

    /** "More than 60 were killed that year", "at the time": the time the sentence before gave, background or not. */
    private static final Pattern THAT_TIME = Pattern.compile("(?i)\\b(?:that|the\\s+same)\\s+(?:year|month|week|day|night"
            + "|spring|summer|autumn|fall|winter)\\b|\\bat\\s+the\\s+time\\b|\\bback\\s+then\\b");
    private static final Pattern SINCE = Pattern.compile("(?i)\\b(?:ever\\s+since|since|until|till)\\b");

    private StoryDates() {}

    /** "More than 60 were killed that year": the time the sentence before gave, or null when it says no such thing. */
    static TimeExpression thatTime(List<Reading> all, int i, OffsetDateTime published) {
        return THAT_TIME.matcher(all.get(i).text).find() ? timeBefore(all, i, published) : null;
    }

    /** The last time the sentence before gives, background or not: what "that year" points at. */
    private static TimeExpression timeBefore(List<Reading> all, int i, OffsetDateTime published) {
        if (i == 0 || all.get(i - 1).title) {
            return null;
        }
        // "the worst since June 2024, when protesters stormed parliament": a bound of a period names a time too
        String before = SINCE.matcher(all.get(i - 1).text).replaceAll("in");
        List<TimeExpression> times = all.get(i).cues.dates(before, published);
        return times.isEmpty() ? null : times.get(times.size() - 1);
    }

    /** The date of the nearest earlier sentence of the paragraph, when this one continues its story. */
    static TimeExpression carried(List<Reading> all, int i, List<Happening> drafts, EventType type) {
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
                boolean sameStory = HappeningLinker.ANAPHOR.matcher(r.text).find();
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
}
