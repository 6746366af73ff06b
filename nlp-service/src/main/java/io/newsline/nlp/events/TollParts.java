package io.newsline.nlp.events;

import io.newsline.contracts.model.EventType;
import java.util.ArrayList;
import java.util.List;

/**
 * The last step of linking before accounts are merged: "five died in A, two in B and one in C" makes each place's
 * share of a toll a part of the happening, on its day ({@link TollShares} reads the shares). A sentence that gave
 * nothing but the shares makes no bare toll of its own beside them.
 */
final class TollParts {

    private TollParts() {}

    static void split(List<Reading> readings, List<Happening> drafts, EventCues cues) {
        for (Reading r : readings) {
            List<TollShares.Share> shares = r.title ? List.of() : TollShares.of(r);
            if (shares.isEmpty()) {
                continue;
            }
            Happening owner = ownerOf(drafts, r);
            if (owner == null && TollShares.countsTheDead(r.text)) {
                // "Seven of the dead were in A, where the quake was centred, and two in B"
                owner = tolledBefore(drafts, r.position);
            }
            if (owner == null || owner.part) {
                continue;
            }
            Happening whole = owner;
            if (owner.type == EventType.CASUALTY_REPORT && owner.readings.size() == 1) {
                Happening earlier = HappeningLinker.tolled(drafts.subList(0, drafts.indexOf(owner)));
                if (earlier != null) {
                    drafts.remove(owner);
                    earlier.absorb(r, owner.type, cues);
                    whole = earlier;
                }
            }
            for (TollShares.Share share : shares) {
                Integer count = share.count();
                if (Places.same(share.place().place(), whole.place)
                        && count.equals(share.injured() ? whole.injured : whole.killed)) {
                    continue; // the share is the whole
                }
                Happening part = Happening.partOf(r, whole, share.place().place(), cues);
                part.killed = share.injured() ? null : count;
                part.injured = share.injured() ? count : null;
                part.casualties = null;
                drafts.add(part);
            }
        }
    }

    /** The latest happening told with a toll before the sentence at this position. */
    private static Happening tolledBefore(List<Happening> drafts, int position) {
        List<Happening> before = new ArrayList<>();
        for (Happening d : drafts) {
            if (!d.part && d.positions.iterator().next() < position) {
                before.add(d);
            }
        }
        return HappeningLinker.tolled(before);
    }

    private static Happening ownerOf(List<Happening> drafts, Reading r) {
        for (Happening d : drafts) {
            if (d.positions.contains(r.position)) {
                return d;
            }
        }
        return null;
    }
}
