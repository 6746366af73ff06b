package io.newsline.nlp.events;

import io.newsline.contracts.model.Attribution;
import io.newsline.nlp.events.AttributionFinder.Name;
import io.newsline.nlp.events.CasualtyParser.Casualties;
import io.newsline.nlp.events.EventLexicon.Trigger;
import io.newsline.nlp.time.TimeExpression;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What one language gives the shared event stages: the words that name happenings, tolls, dates, the
 * verbs that tell something happened, the words of plans and fears, and who a sentence cites. English has
 * its own readers ({@link EnglishCues}); languages read with a morphological dictionary share one reader
 * over their lexicon files ({@link InflectedCues}).
 */
interface EventCues {

    /** Every trigger in the sentence, in text order, longest first where two overlap. */
    List<Trigger> triggers(String sentence);

    /** The killed and injured counts the sentence gives. */
    Casualties counts(String sentence);

    /** The dates the sentence gives, resolved against the publication time. */
    List<TimeExpression> dates(String sentence, OffsetDateTime published);

    /**
     * Where the words that take a toll again end ("the death toll rose"), or -1 when the sentence holds none:
     * a date after them is when the dead were counted.
     */
    default int tollUpdateEnd(String sentence) {
        return -1;
    }

    /** Whether the sentence counts a happening's dead again ("the toll rose", "died in hospital") rather than new deaths. */
    default boolean countsAgain(String sentence) {
        return tollUpdateEnd(sentence) >= 0;
    }

    /** Whether the text holds a verb of something done or undergone ("struck", "влучила"). */
    boolean tellsAction(String text);

    /** Whether the text speaks of a plan, a possibility or a fear rather than a fact. */
    boolean hypothetical(String text);

    /**
     * How the words just before a place tell its part in the happening: a positive number for the scene
     * ("in", "у", "по"), a negative one for where the weapon came from ("from", "з", "из"), 0 when they do not say.
     */
    int placeRole(String before);

    /** Whether the text between two places joins them in one list ("Kyiv, Lviv and Odesa", "Києві, Львові та Одесі"). */
    boolean joinsList(String between);

    /**
     * Whether the sentence gives an overview of many happenings over an area ("in several communities",
     * an oblast's "за минулу добу"): each place named after it is a happening of its own.
     */
    boolean overview(String text);

    /**
     * Whether the sentence names a happening already told by a demonstrative ("внаслідок цієї атаки", "после
     * этого удара"); English has its own pattern for it in {@link HappeningLinker}.
     */
    boolean refersBack(String text);

    /**
     * Whether the sentence opens by saying it tells a consequence of a happening already told ("Внаслідок
     * обстрілів поранено ...", "В результате атаки ..."); English has its own pattern in {@link HappeningLinker}.
     */
    boolean consequence(String text);

    /**
     * The toll of a clause whose verb the sentence said once ("поранено двох чоловіків, у Y – четверо
     * жінок"): a number of people, of the kind of the sentence's toll; none when the clause gives none.
     */
    Casualties elidedToll(String clause, Casualties sentence);

    /** Who the sentence says reports it, and whether it hedges. */
    Attribution attribution(String sentence, List<Name> names);

    static EventCues of(String language) {
        return language == null || language.equals("en") ? EnglishCues.INSTANCE : InflectedCues.of(language);
    }
}
