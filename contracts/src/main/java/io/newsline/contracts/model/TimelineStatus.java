package io.newsline.contracts.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** How well a timeline event is supported by its sources. */
public enum TimelineStatus {
    SINGLE_SOURCE("single-source"), CORROBORATED("corroborated"), DISPUTED("disputed");

    private final String json;

    TimelineStatus(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    public static TimelineStatus parse(String text) {
        for (TimelineStatus s : values()) {
            if (s.json.equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + text + "'");
    }
}
