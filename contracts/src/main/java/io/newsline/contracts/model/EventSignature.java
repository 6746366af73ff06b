package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What tells one happening apart from others at the same place and day, as the text gives it. Every
 * field is optional: a report that gives less detail leaves it null, and the timeline's merge treats a
 * null as compatible with anything.
 *
 * @param timeOfDay part of the local day the text places the happening in: {@code night}, {@code morning},
 *                  {@code afternoon} or {@code evening} ("overnight", "in the evening", or derived from
 *                  {@link #time})
 * @param time      the local clock time the text gives, {@code HH:mm} ("around 00:40", "at 7 p.m."), or the
 *                  start of a range
 * @param timeEnd   the end of a range the text gives ("between 01:00 and 03:00"), {@code HH:mm}
 * @param target    what was hit or where it took place, as a lower-case common noun ("hypermarket",
 *                  "lyceum", "printing house", "residential building", "hospital")
 * @param weapon    what it was done with, as the text names it ("glide bomb", "S-300 missile",
 *                  "Shahed drone")
 * @param district  the district, neighbourhood or raion of the place named in the text
 *                  ("Kholodnohirskyi district")
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventSignature(
        String timeOfDay, String time, String timeEnd, String target, String weapon, String district) {

    public static final EventSignature NONE = new EventSignature(null, null, null, null, null, null);

    // Not a property of the JSON: a getter-like name Jackson would otherwise write as "empty".
    @JsonIgnore
    public boolean isEmpty() {
        return timeOfDay == null && time == null && timeEnd == null && target == null && weapon == null
                && district == null;
    }

    public EventSignature withTimeOfDay(String value) {
        return new EventSignature(value, time, timeEnd, target, weapon, district);
    }

    public EventSignature withTime(String from, String to) {
        return new EventSignature(timeOfDay, from, to, target, weapon, district);
    }

    public EventSignature withTarget(String value) {
        return new EventSignature(timeOfDay, time, timeEnd, value, weapon, district);
    }

    public EventSignature withWeapon(String value) {
        return new EventSignature(timeOfDay, time, timeEnd, target, value, district);
    }

    public EventSignature withDistrict(String value) {
        return new EventSignature(timeOfDay, time, timeEnd, target, weapon, value);
    }
}
