package io.newsline.nlp.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignatureReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "The first blast was heard around 00:40 near the depot.                    | 00:40 | -",
        "Sirens sounded at 7 p.m. and the drones arrived minutes later.             | 19:00 | -",
        "The rockets struck at 6:15 am, as workers arrived.                         | 06:15 | -",
        "The shelling went on between 01:00 and 03:00, residents said.              | 01:00 | 03:00",
        "Witnesses heard gunfire from 9 pm to 11.30 pm outside the stadium.         | 21:00 | 23:30",
        "The bridge was hit shortly after midnight.                                 | 00:00 | -",
        "The governor said at 10:30 that the fire was out.                          | -     | -",
        "As of 14:00, four people were reported injured.                            | -     | -",
        "A 4.6-magnitude aftershock followed; 3 people were hurt.                   | -     | -",
    })
    void readsClockTimes(String sentence, String from, String to) {
        String[] clock = SignatureReader.clockTime(sentence);

        if (from == null) {
            assertNull(clock, "no happening's time in: " + sentence);
        } else {
            assertArrayEquals(new String[] {from, to}, clock, sentence);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "Drones attacked the town overnight.                                 | night",
        "The strike came in the early hours of Tuesday.                      | night",
        "Shells fell on the village on Friday night.                         | night",
        "The market was hit on Saturday afternoon.                           | afternoon",
        "The protest began in the morning and ended peacefully.              | morning",
        "A second strike hit the centre in the evening.                      | evening",
        "The mayor said this morning that two people were hurt.              | -",
    })
    void readsThePartOfTheDay(String sentence, String part) {
        assertEquals(part, SignatureReader.partOfDay(sentence));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "00:40 | night", "05:30 | morning", "13:10 | afternoon", "19:53 | evening", "22:15 | night",
    })
    void aClockTimeFallsInAPartOfTheDay(String time, String part) {
        assertEquals(part, SignatureReader.partOfClock(time));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "A glide bomb hit a hypermarket on the edge of the city.               | hypermarket",
        "Two missiles struck a lyceum and a nearby kindergarten.               | lyceum",
        "The blast destroyed a printing house in the old town.                 | printing house",
        "A nine-storey apartment block was partly destroyed.                   | residential building",
        "Rockets hit the thermal power plant, cutting heat to the district.    | power plant",
        "Five patients died in a nursing home when the water rose.             | nursing home",
        "Three wounded were taken to hospital after the shelling.              | -",
        "The rocket hit a hostel, damaging nearby apartment blocks.             | dormitory",
        "The blast shattered glass in nearby high-rise buildings.             | residential building",
        "The governor spoke to reporters after the meeting.                    | -",
    })
    void readsTheTarget(String sentence, String target) {
        assertEquals(target, SignatureReader.target(sentence));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "Debris fell in the Zarichnyi district after the attack.               | Zarichnyi district",
        "Windows were shattered across the Old Mill neighbourhood.             | Old Mill neighbourhood",
        "The drone came down in the district of Lenvale.                       | Lenvale district",
        "Shops in the central district stayed closed.                          | -",
    })
    void readsTheDistrict(String sentence, String district) {
        assertEquals(district, SignatureReader.district(sentence));
    }
}
