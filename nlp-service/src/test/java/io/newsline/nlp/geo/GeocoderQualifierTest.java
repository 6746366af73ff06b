package io.newsline.nlp.geo;

import static io.newsline.nlp.geo.GeocoderTest.distanceKm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.Place;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sentence's own words about a place: the place it is tied to, the kind it is given, the dateline,
 * and the area words that make a district, county or community of a town. Sentences written for these
 * tests; the towns are real GeoNames places or made up.
 */
class GeocoderQualifierTest {
    static Geocoder geocoder;

    @BeforeAll
    static void load() {
        geocoder = new Geocoder(BundledGazetteer.get());
    }

    private static List<Place> resolve(String body, String... names) {
        return geocoder.resolve("", body, GeocoderTest.mentions(body, names));
    }

    private static Place named(List<Place> places, String surface) {
        return places.stream().filter(p -> p.matchedText().contains(surface)).findFirst()
                .orElseThrow(() -> new AssertionError(surface + " not in " + places));
    }

    @Test
    void aFamousNamesakeOutsideTheCountryTheSentenceGivesIsNotTaken() {
        String body = "Troops said they had entered London in eastern Ukraine, a hamlet of 300 people.";
        Place london = named(resolve(body, "London", "Ukraine"), "London");
        assertNull(london.lat(), "not the British capital: " + london);
        assertEquals("UA", london.countryCode());
    }

    @Test
    void aTownTheDataLacksGoesNearTheTownTheTextSaysIsCloseToIt() {
        String body = "Troops took the town of Selydove, close to Dovhoselka, on Monday. Dovhoselka was shelled.";
        Place village = named(resolve(body, "Selydove", "Dovhoselka"), "Dovhoselka");
        assertEquals(Place.NEAR, village.precision());
        assertTrue(distanceKm(village, 48.15, 37.30) < 5, village.toString());
    }

    @Test
    void aNameThePredicateCallsARegionIsTheRegionBesideTheCity() {
        String body = "Drones hit the city of Poltava at night. Poltava is one of the regions that escaped the worst.";
        List<Place> places = resolve(body, "Poltava");
        assertEquals(2, places.size(), places.toString());
        assertEquals(List.of(Place.EXACT, Place.REGION), places.stream().map(Place::precision).toList());
    }

    @Test
    void aBorderWithACountryIsTheCountryNotATownSpelledAlike() {
        String body = "Gunmen raided Gwoza, near the border with Cameroon, on Sunday.";
        Place country = named(resolve(body, "Gwoza", "Cameroon"), "Cameroon");
        assertEquals("CM", country.countryCode(), country.toString());
        assertEquals(Place.COUNTRY, country.precision(), country.toString());
    }

    @Test
    void aBorderIsWithAStateNotWithATown() {
        String body = "Smoke drifted north from Portland, Oregon, towards the state border with Washington.";
        Place washington = named(resolve(body, "Portland", "Oregon", "Washington"), "Washington");
        assertEquals(Place.REGION, washington.precision());
        assertEquals("US", washington.countryCode());
        assertTrue(washington.lat() > 46, washington.toString());
    }

    @Test
    void aBareNameOfAStateIsTheStateNotASmallTownCalledSo() {
        Place oregon = named(resolve("Wildfires burned across Oregon on Sunday.", "Oregon"), "Oregon");
        assertEquals(Place.REGION, oregon.precision());
    }

    @Test
    void aTownInsideACountyPlacedAtItsNamesakeTownStaysItself() {
        String body = "Hail hit Ramona in San Diego County on Tuesday, officials in California said.";
        List<Place> places = resolve(body, "Ramona", "San Diego County", "California");
        Place ramona = named(places, "Ramona");
        assertEquals(Place.EXACT, ramona.precision());
        assertTrue(distanceKm(ramona, 33.04, -116.87) < 5, ramona.toString());
        assertEquals(Place.REGION, named(places, "San Diego County").precision());
    }

    @Test
    void aCommunityIsTheAreaAroundTheTownItIsNamedAfter() {
        String body = "A drone hit a farm in the Krasnopillia community of the Sumy region.";
        Place community = named(resolve(body, "Krasnopillia community", "Sumy region"), "Krasnopillia community");
        assertEquals(Place.REGION, community.precision());
        assertEquals("Sumy", community.admin1());
    }

