package io.newsline.timeline.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * When an article was published, as far as it says: an instant, or a whole day when only the date is
 * known ("2024-05-25" may be any time that day, so it is neither before nor after a report timed that
 * day).
 */
public record Publication(Instant from, Instant to) {

    /** The publication time a text gives, or null when it gives none that can be read. */
    public static Publication parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                Instant day = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                return new Publication(day, day.plus(Duration.ofDays(1)));
            }
            Instant at = OffsetDateTime.parse(text).toInstant();
            return new Publication(at, at);
        } catch (DateTimeParseException e) {
            try {
                Instant at = Instant.parse(text);
                return new Publication(at, at);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** The earliest moment it may have been published: what a single instant stands for. */
    public static Instant instant(String text) {
        Publication p = parse(text);
        return p == null ? null : p.from();
    }

    /** How far apart two publications are at least (zero when they may be the same moment). */
    public Duration gap(Publication other) {
        if (other.to.isBefore(from)) {
            return Duration.between(other.to, from);
        }
        if (to.isBefore(other.from)) {
            return Duration.between(to, other.from);
        }
        return Duration.ZERO;
    }

    /** Whether this was certainly published before {@code other}. */
    public boolean before(Publication other) {
        return to.isBefore(other.from) || to.equals(other.from) && !from.equals(to);
    }
}
