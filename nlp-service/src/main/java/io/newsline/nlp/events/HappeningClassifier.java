package io.newsline.nlp.events;

import io.newsline.contracts.model.EventType;
import io.newsline.nlp.events.EventLexicon.Trigger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Says what kind of happening a sentence reports, from its trigger words and the weapons named around it. */
final class HappeningClassifier {

    /** "Russian strikes", "Israeli air raids": a nation's strikes are military ones. */
    private static final Pattern NATION_BEFORE = Pattern.compile("\\b[A-Z][a-z]+(?:ian|ean|ish|ese|i|an|ch|ic)(?:-led)?\\s+$");
    private static final Pattern MILITARY = Pattern.compile(
            "(?i)\\b(?:forces|troops|army|soldiers|military|units|brigades?|battalions?|militants|fighters|rebels)\\b");
    /** How many sentences before a generic "strike" a weapon named still types it. */
    private static final int WEAPON_LOOKBACK = 6;
    private static final int WEAPON_LOOKAHEAD = 2;

    private HappeningClassifier() {}

    /** The kind of happening the i-th sentence reports, or null when it names none. */
    static EventType typeOf(List<Reading> all, int i) {
        Reading r = all.get(i);
        Trigger best = r.best();
        if (best == null) {
            return r.counts.any() ? EventType.CASUALTY_REPORT : null;
        }
        if (best.type() == EventType.CASUALTY_REPORT) {
            return r.counts.any() ? EventType.CASUALTY_REPORT : null;
        }
        if (!best.generic()) {
            return best.type();
        }
        // "The strike", "targeted", "attack": the weapon the text names nearby says which kind.
        Trigger weapon = contextWeapon(all, i);
        if (weapon != null) {
            return weapon.type();
        }
        String word = r.text.substring(best.start(), best.end()).toLowerCase(Locale.ROOT);
        if (word.startsWith("attack") && MILITARY.matcher(r.text).find()) {
            // "Troops attacked the village": fighting. "Forces attacked a hypermarket in the city": a building hit
            // far from any front line is a strike whose weapon the sentence does not name.
            return SignatureReader.target(r.foreground()) != null ? EventType.MISSILE_STRIKE : EventType.GROUND_ASSAULT;
        }
        boolean byNation = NATION_BEFORE.matcher(r.text.substring(Math.max(0, best.start() - 25), best.start())).find();
        if (!word.startsWith("attack") && (MILITARY.matcher(r.text).find() || r.when != null && r.counts.any()
                || byNation && !word.startsWith("hit") && (r.when != null || !r.places.isEmpty()))) {
            // "Russian strikes hit the port": a strike whose weapon the text does not name.
            return EventType.MISSILE_STRIKE;
        }
        if (word.startsWith("attack") && r.counts.any()) {
            return EventType.ATTACK_ON_CIVILIANS;
        }
        return r.counts.any() ? EventType.CASUALTY_REPORT : null;
    }

    /** The kind the headline names, to choose its place by. */
    static EventType typeOfTitle(Reading r) {
        Trigger best = r.best();
        return best == null ? EventType.OTHER : best.type();
    }

    /** A weapon named in the sentence, else in the few before it (title included), else in the two after. */
    private static Trigger contextWeapon(List<Reading> all, int i) {
        for (int j = i; j >= Math.max(0, i - WEAPON_LOOKBACK); j--) {
            Trigger w = weaponOf(all.get(j));
            if (w != null) {
                return w;
            }
        }
        if (i > WEAPON_LOOKBACK && all.get(0).title) {
            Trigger w = weaponOf(all.get(0));
            if (w != null) {
                return w;
            }
        }
        for (int j = i + 1; j <= Math.min(all.size() - 1, i + WEAPON_LOOKAHEAD); j++) {
            Trigger w = weaponOf(all.get(j));
            if (w != null) {
                return w;
            }
        }
        return null;
    }

    private static Trigger weaponOf(Reading r) {
        Trigger best = null;
        for (Trigger t : r.triggers) {
            if (EventLexicon.isWeapon(t.type()) && (best == null || t.weight() > best.weight())) {
                best = t;
            }
        }
        return best;
    }
}
