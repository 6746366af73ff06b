package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** How an article was enriched; {@code skipped} says why when the pipeline could not read it. */
public record NlpInfo(
        String version,
        String language,
        long processingMs,
        @JsonInclude(JsonInclude.Include.NON_NULL) String skipped) {}
