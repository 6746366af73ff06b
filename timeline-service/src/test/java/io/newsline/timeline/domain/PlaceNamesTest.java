package io.newsline.timeline.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PlaceNamesTest {

    /** What normalize did with regular expressions before it became a loop: the two must agree. */
    private static String byExpressions(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD);
        s = s.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        s = s.replaceAll("['’ʼ`]", "").replaceAll("[^\\p{L}\\p{N}]+", " ");
        return s.trim();
    }

    @Test
    void normalizeReadsNamesAsTheRegularExpressionsDid() {
        for (String name : List.of("Kharkiv", "Kyiv's mayor", "Харків", "ЗАПОРІЖЖЯ ОБЛАСТЬ", "Ізюм, Харківська обл.",
                "Київ — столиця", "İstanbul", "São Paulo", "  Kharkiv   Oblast  ", "Zaporizhzhia–Oblast", "ʼ", "1st",
                "٣ streets", "Ⅻ district", "北京市", "Sumy 🚀 region", "", "!!!", "Mykolaiv`s", "L'viv", "Dnipro\tcity\n")) {
            assertEquals(byExpressions(name), PlaceNames.normalize(name), name);
        }
    }

    @Test
    void aRegionReadsAlikeWithAnyRegionWord() {
        assertEquals("kharkiv", PlaceNames.regionStem("Kharkiv Oblast"));
        assertEquals("kharkiv", PlaceNames.regionStem("kharkiv  region"));
    }
}
