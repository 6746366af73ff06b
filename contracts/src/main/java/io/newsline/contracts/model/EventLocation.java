package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where an event happened, as far as the text tells.
 *
 * @param admin1 the first-level region (oblast, state, province) the place lies in, when known; lets
 *               readers find the events inside a region
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventLocation(
        String name, Double lat, Double lon, String countryCode, Long geonameId, String precision,
        @JsonInclude(JsonInclude.Include.NON_NULL) String admin1) {

    /** A location without its region, as the NLP's event extractor first produced it. */
    public EventLocation(String name, Double lat, Double lon, String countryCode, Long geonameId, String precision) {
        this(name, lat, lon, countryCode, geonameId, precision, null);
    }

    public EventLocation withAdmin1(String region) {
        return new EventLocation(name, lat, lon, countryCode, geonameId, precision, region);
    }
}
