package io.newsline.timeline.domain;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSignature;
import io.newsline.contracts.model.Place;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The happenings one article reports. The NLP reads events sentence by sentence, and a report often names
 * its happening by the city in the lead and by the district in a later paragraph ("a missile hit the
 * city this morning" ... "the rocket struck a clinic in the Riverside district"): the same day, a kind the
 * merge rule accepts as one, one place named at two grains. Those two events are one report of one
 * happening; left apart, each would join or start its own event and the article would tell one strike
 * twice. Two districts, two towns, or one place told twice stay as the NLP gave them: it told them apart.
 */
final class ArticleReports {

    /** How far a district named in an article may lie from the city the same article names. */
    static final double DISTRICT_RADIUS_KM = 15.0;

    /** How far back a roundup tells its days: one week of news before the article's newest report. */
    static final Period NEWS_CYCLE = Period.ofDays(7);

    /** Words that make a place's name a part of a town rather than a town. */
    private static final Pattern DISTRICT = Pattern.compile(
            "\\b(district|raion|rayon|neighbourhood|neighborhood|microdistrict|borough|quarter|район|мікрорайон|микрорайон)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * The article's reports with each one named at a district folded into the same day's report of its city:
     * the earlier of the two keeps its place in the list (and so its event id) and takes the figures and
     * details it lacks from the other, whose slot becomes null. Nulls in {@code reports} stay null.
     */
    static List<Event> combine(List<Event> reports, MergeRule rule, Publication published) {
        List<Event> out = new ArrayList<>(reports);
        for (int i = 0; i < out.size(); i++) {
            for (int j = i + 1; j < out.size() && out.get(i) != null; j++) {
                Event a = out.get(i);
                Event b = out.get(j);
                if (b != null && oneReport(a, b, rule, published)) {
                    out.set(i, joined(a, b));
                    out.set(j, null);
                }
            }
        }
        return out;
    }

    /**
     * Two of one article's events that are one happening: named at a city and at one of its districts on one day,
     * or told twice at one scene with a detail that ties them (below).
     */
    static boolean oneReport(Event a, Event b, MergeRule rule, Publication published) {
        if (a.date() == null || b.date() == null) {
            return false;
        }
        if (a.date().equals(b.date()) && Objects.equals(a.dateEnd(), b.dateEnd())
                && cityAndDistrict(a.location(), b.location())) {
            return rule.match(reportOf(a, published), reportOf(b, published)).same();
        }
        return oneSceneTwice(a, b, rule, published);
    }

    /**
     * One happening told twice in an article: a report retells its strike as the toll rises ("two died at the
     * clinic" ... "the toll at the clinic rose to five"), or tells the impact at a village next to the city in
     * the same breath. Both at town level within {@link #DISTRICT_RADIUS_KM}, of a kind, day and time the merge
     * rule accepts as one, and agreeing on at least one thing that tells happenings apart: the kind of target,
     * the weapon's family, the district or a stated time. The rule's conflicts (another target, another
     * district, another hour) keep them apart, and reports that agree on nothing stay as the NLP gave them.
     */
    private static boolean oneSceneTwice(Event a, Event b, MergeRule rule, Publication published) {
        if (!townLevel(a.location()) || !townLevel(b.location())
                || MergeRule.kilometres(a.location().lat(), a.location().lon(), b.location().lat(), b.location().lon())
                > DISTRICT_RADIUS_KM) {
            return false;
        }
        MergeRule.Match m = rule.match(reportOf(a, published), reportOf(b, published));
        return m.same() && m.agreements() > 0;
    }

    /**
     * Which of an article's reports only recall an older happening. News leads with the newest happening
     * and recalls older ones in background paragraphs ("on Thursday a strike on a printing house killed
     * seven"; "the offensive began on the 10th"), so a report whose last day is before the start of
     * another report of the same article, published more than {@code within} after that last day ended,
     * is a recollection: a reference on the happening's event, not a source of it. An article whose reports are
     * all of one day, or one that is a late first report of an older happening and nothing newer, reports.
     * Nulls in {@code reports} are never recollections.
     */
    static boolean[] recollections(List<Event> reports, Publication published, Duration within) {
        boolean[] recalled = new boolean[reports.size()];
        if (published == null) {
            return recalled;
        }
        LocalDate newest = newestStart(reports);
        for (int i = 0; i < reports.size() && newest != null; i++) {
            Event e = reports.get(i);
            if (e == null || !EventDates.isValid(e.date())) {
                continue;
            }
            LocalDate last = EventDates.lastDay(e.date(), e.dateEnd());
            Instant dayOver = last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            recalled[i] = last.isBefore(newest) && published.from().isAfter(dayOver.plus(within));
        }
        return recalled;
    }

    /**
     * Which of the recollections lie outside the article's news cycle: dated only to a month or a year, or ended
     * more than {@link #NEWS_CYCLE} before the article's newest report began. A roundup tells the strikes of its
     * week day by day ("on Monday ... on Wednesday ... on Friday") and may be the timeline's only account of them;
     * a happening weeks or years older (the offensive that began a fortnight ago, the invasion, last year's
     * strike on the market) is background, and an article that only recalls it is no report of it.
     */
    static boolean[] outsideNewsCycle(List<Event> reports, boolean[] recalled) {
        boolean[] old = new boolean[reports.size()];
        LocalDate newest = newestStart(reports);
        for (int i = 0; i < reports.size() && newest != null; i++) {
            Event e = reports.get(i);
            if (!recalled[i] || e == null) {
                continue;
            }
            boolean dayPrecise = EventDates.precisionOf(e.date()) == DatePrecision.DAY;
            LocalDate last = EventDates.lastDay(e.date(), e.dateEnd());
            old[i] = !dayPrecise || last.plus(NEWS_CYCLE).isBefore(newest);
        }
        return old;
    }

    /** The first day of the article's newest dated report, or null when none is dated. */
    private static LocalDate newestStart(List<Event> reports) {
        LocalDate newest = null;
        for (Event e : reports) {
            if (e != null && EventDates.isValid(e.date())) {
                LocalDate start = EventDates.firstDay(e.date());
                newest = newest == null || start.isAfter(newest) ? start : newest;
            }
        }
        return newest;
    }

    private static boolean cityAndDistrict(EventLocation a, EventLocation b) {
        if (!townLevel(a) || !townLevel(b) || isDistrict(a) == isDistrict(b)) {
            return false;
        }
        return MergeRule.kilometres(a.lat(), a.lon(), b.lat(), b.lon()) <= DISTRICT_RADIUS_KM;
    }

    /** Whether a place is a town or a part of one, with coordinates: not a region or a country. */
    static boolean townLevel(EventLocation l) {
        return l != null && l.lat() != null && l.lon() != null && l.name() != null
                && !Place.REGION.equals(l.precision()) && !Place.COUNTRY.equals(l.precision());
    }

    static boolean isDistrict(EventLocation l) {
        return DISTRICT.matcher(l.name()).find();
    }

    private static MergeRule.Report reportOf(Event e, Publication published) {
        return new MergeRule.Report(e.type(), e.date(), e.dateEnd(), e.datePrecision(), e.location(),
                List.of(new MergeRule.Account(e.date(), e.dateEnd(), e.signature(), published)));
    }

    /** The first event with what it lacks taken from the second: a bare toll's kind, figures, details. */
    private static Event joined(Event first, Event second) {
        return first.withType(MergeRule.moreSpecific(first.type(), second.type()))
                .withFigures(either(first.killed(), second.killed()), either(first.injured(), second.injured()),
                        either(first.casualties(), second.casualties()))
                .withSignature(union(ownDistrict(first), ownDistrict(second)));
    }

    /** An event's signature without a rural district named after its town, which would hide a district of the town's own. */
    private static EventSignature ownDistrict(Event e) {
        return SignatureRule.withoutTownsDistrict(e.signature(), e.location() == null ? null : e.location().name());
    }

    private static <T> T either(T first, T second) {
        return first != null ? first : second;
    }

    private static EventSignature union(EventSignature a, EventSignature b) {
        if (a == null || b == null) {
            return a != null ? a : b;
        }
        boolean timeGiven = a.time() != null;
        return a.withTimeOfDay(either(a.timeOfDay(), b.timeOfDay()))
                .withTime(timeGiven ? a.time() : b.time(), timeGiven ? a.timeEnd() : b.timeEnd())
                .withTarget(either(a.target(), b.target()))
                .withWeapon(either(a.weapon(), b.weapon()))
                .withDistrict(either(a.district(), b.district()));
    }

    private ArticleReports() {}
}
