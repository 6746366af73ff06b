package io.newsline.nlp.geo;

import io.newsline.nlp.domain.NameMention;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The mentions of one surface name in one sense, and what the geocoder resolved them to. */
final class PlaceGroup {

    /** A candidate with its score for this group. */
    record Scored(Gazetteer.Match match, double score) {}

    final Gazetteer.Candidates candidates;
    /** "direction", "axis"…: the fighting around the place rather than the place. */
    final String axisWord;
    final String displayName;
    /** What the text calls it: a settlement ("the town of X") or nothing said. */
    final MentionCues.Kind kind;
    /** Infrastructure named after its town ("the X power station"): placed near the town, not as it. */
    final boolean facility;
    final List<NameMention> mentions = new ArrayList<>();
    final LinkedHashSet<String> surfaces = new LinkedHashSet<>();
    private Set<Integer> sentences;

    List<Scored> ranked;
    GazetteerEntry choice;
    boolean variant;
    double confidence;
    /** Every mention is in the dateline: where the report was filed, which says little about other names. */
    boolean datelineOnly = true;

    private PlaceGroup tie;
    MentionCues.Tie tieCue;

    GazetteerEntry near;
    String knownCountry;
    String knownAdmin1;

    PlaceGroup(Gazetteer.Candidates candidates, String axisWord, String displayName, MentionCues.Kind kind,
            boolean facility) {
        this.candidates = candidates;
        this.axisWord = axisWord;
        this.displayName = displayName;
        this.kind = kind;
        this.facility = facility;
    }

    Set<Integer> sentences() {
        if (sentences == null) {
            sentences = new HashSet<>();
            for (NameMention m : mentions) {
                sentences.add(m.sentence());
            }
        }
        return sentences;
    }

    boolean sharesSentenceWith(PlaceGroup other) {
        Set<Integer> small = sentences().size() <= other.sentences().size() ? sentences() : other.sentences();
        Set<Integer> large = small == sentences() ? other.sentences() : sentences();
        for (Integer s : small) {
            if (large.contains(s)) {
                return true;
            }
        }
        return false;
    }

    void tieTo(PlaceGroup target, MentionCues.Tie cue) {
        this.tie = target;
        this.tieCue = cue;
    }

    /** The group the text ties this one to, resolved or not. */
    PlaceGroup rawTie() {
        return tie;
    }

    /**
     * The place this one is tied to, once chosen. "X, Y" ties X to a region or country Y ("Paris,
     * Texas", "Lane County, Oregon"); between two towns or two regions it is a list ("Kupiansk, Vovchansk
     * and Lyman", "Kyiv, Chernihiv and Sumy oblasts"), not a tie.
     */
    PlaceGroup tie() {
        if (tie == null || tie.choice == null || tie.facility) {
            return null;
        }
        boolean list = tie.choice.isPopulatedPlace()
                || tie.choice.isRegion() && candidates.regionPhrase() && !candidates.localArea();
        return tieCue.byPunctuation() && list ? null : tie;
    }

    /** Tied by "in", "near", a comma to a region…, so that a candidate elsewhere is ruled out. */
    boolean tiedFirmly() {
        PlaceGroup t = tie();
        return t != null && (tieCue.explicit() || !t.choice.isPopulatedPlace());
    }

    /** The one exact candidate answers under its own name, not an alternate one ("Key East" of a seaside town). */
    private boolean ownNameOnly() {
        return candidates.matches().stream().anyMatch(m -> !m.variant() && m.primaryName());
    }

    long exactCount() {
        return candidates.matches().stream().filter(m -> !m.variant()).count();
    }

    /** Places that can vouch for others: regions, sizeable towns, or names with a single candidate, not datelines. */
    boolean isAnchor() {
        return choice != null && !datelineOnly && !facility
                && (choice.isRegion() || choice.population() >= 20_000 || exactCount() == 1 && ownNameOnly());
    }
}
