package io.newsline.timeline.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextPrintTest {

    private static final String WIRE = """
            Two guided missiles struck a grain terminal on the outskirts of Port Veridian late on Tuesday, setting \
            fire to three silos and wounding four dock workers, the harbour authority said in a statement.
            Firefighters from two neighbouring districts needed most of the night to bring the blaze under control. \
            The terminal handled about a fifth of the province's grain exports last season, according to the \
            regional trade office, and its operator said loading would stop for at least a week.
            The harbour master told reporters that the night shift had been moved to shelters minutes before the \
            first blast, which he said had saved many lives. Repairs to the damaged conveyor are expected to take \
            a month, while inspectors check the remaining silos for cracks.""";

    private static final String INDEPENDENT = """
            Port Veridian's grain terminal was on fire on Wednesday morning after a missile attack overnight, local \
            officials said, with four workers taken to hospital.
            "The night shift had been moved to shelters minutes before the first blast," the harbour master said, \
            adding that three silos had burned. The operator suspended loading for at least a week.
            Residents described two loud explosions shortly before midnight. The regional governor called the \
            attack an attempt to choke the province's exports.""";

    @Test
    void aRepublishedStoryWithItsOwnHeadlineAndAFooterIsACopy() {
        TextPrint original = TextPrint.of("Missiles hit Port Veridian grain terminal", WIRE);
        TextPrint copy = TextPrint.of("Grain terminal ablaze after strike",
                WIRE + "\nThis story was supplied by a news agency. Subscribe for our morning briefing.");

        assertTrue(copy.copies(original));
        assertTrue(original.copies(copy));
    }

    @Test
    void aCopyCutToItsFirstParagraphsIsStillACopy() {
        TextPrint original = TextPrint.of("Missiles hit Port Veridian grain terminal", WIRE);
        String firstTwo = WIRE.substring(0, WIRE.indexOf("\nThe harbour master"));
        TextPrint cut = TextPrint.of("Missiles hit Port Veridian grain terminal", firstTwo);

        assertTrue(cut.copies(original), "containment " + cut.containment(original));
    }

    @Test
    void anIndependentReportOfTheSameHappeningSharingAQuoteIsNoCopy() {
        TextPrint wire = TextPrint.of("Missiles hit Port Veridian grain terminal", WIRE);
        TextPrint other = TextPrint.of("Fire at Port Veridian terminal after overnight attack", INDEPENDENT);

        assertFalse(other.copies(wire), "containment " + other.containment(wire));
    }

    @Test
    void aSketchReadsBackFromItsTextAndATooShortTextHasNone() {
        TextPrint print = TextPrint.of("Missiles hit Port Veridian grain terminal", WIRE);

        TextPrint back = TextPrint.decode(print.encode());

        assertEquals(print.shingles(), back.shingles());
        assertEquals(1.0, back.resemblance(print));
        assertNull(TextPrint.of("Shelling", "Two injured in shelling."));
        assertNull(TextPrint.decode("not a sketch"));
    }
}
