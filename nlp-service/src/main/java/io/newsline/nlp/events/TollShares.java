package io.newsline.nlp.events;

import io.newsline.nlp.time.NumberWords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A toll told as shares by place: "five died in Nairobi, two in Kisumu and one in Eldoret", "of the dead, nine
 * were in Swat and five in Shangla", "six in Garut regency and two in Tasikmalaya". Each share is a part of the
 * happening at a place of its own; a single count before a place is the whole's figure, not a share.
 */
final class TollShares {

    /** One place's share of a toll. */
    record Share(PlaceHit place, int count, boolean injured) {}

    /**
     * The words between a count and the place it belongs to, read backwards from the place: "five people died in",
     * "nine were in", "six of them in the market town of", "two others in".
     */
    private static final Pattern COUNT_BEFORE_PLACE = Pattern.compile("(?i)(?<![\\w.,-])(?<num>" + NumberWords.PATTERN + ")"
            + "(?:\\s+(?:of\\s+them|of\\s+whom|of\\s+the\\s+(?:dead|victims|injured|wounded)|others?|more|people|persons|residents|civilians|victims|deaths?|dead))?"
            + "(?:\\s+(?:were|was|have\\s+been|had\\s+been|are|is))?"
            + "(?:\\s+(?<word>killed|died|dead|deaths|injured|wounded|hurt))?"
            + "(?:\\s+(?:were|was))?"
            + "\\s+(?:in|at)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,3}?(?:(?:town|city|village|district|province|county|region"
            + "|regency|state|municipality|area|suburb|neighbou?rhood|settlement)\\s+of\\s+)?(?:the\\s+)?$");
    private static final Pattern INJURED_WORD = Pattern.compile("(?i)\\b(?:injured|wounded|hurt|injuries)\\b");
    private static final Pattern KILLED_WORD = Pattern.compile("(?i)\\b(?:killed|died|dead|deaths?|fatalities|bodies)\\b");
    /** How far before a place its count may stand: "six of them in the market town of Bahrain". */
    private static final int REACH = 60;

    private TollShares() {}

    /** The shares the sentence gives, in text order; empty unless it gives two or more. */
    static List<Share> of(Reading r) {
        List<PlaceHit> places = new ArrayList<>(r.places);
        places.sort(Comparator.comparingInt(PlaceHit::start));
        List<Share> shares = new ArrayList<>();
        int previousEnd = 0;
        for (PlaceHit p : places) {
            int from = Math.max(previousEnd, p.start() - REACH);
            if (from >= p.start()) {
                continue;
            }
            Matcher m = COUNT_BEFORE_PLACE.matcher(r.text.substring(from, p.start()));
            if (m.find()) {
                int count = NumberWords.parse(m.group("num"));
                boolean year = m.group("num").matches("(?:19|20)\\d\\d") && m.group("word") == null;
                if (count > 0 && !year && !m.group("num").matches("(?i)an?")) {
                    shares.add(new Share(p, count, injured(r.text, m.group("word"))));
                }
            }
            previousEnd = p.end();
        }
        return shares.size() >= 2 ? shares : List.of();
    }

    /** Whether the sentence speaks of the dead or the injured, so that counts by place are shares of a toll. */
    static boolean countsTheDead(String sentence) {
        return KILLED_WORD.matcher(sentence).find() || INJURED_WORD.matcher(sentence).find();
    }

    /** A share counts the injured when its own word says so, or when the sentence counts only the injured. */
    private static boolean injured(String sentence, String word) {
        if (word != null) {
            return INJURED_WORD.matcher(word).matches();
        }
        return INJURED_WORD.matcher(sentence).find() && !KILLED_WORD.matcher(sentence).find();
    }
}
