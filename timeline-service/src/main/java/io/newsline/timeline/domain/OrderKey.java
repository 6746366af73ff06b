package io.newsline.timeline.domain;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.TimelineEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Comparator;

/**
 * An event's place in the timeline: the first day of its date, then precision (day before month
 * before year), then when Newsline first saw it, then its id — a total, stable order.
 */
public record OrderKey(LocalDate start, DatePrecision precision, Instant firstSeen, String id)
        implements Comparable<OrderKey> {

    private static final Comparator<OrderKey> ORDER = Comparator.comparing(OrderKey::start)
            .thenComparing(k -> k.precision == null ? DatePrecision.values().length : k.precision.ordinal())
            .thenComparing(OrderKey::firstSeen)
            .thenComparing(OrderKey::id);

    public static OrderKey of(TimelineEvent e) {
        return of(e.date(), e.datePrecision(), e.firstSeen() == null ? Instant.EPOCH : Instant.parse(e.firstSeen()),
                e.id());
    }

    /** The key of an event with this date, precision (null: the date's own), first sighting and id. */
    public static OrderKey of(String date, DatePrecision datePrecision, Instant firstSeen, String id) {
        DatePrecision precision = datePrecision != null ? datePrecision : EventDates.precisionOf(date);
        return new OrderKey(EventDates.firstDay(date), precision, firstSeen, id);
    }

    @Override
    public int compareTo(OrderKey other) {
        return ORDER.compare(this, other);
    }

    /** An opaque page cursor: clients hand it back, they never build one. */
    public String toCursor() {
        String plain = start + "|" + precision.name() + "|" + firstSeen + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor made by {@link #toCursor()}; throws {@link IllegalArgumentException} for anything else. */
    public static OrderKey fromCursor(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 4);
            if (parts.length != 4 || parts[3].isEmpty()) {
                throw new IllegalArgumentException("malformed cursor");
            }
            return new OrderKey(LocalDate.parse(parts[0]), DatePrecision.valueOf(parts[1]), Instant.parse(parts[2]),
                    parts[3]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor this service gave out", e);
        }
    }
}
