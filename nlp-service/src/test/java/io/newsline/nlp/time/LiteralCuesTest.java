package io.newsline.nlp.time;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiteralCuesTest {

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '#', value = {
        "\\b(?:explosions?|blasts?|exploded)\\b             # A blast shook the port.",
        "\\bearthquakes?\\b                                 # An earthquake struck.",
        "\\b(?:took\\s+control\\s+of|captured)\\s+the\\b   # Troops took control of the hill.",
        "\\brall(?:y|ies|ied)\\b                            # Thousands rallied.",
        "\\b(?-i:KABs?|UMPK)\\b                            # KABs fell on the town.",
    })
    void aTextThePatternMatchesAlwaysPassesTheGate(String regex, String text) {
        assertTrue(Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(text).find(), "the example matches");

        assertTrue(LiteralCues.of(regex).mayMatch(text.toLowerCase(Locale.ROOT)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '#', value = {
        "\\b(?:explosions?|blasts?|exploded)\\b   # The minister met farmers.",
        "\\b(?:took\\s+control\\s+of)\\s+the\\b # The river flooded the town.",
    })
    void aTextWithoutTheWordsIsSkipped(String regex, String text) {
        assertFalse(LiteralCues.of(regex).mayMatch(text.toLowerCase(Locale.ROOT)));
    }
}
