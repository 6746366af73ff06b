package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * One distinct place named in an article, resolved against the gazetteer. An unresolved place
 * keeps its name with {@code lat}/{@code lon} null rather than a guess.
 *
 * @param precision {@code exact}, {@code near} (placed at a place the text ties it to),
 *                  {@code region} or {@code country}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Place(
        String name,
        List<String> matchedText,
        Double lat,
        Double lon,
        String countryCode,
        String admin1,
        Long geonameId,
        String featureCode,
        String precision,
        double confidence,
        List<Mention> mentions) {

    public static final String EXACT = "exact";
    public static final String NEAR = "near";
    public static final String REGION = "region";
    public static final String COUNTRY = "country";
}
