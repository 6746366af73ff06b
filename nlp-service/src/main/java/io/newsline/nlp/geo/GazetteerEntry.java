package io.newsline.nlp.geo;

/**
 * One place of the gazetteer: a GeoNames populated place, admin1 region, admin2 district or country, or an
 * operator's overlay entry (geonameId negative when the operator gave none, and for districts, which GeoNames'
 * admin2 codes give without one).
 *
 * @param featureCode GeoNames feature code: {@code PPL*} for populated places, {@code ADM1} for
 *                    regions, {@code ADM2} for districts, {@code PCLI} for countries, anything an overlay gives otherwise
 * @param population  people living there, or an operator's importance figure for facilities
 */
public record GazetteerEntry(long geonameId, String name, double lat, double lon, String countryCode,
        String admin1Code, String admin1Name, String featureCode, long population) {

    public boolean isCountry() {
        return featureCode.startsWith("PCL") || featureCode.equals("TERR");
    }

    public boolean isRegion() {
        return featureCode.startsWith("ADM1") || featureCode.equals("RGN") || featureCode.equals("ADM2");
    }

    /** A second-level division ("Swat district", "Albay province", "Wilson County"). */
    public boolean isDistrict() {
        return featureCode.equals("ADM2");
    }

    /** An entry an operator's overlay added: it names a place the operator wants found, whatever its size. */
    public boolean isOverlay() {
        return geonameId < 0 && !isDistrict();
    }

    public boolean isPopulatedPlace() {
        return featureCode.startsWith("PPL");
    }

    /** Great-circle distance in kilometres. */
    public double distanceKm(double otherLat, double otherLon) {
        return GeoMath.distanceKm(lat, lon, otherLat, otherLon);
    }

    public double distanceKm(GazetteerEntry other) {
        return distanceKm(other.lat, other.lon);
    }
}
