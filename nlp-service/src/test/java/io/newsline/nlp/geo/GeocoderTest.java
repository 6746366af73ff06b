package io.newsline.nlp.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsline.contracts.model.EntityType;
import io.newsline.contracts.model.Place;
import io.newsline.nlp.domain.NameMention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GeocoderTest {
    static Geocoder geocoder;

    @BeforeAll
    static void load() {
        geocoder = new Geocoder(BundledGazetteer.get());
    }

    @Test
    void parisInATexasStoryIsParisTexas() {
        String body = "A tornado tore through Paris, Texas, on Sunday. Officials in Texas said 40 homes were lost.";
        Place paris = only(resolve(body, "Paris", "Texas"), "Paris");
        assertEquals("US", paris.countryCode());
        assertEquals("Texas", paris.admin1());
        assertEquals(Place.EXACT, paris.precision());
    }

    @Test
    void parisInAFrenchStoryIsTheCapital() {
        Place paris = only(resolve("Protesters marched in Paris as France debated the pension law.", "Paris", "France"),
                "Paris");
        assertEquals("FR", paris.countryCode());
        assertTrue(paris.lat() > 48.8 && paris.lat() < 48.9);
    }

    @Test
    void theDocumentsRegionChoosesBetweenNamesakes() {
        // Two Ukrainian towns called Bilopillia-like names exist; the region named in the text decides.
        String body = "Shelling hit Vovchansk in the Kharkiv region. Ukrainian officials said Vovchansk was evacuated.";
        Place v = only(resolve(body, "Vovchansk", "Kharkiv region"), "Vovchansk");
        assertEquals("Kharkiv", v.admin1());
        assertTrue(distanceKm(v, 50.29, 36.94) < 25, "Vovchansk lies north-east of Kharkiv");
    }

    @Test
    void spellingVariantsOfOnePlaceMerge() {
        String body = "Russia said it attacked Kupyansk. Ukrainian troops in Kupiansk repelled the assault.";
        List<Place> places = resolve(body, "Kupyansk", "Kupiansk", "Russia");
        List<Place> kup = places.stream().filter(p -> p.matchedText().contains("Kupyansk")).toList();
        assertEquals(1, kup.size());
        assertEquals(List.of("Kupyansk", "Kupiansk"), kup.get(0).matchedText());
        assertEquals(2, kup.get(0).mentions().size());
        assertEquals(703656L, kup.get(0).geonameId());
    }

    @Test
    void aRegionAndItsCapitalStayDistinct() {
        String body = "Drones struck Kharkiv overnight, and power failed across the Kharkiv region.";
        List<Place> places = resolve(body, "Kharkiv", "Kharkiv region");
        assertEquals(2, places.size());
        assertEquals(Place.EXACT, places.get(0).precision());
        assertEquals("PPLA", places.get(0).featureCode());
        assertEquals(Place.REGION, places.get(1).precision());
        assertEquals("ADM1", places.get(1).featureCode());
    }

    @Test
    void aRegionalAuthorityNamesTheRegion() {
        String body = "The Kharkiv regional administration said Kupiansk was shelled. The Kharkiv oblast has no power.";
        List<Place> places = resolve(body, "Kharkiv oblast", "Kharkiv", "Kupiansk");
        assertEquals(List.of(Place.REGION, Place.EXACT), places.stream().map(Place::precision).toList());
        assertEquals(List.of("Kharkiv", "Kharkiv oblast"), places.get(0).matchedText());
    }

    @Test
    void theCapitalsOblastIsNotTheCapitalsCityRegion() {
        List<Place> places = resolve("Missiles struck Kyiv and the Kyiv oblast overnight.", "Kyiv oblast", "Kyiv");
        assertEquals(703446L, places.get(1).geonameId(), "Kyiv Oblast (UA.13), not Kyiv City (UA.12)");
    }

    @Test
    void aStateIsChosenByTheTownsInsideIt() {
        Place victoria = only(resolve("Victoria police said bushfires near Melbourne spread.", "Victoria", "Melbourne"),
                "Victoria");
        assertEquals("AU", victoria.countryCode());
    }

    @Test
    void listedRegionsShareTheirLevelWord() {
        String body = "Missiles were fired at targets in Kyiv, Chernihiv, and Sumy oblasts.";
        List<Place> places = resolve(body, "Kyiv", "Chernihiv", "Sumy oblasts");
        assertEquals(3, places.size());
        assertTrue(places.stream().allMatch(p -> Place.REGION.equals(p.precision())), places.toString());
        assertEquals("Kyiv oblast", places.get(0).name());
    }

    @Test
    void aVillageMissingFromTheDataIsPlacedNearTheTownTheTextTiesItTo() {
        String body = "Russian troops entered Zhovtnevoye-Mala, a small village near Kupiansk, the governor said.";
        Place village = only(resolve(body, "Zhovtnevoye-Mala", "Kupiansk"), "Zhovtnevoye-Mala");
        assertEquals(Place.NEAR, village.precision());
        assertTrue(distanceKm(village, 49.71, 37.62) < 1);
        assertNull(village.geonameId(), "it is not Kupiansk itself");
    }

    @Test
    void aNamedDistrictOfATownIsPlacedNearTheTown() {
        String body = "A missile hit the Zoloboriv district of Lviv on Friday night, the mayor said.";
        Place district = only(resolve(body, "Zoloboriv district", "Lviv"), "Zoloboriv district");
        assertEquals(Place.NEAR, district.precision());
        assertTrue(distanceKm(district, 49.84, 24.03) < 5, district.toString());
        assertNull(district.geonameId(), "it is not Lviv itself");
    }

    @Test
    void aNamedNeighbourhoodInAnArticleAboutOneTownIsPlacedNearThatTown() {
        String body = "Drones attacked Odesa overnight. Debris fell on the Verbolanskyi neighbourhood, "
                + "and Odesa's port was closed for hours.";
        Place part = only(resolve(body, "Odesa", "Verbolanskyi neighbourhood"), "Verbolanskyi neighbourhood");
        assertEquals(Place.NEAR, part.precision());
        assertTrue(distanceKm(part, 46.48, 30.73) < 5, part.toString());
    }

    @Test
    void aDistrictIsNotGivenATownWhenTheArticleHasNoMainOne() {
        String body = "Drones hit Lviv and Dnipro. Fires broke out in the Verbolanskyi district.";
        Place part = only(resolve(body, "Lviv", "Dnipro", "Verbolanskyi district"), "Verbolanskyi district");
        assertNull(part.lat(), "either town could hold it: " + part);
    }

    @Test
    void anUnknownVillageIsNotPutInTheArticlesMainTown() {
        String body = "Drones attacked Odesa overnight. Shelling also hit Zolobirka, and Odesa's port was closed.";
        Place village = only(resolve(body, "Odesa", "Zolobirka"), "Zolobirka");
        assertNull(village.lat(), "a village is no part of a town: " + village);
    }

    @Test
    void aFarAwayNamesakeOfAnUnknownVillageIsNotUsed() {
        // Zhuravno exists in GeoNames only in the Lviv oblast, about 1,000 km west of Lozova.
        String body = "Troops in the Kharkiv region said they held Zhuravno. Fighting near Lozova went on.";
        Place village = only(resolve(body, "Kharkiv region", "Zhuravno", "Lozova"), "Zhuravno");
        assertTrue(village.lat() == null || distanceKm(village, 48.89, 36.32) < 25, village.toString());
    }

    @Test
    void aFarAwayNamesakeIsNotUsedEvenWhenTheTextTiesTheVillage() {
        String body = "Artillery hit Zhuravno, outside Lozova, before dawn.";
        Place village = only(resolve(body, "Zhuravno", "Lozova"), "Zhuravno");
        assertEquals(Place.NEAR, village.precision());
        assertTrue(distanceKm(village, 48.89, 36.32) < 5, village.toString());
    }

    @Test
    void aCompoundNameGoesNearTheTownItIsNamedAfter() {
        String body = "Rockets fell on Lozova-Pivdenna in the Kharkiv region, the local council said.";
        Place town = only(resolve(body, "Lozova-Pivdenna", "Kharkiv region"), "Lozova-Pivdenna");
        assertEquals(Place.NEAR, town.precision());
        assertTrue(distanceKm(town, 48.89, 36.32) < 25, town.toString());
    }

    @Test
    void kindWordsAndPossessivesAreNotPartOfTheName() {
        String body = "Ukraine's army left the village of Ivanivka-Nova near Kupiansk.";
        List<Place> places = resolve(body, "Ukraine's", "the village of Ivanivka-Nova", "Kupiansk");
        assertEquals("UA", places.get(0).countryCode());
        assertEquals(Place.COUNTRY, places.get(0).precision());
        assertEquals("Ivanivka-Nova", places.get(1).name());
        assertEquals(Place.NEAR, places.get(1).precision());
    }

    @Test
    void aFarAwayTownIsKeptWhenTheArticleNamesItsCountry() {
        String body = "After the strike on Kharkiv, defence ministers met at Ramstein. Germany pledged air defence for Ukraine.";
        Place ramstein = only(resolve(body, "Kharkiv", "Ramstein", "Germany", "Ukraine"), "Ramstein");
        assertEquals("DE", ramstein.countryCode());
    }

    @Test
    void aVillageSpelledLikeAForeignNamesakeIsNotSentAbroad() {
        // "Lyptsi" folds like "Lipci" in Montenegro; the article is about the Kharkiv front.
        String body = "Russian shelling hit Kharkiv and Lyptsi on Tuesday, Ukrainian officials said.";
        Place village = only(resolve(body, "Kharkiv", "Lyptsi"), "Lyptsi");
        assertNull(village.lat(), village.toString());
    }

    @Test
    void aTownInACompassPartOfACountryIsTiedToIt() {
        String body = "Floods swept Derna in eastern Libya; Benghazi and Tripoli sent aid.";
        Place derna = only(resolve(body, "Derna", "Libya", "Benghazi", "Tripoli"), "Derna");
        assertEquals("LY", derna.countryCode());
        assertEquals(Place.EXACT, derna.precision());
    }

    @Test
    void aListOfTownsIsNotATie() {
        String body = "Fighting raged near Kupyansk, Vovchansk and Lyman, the general staff said.";
        List<Place> places = resolve(body, "Kupyansk", "Vovchansk", "Lyman");
        assertEquals(List.of(Place.EXACT, Place.EXACT, Place.EXACT), places.stream().map(Place::precision).toList());
        assertEquals(703656L, places.get(0).geonameId());
    }

    @Test
    void aPlacesOwnNameBeatsAnOldNameOfABiggerTown() {
        String body = "Sea drones attacked Novorossiysk harbour.";
        assertEquals("Novorossiysk", resolve(body, "Novorossiysk").get(0).name());
    }

    @Test
    void aBareStateNameIsTheStateNotATownAlsoCalledSo() {
        String body = "Cartel violence in Culiacan, Sinaloa, spread to Mazatlan.";
        Place sinaloa = only(resolve(body, "Culiacan", "Sinaloa", "Mazatlan"), "Sinaloa");
        assertEquals(Place.REGION, sinaloa.precision());
    }

    @Test
    void compassWordsAndArmyGroupsAreNotPlaces() {
        String body = "Poland's Southern grouping and Central Command drilled on the Western Front near Rzeszow.";
        List<Place> places = resolve(body, "Poland", "Southern grouping", "Central Command", "Western Front", "Rzeszow");
        // shown as the text spells it: GeoNames' Rzeszów without its accent
        assertEquals(List.of("Poland", "Rzeszow"), places.stream().map(Place::name).toList());
    }

    @Test
    void countriesByShortFormAreCountryPrecision() {
        List<Place> places = resolve("Britain and the U.S. signed a trade deal.", "Britain", "U.S.");
        assertEquals(List.of("GB", "US"), places.stream().map(Place::countryCode).toList());
        assertTrue(places.stream().allMatch(p -> Place.COUNTRY.equals(p.precision())));
    }

    @Test
    void aFactoryIsNotTheTownItIsNamedAfter() {
        List<Place> places = resolve("Shells struck the Poltava factory in Kremenchuk.", "Poltava factory", "Kremenchuk");
        assertEquals(List.of("Kremenchuk"), places.stream().map(Place::name).toList());
    }

    @Test
    void placesComeInOrderOfFirstMentionTitleFirst() {
        String title = "Strike on Odesa";
        String body = "Kyiv said the strike on Odesa killed three.";
        List<NameMention> mentions = new ArrayList<>(mentions(body, "Kyiv", "Odesa"));
        mentions.add(new NameMention("Odesa", EntityType.LOCATION, "title", 10, 15, 0));
        List<Place> places = geocoder.resolve(title, body, mentions);
        assertEquals(List.of("Odesa", "Kyiv"), places.stream().map(Place::name).toList());
        assertEquals("title", places.get(0).mentions().get(0).field());
    }

    @Test
    void aDemonymTheCallerCallsAPlaceIsItsCountry() {
        List<Place> places = resolve("Shells landed on the Ukrainian side of the border.", "Ukrainian");
        assertEquals("UA", places.get(0).countryCode());
        assertEquals(Place.COUNTRY, places.get(0).precision());
    }

    @Test
    void mentionOffsetsOutsideTheTextDoNotBreakResolution() {
        List<NameMention> odd = List.of(new NameMention("Lviv", EntityType.LOCATION, "body", 500, 504, 0),
                new NameMention("Kyiv", EntityType.LOCATION, "body", 600, 604, 0));
        assertEquals(2, geocoder.resolve("", "Short.", odd).size());
    }

    @Test
    void nothingToResolveGivesNothing() {
        assertTrue(geocoder.resolve("", "", List.of()).isEmpty());
        assertFalse(geocoder.resolve(null, "In Lviv.", mentions("In Lviv.", "Lviv")).isEmpty());
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static List<Place> resolve(String body, String... names) {
        return geocoder.resolve("", body, mentions(body, names));
    }

    /** Every occurrence of each name, with the sentence index counted from full stops. */
    static List<NameMention> mentions(String body, String... names) {
        List<NameMention> out = new ArrayList<>();
        for (String n : names) {
            int from = 0;
            int found;
            while ((found = body.indexOf(n, from)) >= 0) {
                int start = found;
                int end = start + n.length();
                boolean inside = out.stream().anyMatch(m -> m.start() <= start && m.end() >= end);
                if (!inside) {
                    out.add(new NameMention(n, EntityType.LOCATION, "body", start, end, sentenceOf(body, start)));
                }
                from = end;
            }
        }
        return out;
    }

    private static int sentenceOf(String body, int offset) {
        int s = 0;
        for (int i = 0; i < offset; i++) {
            if (body.charAt(i) == '.' && i + 1 < body.length() && body.charAt(i + 1) == ' ') {
                s++;
            }
        }
        return s;
    }

    private static Place only(List<Place> places, String surface) {
        List<Place> found = places.stream().filter(p -> p.matchedText().contains(surface)).toList();
        assertEquals(1, found.size(), places.toString());
        assertNotNull(found.get(0).mentions());
        return found.get(0);
    }

    static double distanceKm(Place p, double lat, double lon) {
        return GeoMath.distanceKm(p.lat(), p.lon(), lat, lon);
    }
}
