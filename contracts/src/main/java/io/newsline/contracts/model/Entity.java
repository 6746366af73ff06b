package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One distinct named entity of an article with every place it is mentioned. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Entity(String text, EntityType type, List<Mention> mentions) {}
