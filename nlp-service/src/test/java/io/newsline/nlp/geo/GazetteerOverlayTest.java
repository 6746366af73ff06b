package io.newsline.nlp.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newsline.contracts.model.Place;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerOverlayTest {

    @Test
    void anOverlayAddsPlacesFoundByTheirVariantsToo(@TempDir Path dir) throws IOException {
        Path overlay = dir.resolve("overlay.tsv");
        Files.writeString(overlay, """
                # a comment line
                name\talternateNames\tlat\tlon\tcountry\tadmin1\tfeatureCode\tpopulation\tgeonameId
                Kupiansk-Vuzlovyi\tKupyansk-Vuzlovyi\t49.653\t37.683\tUA\tKharkiv\tPPL\t8000\t
                Hlyboke Test Facility\t\t50.1\t36.2\tUA\t07\tPS\t0\t99000001
                """);
        Gazetteer gazetteer = Gazetteer.loadBundled(Optional.of(overlay));

        List<GazetteerEntry> found = gazetteer.lookup("Kupyansk-Uzlovoy");
        assertEquals(1, found.size(), "the Russian form finds the Ukrainian one");
        GazetteerEntry e = found.get(0);
        assertEquals("Kupiansk-Vuzlovyi", e.name());
        assertEquals("07", e.admin1Code(), "admin1 given by name is stored as its code");
        assertEquals("Kharkiv", e.admin1Name());
        assertTrue(e.geonameId() < 0, "an overlay place without a GeoNames id gets a negative one");
        assertEquals(99000001L, gazetteer.lookup("Hlyboke Test Facility").get(0).geonameId());
        assertTrue(gazetteer.isPlaceName("Kupiansk-Vuzlovyi"));

        String body = "Grad rockets hit Kupyansk-Uzlovoy in the Kharkiv region overnight.";
        Place place = new Geocoder(gazetteer).resolve("", body,
                GeocoderTest.mentions(body, "Kupyansk-Uzlovoy", "Kharkiv region")).get(0);
        assertEquals(Place.EXACT, place.precision());
        assertEquals("Kupiansk-Vuzlovyi", place.name());
    }

    @Test
    void aBrokenOverlayLineIsReportedWithItsNumber(@TempDir Path dir) throws IOException {
        Path overlay = dir.resolve("overlay.tsv");
        Files.writeString(overlay, "Somewhere\t\tnot-a-number\t36.2\tUA\t07\tPPL\t0\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gazetteer.loadBundled(Optional.of(overlay)));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void theStarterOverlayOfTheRepositoryLoads() {
        Path starter = Path.of(System.getProperty("user.dir")).resolveSibling("config").resolve("gazetteer-overlay.tsv");
        assumeTrue(Files.exists(starter), "run from the nlp-service module of the repository");
        Gazetteer gazetteer = Gazetteer.loadBundled(Optional.of(starter));
        assertTrue(gazetteer.isPlaceName("Zaporizhzhia NPP"));
    }
}
