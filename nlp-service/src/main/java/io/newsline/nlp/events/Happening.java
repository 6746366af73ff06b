package io.newsline.nlp.events;

import io.newsline.contracts.model.Attribution;
import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Place;
import io.newsline.nlp.events.EventLexicon.Trigger;
import io.newsline.nlp.time.TimeExpression;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One happening while the sentences that tell it are being gathered; becomes one event. */
final class Happening {
    final Reading primary;
    final boolean title;
    EventType type;
    String subtype;
    TimeExpression when;
    LocalDate date;
    LocalDate dateEnd;
    DatePrecision precision;
    /** "second", "another" ...: told as one more of its kind, so never the same as an earlier one without it. */
    final String ordinal;
    /** The date says when a figure was given ("officials said on Wednesday"), not when it happened. */
    boolean datedBySaying;
    /** For a happening at another place of the list its sentence names ("у Києві, Львові та Одесі"): that place's name. */
    String listedAt;
    /** Told as background ("Earlier on the day, ..."): an earlier happening the article recalls, not one it reports. */
    boolean recalled;
    /** A part of a toll told apart from its whole (at a place or facility of its own): never merged back. */
    boolean part;
    Place place;
    final boolean placeNamed;
    Integer killed;
    Integer injured;
    Integer casualties;
    Attribution attribution;
    boolean hedged;
    final Set<Integer> positions = new LinkedHashSet<>();
    final List<Reading> readings = new ArrayList<>();
    int lastPosition;
    int lastParagraph;

    Happening(Reading r, EventType type, TimeExpression when, LocalDate date, Place place, boolean placeNamed) {
        this.primary = r;
        this.title = r.title;
        this.type = type;
        Trigger best = r.best();
        this.subtype = best == null || best.generic() || best.type() != type ? EventKinds.defaultSubtype(type) : best.subtype();
        this.when = when;
        this.date = date;
        this.dateEnd = when == null ? null : when.dateEnd();
        this.precision = when == null ? DatePrecision.DAY : when.precision();
        this.place = place;
        this.placeNamed = placeNamed;
        this.ordinal = r.ordinal;
        this.datedBySaying = when != null && when == r.when && r.reportingDate;
        this.killed = r.counts.killed();
        this.injured = r.counts.injured();
        this.casualties = r.counts.casualties();
        positions.add(r.position);
        readings.add(r);
        lastPosition = r.position;
        lastParagraph = r.paragraph;
    }

    /** A part of a happening told in sentence r: of the whole's kind and day, at its own place. */
    static Happening partOf(Reading r, Happening whole, Place where, EventCues cues) {
        Happening part = new Happening(r, whole.type, whole.when, whole.date, where, where != whole.place);
        part.subtype = whole.subtype;
        part.part = true;
        part.attribution = cues.attribution(r.text, r.names);
        return part;
    }

    /** An undated account takes the date a later sentence gives the same happening. */
    void adoptDate(Happening dated) {
        when = dated.when;
        date = dated.date;
        dateEnd = dated.dateEnd;
        precision = dated.precision;
        datedBySaying = dated.datedBySaying;
    }

    /** Whether two accounts may be of one happening as far as counting goes: "a second strike" is not the first. */
    boolean ordinalFits(Happening other) {
        return Objects.equals(ordinal, other.ordinal);
    }

    /** Takes in a sentence that continues this happening's story. */
    void absorb(Reading r, EventType type, EventCues cues) {
        positions.add(r.position);
        readings.add(r);
        lastPosition = r.position;
        lastParagraph = r.paragraph;
        fillCounts(r.counts.killed(), r.counts.injured(), r.counts.casualties());
        if (this.type == EventType.CASUALTY_REPORT && type != EventType.CASUALTY_REPORT) {
            this.type = type;
            this.subtype = EventKinds.defaultSubtype(type);
        }
        Attribution a = cues.attribution(r.text, r.names);
        if (a.hedged() && r.counts.any()) {
            hedged = true; // "по предварительным данным, двое погибли": the toll of this happening is hedged
        }
        if (attribution == null || attribution.source() == null) {
            attribution = new Attribution(a.source(), attribution != null && attribution.hedged());
        }
    }

    /** "the attack ... was carried out with glide bombs": a generic kind gets the weapon a later sentence names. */
    void refineSubtype(Reading r, EventType type) {
        Trigger best = r.best();
        if (type == this.type && best != null && !best.generic() && best.type() == type
                && subtype.equals(EventKinds.defaultSubtype(type))) {
            subtype = best.subtype();
        }
    }

    /** Takes in another account of the same happening from elsewhere in the article. */
    void join(Happening other) {
        positions.addAll(other.positions);
        readings.addAll(other.readings);
        fillCounts(other.killed, other.injured, other.casualties);
        if (type == EventType.CASUALTY_REPORT && other.type != EventType.CASUALTY_REPORT) {
            type = other.type;
            subtype = other.subtype;
        } else if (type != other.type && EventKinds.family(type).equals("strike")
                && EventKinds.family(other.type).equals("strike")
                && other.type != EventType.EXPLOSION && type != EventType.EXPLOSION
                && !subtype.contains(" and ")) {
            subtype = subtype + " and " + other.subtype;
        }
        hedged |= other.hedged;
        if ((attribution == null || attribution.source() == null) && other.attribution != null
                && other.attribution.source() != null) {
            attribution = new Attribution(other.attribution.source(), hedged);
        }
    }

    /**
     * Within one happening the largest figure of each kind stands: tolls only rise as a story is told, and
     * a part ("five of them in a school") is never more than its whole. Figures are never summed.
     */
    private void fillCounts(Integer k, Integer i, Integer c) {
        killed = larger(killed, k);
        injured = larger(injured, i);
        casualties = larger(casualties, c);
    }

    private static Integer larger(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
    }
}
