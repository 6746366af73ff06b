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

    /** Learns from an event placed at a whole region or country; answers the region when it is new, else null. */
    public Region learn(EventLocation l) {
        if (l == null || l.geonameId() == null || l.precision() == null) {
            return null;
        }
        Region region = null;
        if (Place.COUNTRY.equals(l.precision()) && l.countryCode() != null) {
            region = new Region(l.countryCode(), null);
        } else if (Place.REGION.equals(l.precision())) {
            region = new Region(l.countryCode(), l.admin1() != null ? l.admin1() : l.name());
        }
        return region != null && byId.putIfAbsent(l.geonameId(), region) == null ? region : null;
    }

    /** Knows a region learnt before (read back from the index). */
    public void add(long geonameId, Region region) {
        byId.putIfAbsent(geonameId, region);
    }

    public void clear() {
        byId.clear();
    }

    public Region byGeonameId(long id) {
        return byId.get(id);
    }
}
