package io.newsline.nlp.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.newsline.nlp.events.CasualtyParser.Casualties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CasualtyParserTest {

    private final CasualtyParser parser = new CasualtyParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "The night raid killed at least seven villagers and injured over 20 people.      | 7  | 20 | -",
        "Two people died when the roof fell in.                                          | 2  | -  | -",
        "No one was injured when the shell hit the yard, the prosecutor said.            | 0  | 0  | -",
        "Nobody was hurt, but two men died when the tanker exploded.                     | 2  | 0  | -",
        "No civilians were injured in the raid on the barracks.                          | -  | 0  | -",
        "The fire destroyed 20 homes but caused no casualties, the agency said.          | 0  | 0  | -",
        "The regional governor reported no injuries after the drones were downed.       | 0  | 0  | -",
        "No deaths were reported, but 12 people were taken to hospital.                  | 0  | -  | -",
        "There were no immediate reports of casualties from the blast.                   | -  | -  | -",
        "Nobody was killed or hurt in the night attack on the depot.                     | 0  | 0  | -",
        "No information about casualties has been received so far.                      | -  | -  | -",
        "The drone hit a minibus, killing three and injuring 11.                          | 3  | 11 | -",
        "A 12-year-old boy was killed and his mother was wounded.                        | 1  | -  | -",
        "Five people were killed, including two children, officials said.                | 5  | -  | -",
        "Nine soldiers were reportedly wounded in the ambush.                            | -  | 9  | -",
        "The blast left four dead and 30 injured.                                        | 4  | 30 | -",
        "By evening the death toll had risen to 14.                                      | 14 | -  | -",
        "The army said it had inflicted about 1,200 casualties on the enemy last week.   | -  | -  | 1200",
        "Twenty-three people were killed or injured in the collapse.                     | -  | -  | 23",
        "Police said 40 protesters were hurt and a police officer was killed.            | 1  | 40 | -",
        "More than a dozen miners are feared dead after the flood.                       | 12 | -  | -",
        "Three hundred villagers were injured by the quake.                              | -  | 300 | -",
        "One fisherman drowned, and another man was critically injured.                  | 1  | 1  | -",
        "A guard was shot, while another guard is known to have been hurt.               | -  | 1  | -",
        "The soldiers stopped the farmer at the gate and killed him.                     | 1  | -  | -",
        "At least two firefighters passed away when the roof of the depot gave way.      | 2  | -  | -",
        "Among those killed were four members of one family in the hamlet.               | 4  | -  | -",
        "The death toll from the collapse of the old cinema roof has now risen to 13.    | 13 | -  | -",
        "The toll climbed to 31 after two of the injured died in hospital.               | 31 | -  | -",
        "The death toll from the magnitude 6.1 quake rose to 12 on Friday.              | 12 | -  | -",
        "In 2019 a man killed seven people at a school in the town.                     | 7  | -  | -",
        "The bodies of 23 passengers were recovered from the river on Friday.           | 23 | -  | -",
        "The second blast brought the number of dead to six, police said.                | 6  | -  | -",
        "Five members of one family, including a baby, died when the wall gave way.      | 5  | -  | -",
        "Two fishermen drowned when their boat capsized off the cape.                    | 2  | -  | -",
        "Three pilgrims were crushed to death at the gate, and 40 were hurt.             | 3  | 40 | -",
        "A boy nearly drowned in the flooded underpass before rescuers reached him.      | -  | -  | -",
    })
    void readsTollsAsTheTextGivesThem(String sentence, Integer killed, Integer injured, Integer casualties) {
        Casualties c = parser.parse(sentence);

        assertEquals(killed, c.killed(), "killed in: " + sentence);
        assertEquals(injured, c.injured(), "injured in: " + sentence);
        assertEquals(casualties, c.casualties(), "casualties in: " + sentence);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "A 45-year-old man was questioned by police on June 7.",
        "The missiles struck 150 kilometres from the border on May 23.",
        "At least 15 missiles and 40 drones were fired at the city.",
        "The town, home to 30,000 people, lost power.",
        "Dozens of people were injured in the stampede.",
        "The strike killed a number of soldiers, the ministry said.",
        "About 6,500 troops are said to be stationed in the area.",
        "Two years of drought have taken a heavy toll on the 300 farmers of the valley.",
        "By evening the number of victims had increased to 14, the governor wrote.",
        "The mudslide left more than 40 people dead or missing in the valley.",
        "The ferry's captain, Jonas Berg, 52, told reporters the engine had failed.",
    })
    void countsNothingThatIsNotAToll(String sentence) {
        assertFalse(parser.parse(sentence).any(), () -> "found " + parser.parse(sentence));
    }

    @Test
    void theFirstTollOfEachKindWins() {
        Casualties c = parser.parse("Eight people were killed, three of them children, and another two were killed later.");

        assertEquals(8, c.killed());
    }
}
