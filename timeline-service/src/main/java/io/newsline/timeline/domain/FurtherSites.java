package io.newsline.timeline.domain;

import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventLocation;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The further places an article's lead attack hit, told in a later line with an additive word: "shells also
 * landed in a village outside the city, injuring two", "three more missiles came down near the town",
 * "ще одна ракета влучила в село ...". News tells the salvo's other impact sites that way,
 * one line each, below its lead; the article reports its lead's happening and mentions the rest, so it is a
 * source of the lead's event only. Each further site stays on the lead's source (among its {@code recalls}), and
 * an article whose own lead is that site starts its event. A town farther than {@link #RADIUS_KM}, another day,
 * another kind of happening, or a line without an additive word is a report of its own, as the NLP gave it.
 */
final class FurtherSites {

    /** How far from the lead's town a further site of one attack may lie: a city's suburbs and its district's towns. */
    static final double RADIUS_KM = 50.0;

    /** Words that add a place to the attack already told; "more" only before a weapon or a count of them. */
    private static final Pattern ADDITIVE = Pattern.compile("(?:\\b(?:also|another|as\\s+well|likewise)\\b"
            + "|\\b(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|few)\\s+more\\b"
            + "|\\bmore\\s+(?:missiles?|rockets?|drones?|shells?|bombs?|strikes?)\\b"
            + "|(?<![\\p{L}])(?:також|теж|так\\s+само|также|тоже|ещё|еще)(?![\\p{L}])"
            + "|(?<![\\p{L}])ще(?!\\s+не)(?![\\p{L}]))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * For each report, whether it is a further site of the article's lead report (the first one placed at a town):
     * the same day, a kind the rule takes for one happening, another town within {@link #RADIUS_KM}, told with an
     * additive word. Nulls in {@code reports} are never further sites.
     */
    static boolean[] of(List<Event> reports, MergeRule rule) {
        boolean[] further = new boolean[reports.size()];
        int lead = lead(reports);
        if (lead < 0) {
            return further;
        }
        Event l = reports.get(lead);
        for (int j = lead + 1; j < reports.size(); j++) {
            Event e = reports.get(j);
            further[j] = e != null && ArticleReports.townLevel(e.location()) && Objects.equals(e.date(), l.date())
                    && rule.typesCompatible(l.type(), e.type()) && otherTownNearby(l.location(), e.location())
                    && e.evidence() != null && ADDITIVE.matcher(e.evidence()).find();
        }
        return further;
    }

    /** The article's lead report: the first one placed at a town, or -1 when none is. */
    static int lead(List<Event> reports) {
        for (int i = 0; i < reports.size(); i++) {
            if (reports.get(i) != null && ArticleReports.townLevel(reports.get(i).location())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean otherTownNearby(EventLocation lead, EventLocation site) {
        if (lead.geonameId() != null && lead.geonameId().equals(site.geonameId()) || lead.name().equalsIgnoreCase(site.name())) {
            return false;
        }
        double km = MergeRule.kilometres(lead.lat(), lead.lon(), site.lat(), site.lon());
        return km > 0 && km <= RADIUS_KM;
    }

    private FurtherSites() {}
}
