package io.newsline.timeline.domain;

import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.Place;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The GeoNames ids of regions and countries the timeline has seen events placed at, so a
 * {@code place} filter given a region's or a country's id also finds the events inside it.
 */
public final class KnownRegions {

    /** A region (by its admin1 name) or a country (by its code). */
    public record Region(String countryCode, String admin1) {
        boolean contains(EventLocation l) {
            if (countryCode != null && !countryCode.equalsIgnoreCase(l.countryCode())) {
                return false;
            }
            return admin1 == null
                    || l.admin1() != null && PlaceNames.regionStem(admin1).equals(PlaceNames.regionStem(l.admin1()));
        }
    }

    private final Map<Long, Region> byId = new ConcurrentHashMap<>();

    /** Learns from an event placed at a whole region or country. */
    public void learn(EventLocation l) {
        if (l == null || l.geonameId() == null || l.precision() == null) {
            return;
        }
        if (Place.COUNTRY.equals(l.precision()) && l.countryCode() != null) {
            byId.putIfAbsent(l.geonameId(), new Region(l.countryCode(), null));
        } else if (Place.REGION.equals(l.precision())) {
            byId.putIfAbsent(l.geonameId(), new Region(l.countryCode(), l.admin1() != null ? l.admin1() : l.name()));
        }
    }

    public Region byGeonameId(long id) {
        return byId.get(id);
    }
}
