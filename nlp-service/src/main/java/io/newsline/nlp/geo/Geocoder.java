package io.newsline.nlp.geo;

import io.newsline.contracts.model.Place;
import io.newsline.nlp.domain.NameMention;
import java.util.List;

/**
 * Resolves an article's place mentions to gazetteer entries, using the rest of the document (its
 * countries, regions and other places) to choose between namesakes.
 */
public final class Geocoder {
    private final Gazetteer gazetteer;

    public Geocoder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * One Place per distinct place among these mentions (LOCATION mentions, and any other the caller
     * found in the gazetteer), in order of first mention.
     */
    public List<Place> resolve(String title, String body, List<NameMention> placeMentions) {
        return List.of();
    }
}
