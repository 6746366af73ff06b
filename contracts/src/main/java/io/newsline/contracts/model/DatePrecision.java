package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** How precisely an event's date is known; the order (day, month, year) is the timeline's tie-breaker. */
public enum DatePrecision {
    DAY, MONTH, YEAR;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