    @Test
    void aDatelineIsAPlaceButDoesNotPlaceADistrictOfTheStory() {
        String body = "MANILA, Philippines — Floods swept the Dalunan district overnight, rescuers said.";
        List<Place> places = resolve(body, "MANILA", "Philippines", "Dalunan district");
        assertEquals("PH", named(places, "MANILA").countryCode());
        assertNull(named(places, "Dalunan district").lat(), "a district is not a part of the dateline city");
    }

    @Test
    void aPowerStationNamedAfterATownIsAPlaceNearThatTown() {
        String body = "Shelling cut a line to the Kremenchuk hydroelectric power station, Kremenchuk officials said.";
        Place station = named(resolve(body, "Kremenchuk hydroelectric power station", "Kremenchuk"),
                "Kremenchuk hydroelectric power station");
        assertEquals(Place.NEAR, station.precision());
        assertNull(station.geonameId());
        assertTrue(distanceKm(station, 49.06, 33.40) < 5, station.toString());
    }

    @Test
    void aListOfRegionsIsNoTieBetweenThem() {
        String body = "Sirens sounded in the Poltava, Sumy and Kharkiv regions.";
        List<Place> places = resolve(body, "Poltava", "Sumy", "Kharkiv regions");
        assertTrue(places.stream().allMatch(p -> Place.REGION.equals(p.precision()) && p.lat() != null), places.toString());
    }

    @Test
    void aPossessiveAfterACommaStartsANewPhrase() {
        String body = "At talks in Lviv, Poland's envoy spoke first.";
        Place lviv = named(resolve(body, "Lviv", "Poland's"), "Lviv");
        assertEquals("UA", lviv.countryCode());
    }

    @Test
    void anApStateAbbreviationInADatelineIsTheState() {
        String body = "TULSA, Okla. (AP) — Storms tore roofs off homes in Broken Arrow, police said.";
        Place state = named(resolve(body, "TULSA", "Okla.", "Broken Arrow"), "Okla.");
        assertEquals(Place.REGION, state.precision());
        assertEquals("Oklahoma", state.admin1());
    }

    @Test
    void aCountyNamedLikeAPersonIsTheCountyNotATownOfThatName() {
        String body = "Deputies in Lincoln County, Oregon, closed a road after a landslide.";
        Place county = named(resolve(body, "Lincoln County", "Oregon"), "Lincoln County");
        assertEquals("Oregon", county.admin1(), county.toString());
        assertEquals(Place.REGION, county.precision(), county.toString());
        // Lincoln, Nebraska is the big namesake town; the Oregon county lies on the coast around Newport.
        assertTrue(distanceKm(county, 44.64, -124.05) < 60, county.toString());
    }

    @Test
    void theStateOfXIsTheRegionAndSoIsItsBareNameWhenOnlyACityOnceCarriedIt() {
        String body = "Floods in the Brazilian state of Rio Grande do Sul cut roads. Rio Grande do Sul declared an emergency.";
        List<Place> places = resolve(body, "Rio Grande do Sul");
        assertEquals(1, places.size(), places.toString());
        assertEquals(Place.REGION, places.get(0).precision());
    }

    @Test
    void aLooseSpellingOfAVillageAbroadIsNotTaken() {
        String body = "Rescuers reached Maco in the Philippines and searched the hamlet of Masara for survivors.";
        Place hamlet = named(resolve(body, "Maco", "Philippines", "Masara"), "Masara");
        assertTrue(hamlet.lat() == null || "PH".equals(hamlet.countryCode()), hamlet.toString());
    }

    @Test
    void theArabicArticleIsWrittenEitherWay() {
        Place town = named(resolve("Strikes hit Deir al-Balah in the Gaza Strip.", "Deir al-Balah", "Gaza Strip"),
                "Deir al-Balah");
        assertEquals("PS", town.countryCode());
        assertEquals(Place.EXACT, town.precision());
    }

    @Test
    void aProvinceNamedBesideATownPicksTheTownInsideIt() {
        // two towns called Bato lie in the same region, in neighbouring provinces; the bigger one is in Camarines Sur
        Place small = named(resolve("Floods cut roads in Bato, Catanduanes, on Monday.", "Bato", "Catanduanes"), "Bato");
        assertTrue(small.lon() > 124, "the Bato of the island province: " + small);
        Place big = named(resolve("Floods cut roads in Bato, Camarines Sur, on Monday.", "Bato", "Camarines Sur"), "Bato");
        assertTrue(big.lon() < 124, "the Bato of Camarines Sur: " + big);
    }
}
