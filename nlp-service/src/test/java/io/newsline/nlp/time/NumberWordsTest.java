package io.newsline.nlp.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberWordsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "seven, 7",
        "Seven, 7",
        "20, 20",
        "'3,920', 3920",
        "twenty-one, 21",
        "twenty one, 21",
        "a dozen, 12",
        "two hundred, 200",
        "three thousand, 3000",
        "two thousand five hundred, 2500",
        "one hundred and twelve, 112",
        "a couple of, 2",
        "many, -1",
    })
    void readsCountsInDigitsAndWords(String text, int value) {
        assertEquals(value, NumberWords.parse(text));
    }
}
