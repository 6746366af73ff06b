package io.newsline.nlp.events;

import io.newsline.contracts.model.EntityType;
import io.newsline.contracts.model.Place;
import io.newsline.nlp.events.AttributionFinder.Name;
import io.newsline.nlp.events.EventLexicon.Trigger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds who carried out a happening: "Russian forces", a country before a verb of attack, an armed group. */
final class ActorFinder {

    private static final Pattern ACTOR = Pattern.compile("\\b((?:the\\s+)?(?:[A-Z][a-z]+(?:ian|ean|ish|ese|ni|i|an|ch|ic))"
            + "\\s+(?:armed\\s+forces|forces|troops|army|military|soldiers|militants|fighters|rebels|police|navy"
            + "|air\\s+force|aircraft|warplanes|artillery|units|paratroopers|marines|national\\s+guard|border\\s+guards"
            + "|drones|jets|security\\s+forces|militia|militias))\\b");
    private static final Pattern ACTOR_VERB = Pattern.compile("^\\s+(?:has\\s+|have\\s+|had\\s+|again\\s+|also\\s+)?"
            + "(?:launched|fired|struck|attacked|shelled|bombed|hit|targeted|captured|seized|unleashed|deployed|launches"
            + "|fires|strikes|attacks|hits|targets|captures)\\b");
    private static final Pattern TARGET_BEFORE = Pattern.compile("(?i)(?:against|on|at|targeting|targeted|with|by|from)\\s+$");
    private static final Pattern MILITARY_ORG = Pattern.compile("(?i)\\b(?:forces|army|military|guard|brigade|regiment"
            + "|battalion|corps|command|group|militia|hamas|hezbollah|houthis?|idf|raf|wagner|isis|taliban|al-shabaab"
            + "|boko\\s+haram|rsf|police)\\b");
    private static final int MOST_ACTORS = 3;

    private ActorFinder() {}

    static List<String> actors(List<Reading> readings, String source) {
        Set<String> actors = new LinkedHashSet<>();
        for (Reading r : readings) {
            Matcher m = ACTOR.matcher(r.text);
            while (m.find() && actors.size() < MOST_ACTORS) {
                String before = r.text.substring(Math.max(0, m.start() - 15), m.start());
                if (!TARGET_BEFORE.matcher(before).find()) {
                    actors.add(m.group(1).replaceFirst("^the\\s+", ""));
                }
            }
            for (PlaceHit h : r.places) {
                if (Place.COUNTRY.equals(h.place().precision()) && ACTOR_VERB.matcher(r.text.substring(h.end())).find()) {
                    actors.add(h.place().name());
                }
            }
            Trigger trigger = r.best();
            for (Name n : r.names) {
                if (n.type() == EntityType.ORGANIZATION && trigger != null && n.end() <= trigger.start()
                        && !n.text().equals(source) && MILITARY_ORG.matcher(n.text()).find()) {
                    actors.add(n.text());
                }
            }
        }
        return List.copyOf(actors);
    }
}
