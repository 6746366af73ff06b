package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An article that recalls a happening without reporting it ("on Saturday a strike on a hypermarket killed
 * 16", in a story about something else): a link for the reader, never a source of the event's figures or
 * status.
 *
 * @param evidence the sentence that recalls it
 * @param why      why the merger linked it to this event, in words
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventReference(
        String articleId,
        String source,
        String url,
        String publishedAt,
        String evidence,
        @JsonInclude(JsonInclude.Include.NON_NULL) String why) {}
