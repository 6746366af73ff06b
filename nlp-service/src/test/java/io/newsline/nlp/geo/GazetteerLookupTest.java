package io.newsline.nlp.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

class GazetteerLookupTest {
    static Gazetteer gazetteer;

    @BeforeAll
    static void load() {
        gazetteer = BundledGazetteer.get();
    }

    @Test
    void reportsLoadTimeAndHeap(TestReporter reporter) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        reporter.publishEntry("gazetteer", gazetteer.size() + " entries loaded in " + BundledGazetteer.loadMillis
                + " ms; heap in use after GC " + ((rt.totalMemory() - rt.freeMemory()) >> 20) + " MB");
        assertTrue(gazetteer.size() > 200_000, "cities500 + regions + countries");
    }

    @Test
    void transliterationVariantsFindTheSameTown() {
        for (String spelling : List.of("Kupiansk", "Kupyansk", "Kup'yans'k", "Kup’yans’k", "KUPIANSK", "Kupjansk")) {
            assertTrue(ids(spelling).contains(703656L), spelling);
        }
        for (String spelling : List.of("Kharkiv", "Kharkov", "Harkiv", "Charkiw")) {
            assertTrue(ids(spelling).contains(706483L), spelling);
        }
        assertTrue(ids("Kiev").contains(703448L));
        assertTrue(ids("Kyiv").contains(703448L));
        assertTrue(ids("Nikolaev").stream().anyMatch(id -> id == 700569L), "Mykolaiv by its Russian spelling");
        assertTrue(ids("Severodonetsk").contains(691999L), "Sievierodonetsk");
        assertTrue(ids("Zaporozhye").contains(687700L) || ids("Zaporizhzhia").contains(687700L));
    }

    @Test
    void southAsianSpellingsWithAndWithoutTheAspiratesHFindTheSamePlace() {
        assertTrue(ids("Dhakka").contains(1185241L), "Dhaka under a doubled k");
        assertTrue(ids("Gwozza").contains(2339665L), "a control: a loose spelling of a town with no aspirate");
        assertEquals(ids("Jhalokati"), ids("Jhalakathi"), "one district, two romanisations");
    }

    @Test
    void diacriticsAndSaintAbbreviationsAreIgnored() {
        assertEquals(ids("Łódź"), ids("Lodz"));
        assertTrue(ids("St. Petersburg").contains(498817L));
        assertTrue(ids("Saint Petersburg").contains(498817L));
    }

    @Test
    void anIslandCountryIsFoundUnderItsIslandsName() {
        List<GazetteerEntry> found = gazetteer.lookup("the Solomon Islands");
        assertTrue(found.stream().anyMatch(GazetteerEntry::isCountry), found.toString());
        assertTrue(gazetteer.lookup("Tonga Islands").stream().anyMatch(e -> e.isCountry() && e.countryCode().equals("TO")));
    }

    @Test
    void ukrainianPlacesAreNamedAsNewsWritesThemAndFoundUnderTheOldSpellingToo() {
        GazetteerEntry vinnytsia = gazetteer.lookup("Vinnytsya").stream().filter(e -> e.featureCode().equals("PPLA"))
                .findFirst().orElseThrow();
        assertEquals("Vinnytsia", vinnytsia.name());
        assertEquals(vinnytsia, gazetteer.lookup("Vinnytsia").stream().filter(e -> e.featureCode().equals("PPLA"))
                .findFirst().orElseThrow());
        assertTrue(gazetteer.lookup("Mykolaiv").stream().anyMatch(e -> e.name().equals("Mykolaiv")));
    }

    @Test
    void aRegionIsPlacedAtTheMiddleOfTheLandItsTownsCover() {
        // Florida's panhandle pulls the middle of its towns' box far west of the peninsula it mostly is.
        GazetteerEntry florida = gazetteer.lookup("Florida State").stream()
                .filter(e -> e.countryCode().equals("US")).findFirst().orElseThrow();
        assertTrue(florida.distanceKm(28.6, -82.4) < 100, florida.toString());
    }

    @Test
    void farFlungIslandsDoNotPullARegionIntoTheSea() {
        // The Valparaíso region holds Easter Island, 3,700 km out in the Pacific, and Portugal the Azores.
        GazetteerEntry valparaiso = gazetteer.lookup("Valparaíso region").get(0);
        assertTrue(valparaiso.isRegion() && valparaiso.distanceKm(-32.9, -71.2) < 100, valparaiso.toString());
        GazetteerEntry portugal = gazetteer.lookup("Portugal").get(0);
        assertTrue(portugal.distanceKm(39.6, -8.0) < 100, portugal.toString());
    }

    @Test
    void communitiesAndCountiesFallBackToTheirNamesakeTown() {
        List<GazetteerEntry> community = gazetteer.lookup("Krasnopillia community");
        assertTrue(community.stream().allMatch(GazetteerEntry::isPopulatedPlace) && !community.isEmpty(), community.toString());
        assertTrue(gazetteer.lookup("Fresno County").stream().anyMatch(e -> e.admin1Code().equals("CA")));
    }

    @Test
    void secondLevelDivisionsAreFoundAsNewsNamesThem() {
        GazetteerEntry swat = gazetteer.lookup("Swat district").get(0);
        assertTrue(swat.isDistrict() && swat.countryCode().equals("PK") && swat.distanceKm(35.2, 72.4) < 60, swat.toString());
        GazetteerEntry albay = gazetteer.lookup("Albay").get(0);
        assertTrue(albay.isDistrict() && albay.countryCode().equals("PH"), "GeoNames writes Province of Albay: " + albay);
        assertEquals("PH", gazetteer.lookup("Albay province").get(0).countryCode());
        assertEquals("PK", gazetteer.lookup("Shangla districts").get(0).countryCode(), "the plural level word of a list");
        assertTrue(gazetteer.lookup("Wilson County").stream().anyMatch(e -> e.isDistrict() && e.admin1Code().equals("TN")));
        assertTrue(gazetteer.lookup("Wilson").stream().noneMatch(GazetteerEntry::isDistrict), "a county is named in full");
        // A province named like towns of its own is found under its level only.
        assertTrue(gazetteer.lookup("Quezon province").stream().allMatch(GazetteerEntry::isDistrict));
        assertTrue(gazetteer.lookup("Quezon").stream().noneMatch(GazetteerEntry::isDistrict));
    }

    @Test
    void aDistrictNeverHidesATownOrRegionOfItsName() {
        // Palermo is a province of Sicily and its capital; the news that names it means the city.
        assertTrue(gazetteer.lookup("Palermo").stream().noneMatch(GazetteerEntry::isDistrict));
        assertTrue(gazetteer.lookup("Kharkiv").stream().noneMatch(GazetteerEntry::isDistrict));
        GazetteerEntry district = gazetteer.lookup("Swat").get(0);
        assertTrue(district.isDistrict() && !district.isOverlay(), "a district is no operator's overlay entry");
    }

    @Test
    void regionPhrasesFindTheAdmin1RegionNotTheCity() {
        for (String phrase : List.of("Kharkiv region", "Kharkiv Oblast", "the Kharkiv oblast", "Kharkov Oblast",
                "Kharkivska oblast", "Kharkiv province")) {
            List<GazetteerEntry> found = gazetteer.lookup(phrase);
            assertFalse(found.isEmpty(), phrase);
            assertTrue(found.stream().allMatch(GazetteerEntry::isRegion), phrase);
            assertTrue(found.stream().anyMatch(e -> e.geonameId() == 706482L), phrase);
        }
        assertEquals("RU", gazetteer.lookup("Belgorod region").get(0).countryCode());
        assertEquals("21", gazetteer.lookup("Sumy Oblast").get(0).admin1Code());
        assertEquals("Texas", gazetteer.lookup("Texas").get(0).name());
        assertEquals("CD", gazetteer.lookup("North Kivu province").get(0).countryCode(), "GeoNames calls it Nord Kivu");
    }

    @Test
    void countriesByTheirShortForms() {
        for (String name : List.of("U.S.", "US", "USA", "United States", "America")) {
            assertEquals("US", countryOf(name), name);
        }
        for (String name : List.of("UK", "U.K.", "Britain", "Great Britain", "United Kingdom")) {
            assertEquals("GB", countryOf(name), name);
        }
        assertEquals("RU", countryOf("Russian Federation"));
        assertEquals("CZ", countryOf("Czech Republic"));
    }

    @Test
    void demonymsAnswerButAreNotPlaceNames() {
        assertEquals(Optional.of("UA"), gazetteer.demonymCountry("Ukrainian"));
        assertEquals(Optional.of("UA"), gazetteer.demonymCountry("Ukrainians"));
        assertEquals(Optional.of("US"), gazetteer.demonymCountry("American"));
        assertEquals(Optional.empty(), gazetteer.demonymCountry("Kharkiv"));
        assertFalse(gazetteer.isPlaceName("Ukrainian"));
    }

    @Test
    void isPlaceNameNeedsACapitalAndAnExactSpelling() {
        assertTrue(gazetteer.isPlaceName("Kupyansk"));
        assertTrue(gazetteer.isPlaceName("Sumy Oblast"));
        assertTrue(gazetteer.isPlaceName("Donbas"));
        assertFalse(gazetteer.isPlaceName("said"));
        assertFalse(gazetteer.isPlaceName("Xqzzvv"));
    }

    @Test
    void aPopulationFloorKeepsWordLikeVillagesOut() {
        assertTrue(gazetteer.isPlaceName("Police"), "a town in Poland");
        assertFalse(gazetteer.isPlaceName("Police", 100_000));
        assertTrue(gazetteer.isPlaceName("Kharkiv", 100_000));
        assertTrue(gazetteer.isPlaceName("Sumy Oblast", 100_000));
        assertTrue(gazetteer.isPlaceName("Donbas", 100_000));
    }

    private static List<Long> ids(String name) {
        return gazetteer.lookup(name).stream().map(GazetteerEntry::geonameId).toList();
    }

    private static String countryOf(String name) {
        return gazetteer.lookup(name).stream().filter(GazetteerEntry::isCountry).findFirst()
                .map(GazetteerEntry::countryCode).orElse(null);
    }
}
