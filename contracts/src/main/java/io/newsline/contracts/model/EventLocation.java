package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Where an event happened, as far as the text tells. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventLocation(
        String name, Double lat, Double lon, String countryCode, Long geonameId, String precision) {}
