package io.newsline.nlp.events;

import io.newsline.contracts.model.Place;
import io.newsline.nlp.geo.GeoMath;
import java.util.Locale;

/**
 * How two resolved places of one article relate: the same place, one inside the other, near each
 * other. The linker asks this to tell whether two sentences can be about one happening.
 */
final class Places {

    static final double COUNTRY = 1.0;
    static final double REGION = 2.0;
    static final double SETTLEMENT = 3.0;

    private Places() {}

    /** 3 for a settlement or a place too small to be in the gazetteer, 2 for a region, 1 for a country. */
    static double level(Place p) {
        String code = p.featureCode() == null ? "" : p.featureCode().toUpperCase(Locale.ROOT);
        if (code.startsWith("PCL") || Place.COUNTRY.equals(p.precision())) {
            return COUNTRY;
        }
        if (code.startsWith("ADM") || code.equals("RGN") || code.equals("AREA") || Place.REGION.equals(p.precision())) {
            return REGION;
        }
        return SETTLEMENT;
    }

    static boolean same(Place a, Place b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a.geonameId() != null && b.geonameId() != null) {
            return a.geonameId().equals(b.geonameId());
        }
        return a.name() != null && a.name().equalsIgnoreCase(b.name());
    }

    static boolean sameOrNone(Place a, Place b) {
        return a == null && b == null || same(a, b);
    }

    /** A place within another: unresolved, placed near it, a spot within a few km, a town of its region. */
    static boolean partOf(Place inner, Place outer) {
        if (inner.lat() == null) {
            return true;
        }
        if (near(inner, outer, 10)) {
            return level(inner) >= level(outer);
        }
        return level(outer) < SETTLEMENT && level(inner) > level(outer) && sameCountry(inner, outer);
    }

    /** A place inside the one an event has so far: a village of its region, a spot within a few km. */
    static boolean refines(Place inner, Place outer) {
        // An unknown name may be a village of a region, not of a town's community ("the Y community" after
        // "the X community" is a sibling): a settlement written with a region's kind word holds no villages.
        boolean holds = inner.lat() == null ? !settlementCode(outer) : sameCountry(inner, outer);
        return level(inner) > level(outer) && holds || near(inner, outer, 10);
    }

    private static boolean settlementCode(Place p) {
        return p.featureCode() != null && p.featureCode().toUpperCase(Locale.ROOT).startsWith("PPL");
    }

    static boolean bothSettlements(Place a, Place b) {
        return level(a) == SETTLEMENT && level(b) == SETTLEMENT;
    }

    static boolean near(Place a, Place b, double km) {
        if (a.lat() == null || a.lon() == null || b.lat() == null || b.lon() == null) {
            return false;
        }
        return GeoMath.distanceKm(a.lat(), a.lon(), b.lat(), b.lon()) <= km;
    }

    static boolean sameCountry(Place a, Place b) {
        return a.countryCode() != null && a.countryCode().equals(b.countryCode());
    }

    static boolean moreSpecific(Place a, Place b) {
        return level(a) > level(b) && a.lat() != null && sameCountry(a, b);
    }
}
