package io.newsline.nlp.events;

import io.newsline.contracts.model.Attribution;
import io.newsline.nlp.events.AttributionFinder.Name;
import io.newsline.nlp.events.CasualtyParser.Casualties;
import io.newsline.nlp.events.EventLexicon.Trigger;
import io.newsline.nlp.time.TemporalResolver;
import io.newsline.nlp.time.TimeExpression;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

/** English's cues: {@link EventLexicon}, {@link CasualtyParser}, {@link TemporalResolver}, {@link AttributionFinder}. */
final class EnglishCues implements EventCues {

    static final EnglishCues INSTANCE = new EnglishCues();
    private static final Pattern SEVERAL_PLACES = Pattern.compile("(?i)\\b(?:several|multiple|various|many|numerous|a\\s+number\\s+of"
            + "|\\d+|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:\\w+\\s+)?(?:communities|villages|towns|cities"
            + "|districts|settlements|areas|regions|provinces|hromadas|neighbou?rhoods)\\b");

    private static final Pattern ACTION = Pattern.compile("(?i)\\b(?:launch(?:ed|es)?|fired|fires|struck|strikes|hit|hits"
            + "|targeted|targets|attacked|attacks|pounded|shelled|bombed|killed|kills|killing|injured|wounded|wounding"
            + "|injuring|died|die|captured|captures|took|taken|seized|liberated|destroyed|damaged|damaging|exploded"
            + "|erupted|flooded|collapsed|crashed|protested|marched|rallied|gathered|met|meets|signed|arrested"
            + "|detained|evacuated|fled|displaced|unleashed|repelled|repulsed|stormed|conducted|carried\\s+out|downed"
            + "|intercepted|shot|announced|delivered|pledged|approved|sent|visited|hosted|held|broke\\s+out|swept"
            + "|ravaged|rocked|tore\\s+through|occurred|took\\s+place|happened|came\\s+under|opened\\s+fire|advanced"
            + "|entered|withdrew|retreated|fell|falls|voted|won|elected|resigned|resulted|caused|burned|burnt|sank"
            + "|derailed|kidnapped|murdered|stabbed|claimed|blew\\s+up|deployed|suffered|lost|destroying|leaving"
            + "|left|reported|recorded|hitting|striking|targeting|causing|clashed|fought|raided|besieged|surrounded"
            + "|encircled|overran|overrun|pushed|broke\\s+through|ambushed|executed|buried|flattened|inundated"
            + "|submerged|triggered|trapped|shook|shaken|ripped|tore|engulfed|spread|made\\s+landfall|uprooted"
            + "|washed\\s+away|knocked\\s+out|disrupted|raged|looted|torched|set\\s+fire|stabbed|abducted"
            + "|dropped|dispersed|gathered|demanded|chanted|blocked)\\b");
    private static final Pattern HYPOTHETICAL = Pattern.compile("(?i)\\b(?:would|could(?!\\s+not\\s+be)|might|will|shall"
            + "|if|unless|threat\\w*|potential(?:ly)?|possible|possibility|risk\\s+of|aim(?:s|ed|ing)?\\s+(?:to|at)"
            + "|seek(?:s|ing)?\\s+to|sought\\s+to|intend\\w*\\s+to|designed\\s+to|plan(?:s|ned|ning)?\\s+to"
            + "|prepar\\w+\\s+(?:to|for)|in\\s+order\\s+to|capable\\s+of|ability\\s+to|likely|expected\\s+to"
            + "|warn(?:ed|s|ing)?|fear(?:s|ed)?|vulnerab\\w+|in\\s+the\\s+coming|future|should|must|need(?:s|ed)?\\s+to"
            + "|call(?:s|ed)?\\s+for|urg(?:ed|es|ing)|condemn\\w*|(?-i:may))\\b");
    private final TemporalResolver temporal = new TemporalResolver();
    private final CasualtyParser casualties = new CasualtyParser();
    private final AttributionFinder attributions = new AttributionFinder();

    private EnglishCues() {}

    @Override
    public List<Trigger> triggers(String sentence) {
        return EventLexicon.find(sentence);
    }

    @Override
    public Casualties counts(String sentence) {
        return casualties.parse(sentence);
    }

    @Override
    public boolean countsAgain(String sentence) {
        return casualties.countsAgain(sentence);
    }

    @Override
    public int tollUpdateEnd(String sentence) {
        return casualties.tollUpdateEnd(sentence);
    }

    @Override
    public List<TimeExpression> dates(String sentence, OffsetDateTime published) {
        return temporal.find(sentence, published);
    }

    @Override
    public boolean tellsAction(String text) {
        return ACTION.matcher(text).find();
    }

    @Override
    public boolean hypothetical(String text) {
        return HYPOTHETICAL.matcher(text).find();
    }

    @Override
    public boolean joinsList(String between) {
        // English wire copy sums a night's strikes over a list ("hit Kyiv, Chernihiv and Sumy oblasts") as one
        // attack, and ../shared/corpus annotates it so; Ukrainian and Russian reports list each town hit.
        return false;
    }

    @Override
    public Casualties elidedToll(String clause, Casualties sentence) {
        return Casualties.NONE; // English lists stay one event (see joinsList)
    }

    @Override
    public boolean consequence(String text) {
        return false; // HappeningLinker's CONSEQUENCE reads English
    }

    @Override
    public boolean refersBack(String text) {
        return false; // HappeningLinker's DEFINITE_BACK reads English definite descriptions
    }

    @Override
    public boolean overview(String text) {
        return SEVERAL_PLACES.matcher(text).find();
    }

    @Override
    public int placeRole(String before) {
        return 0; // PlaceChooser reads English prepositions with its own patterns
    }

    @Override
    public Attribution attribution(String sentence, List<Name> names) {
        return attributions.find(sentence, names);
    }
}
