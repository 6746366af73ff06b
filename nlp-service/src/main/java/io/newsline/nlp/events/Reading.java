package io.newsline.nlp.events;

import io.newsline.contracts.model.Mention;
import io.newsline.nlp.domain.Sentence;
import io.newsline.nlp.events.AttributionFinder.Name;
import io.newsline.nlp.events.CasualtyParser.Casualties;
import io.newsline.nlp.events.EventLexicon.Trigger;
import io.newsline.nlp.time.TimeExpression;
import java.util.List;

/**
 * What one sentence says, as far as events go: the words that name a happening, its dates, tolls,
 * places and names. Offsets are relative to the sentence. Built by {@link SentenceReader}.
 */
final class Reading {

    final Sentence sentence;
    final int position;
    final int paragraph;
    final String text;
    final boolean title;
    final List<Trigger> triggers;
    final TimeExpression when;
    /** Every date the sentence gives lies after the publication: a plan or a forecast. */
    final boolean onlyFuture;
    /** The date says when something was said ("the governor said on Tuesday"), not when it happened. */
    final boolean reportingDate;
    final Casualties counts;
    final List<PlaceHit> places;
    final List<Name> names;
    /**
     * "second", "third", "another", "separate", "further" when the sentence counts its happening among
     * others of its kind ("a second airstrike"), else null.
     */
    final String ordinal;
    /** Characters inside a clause that bounds a period ("since the war began ..."): background. */
    final boolean[] background;
    /** The language's cues the sentence was read with. */
    final EventCues cues;

    private Reading(Builder b) {
        this.sentence = b.sentence;
        this.position = b.position;
        this.paragraph = b.paragraph;
        this.text = b.sentence.text() == null ? "" : b.sentence.text();
        this.title = Mention.TITLE.equals(b.sentence.field());
        this.triggers = List.copyOf(b.triggers);
        this.when = b.when;
        this.onlyFuture = b.onlyFuture;
        this.reportingDate = b.reportingDate;
        this.counts = b.counts;
        this.places = List.copyOf(b.places);
        this.names = List.copyOf(b.names);
        this.background = b.background;
        this.ordinal = b.ordinal;
        this.cues = b.cues;
    }

    static Builder of(Sentence sentence, int position, int paragraph) {
        return new Builder(sentence, position, paragraph);
    }

    /** The trigger that tells the kind most surely, or null. */
    Trigger best() {
        Trigger best = null;
        for (Trigger t : triggers) {
            if (best == null || t.weight() > best.weight()) {
                best = t;
            }
        }
        return best;
    }

    boolean inBackground(int start, int end) {
        for (int i = Math.max(0, start); i < Math.min(end, background.length); i++) {
            if (background[i]) {
                return true;
            }
        }
        return false;
    }

    boolean anyBackground() {
        for (boolean b : background) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /** The text with its background clauses blanked out, offsets unchanged. */
    String foreground() {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            b.append(background[i] ? ' ' : text.charAt(i));
        }
        return b.toString();
    }

    static final class Builder {
        private final Sentence sentence;
        private final int position;
        private final int paragraph;
        private List<Trigger> triggers = List.of();
        private TimeExpression when;
        private boolean onlyFuture;
        private boolean reportingDate;
        private Casualties counts = Casualties.NONE;
        private List<PlaceHit> places = List.of();
        private List<Name> names = List.of();
        private boolean[] background = new boolean[0];
        private String ordinal;
        private EventCues cues = EnglishCues.INSTANCE;

        private Builder(Sentence sentence, int position, int paragraph) {
            this.sentence = sentence;
            this.position = position;
            this.paragraph = paragraph;
        }

        Builder triggers(List<Trigger> value) {
            triggers = value;
            return this;
        }

        Builder when(TimeExpression value, boolean onlyFutureDates, boolean saidOn) {
            when = value;
            onlyFuture = onlyFutureDates;
            reportingDate = saidOn;
            return this;
        }

        Builder ordinal(String value) {
            ordinal = value;
            return this;
        }

        Builder cues(EventCues value) {
            cues = value;
            return this;
        }

        Builder counts(Casualties value) {
            counts = value;
            return this;
        }

        Builder places(List<PlaceHit> value) {
            places = value;
            return this;
        }

        Builder names(List<Name> value) {
            names = value;
            return this;
        }

        Builder background(boolean[] value) {
            background = value;
            return this;
        }

        Reading build() {
            return new Reading(this);
        }
    }
}
