package io.newsline.timeline.domain;

import io.newsline.contracts.model.DatePrecision;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Reads the partial dates of events ({@code YYYY-MM-DD}, {@code YYYY-MM}, {@code YYYY}) as day ranges. */
public final class EventDates {

    /** Where an event without a date sorts: after every dated one. */
    public static final LocalDate UNDATED = LocalDate.of(9999, 12, 31);

    /** The first day a partial date covers; {@code 2025-07} is 2025-07-01. */
    public static LocalDate firstDay(String date) {
        if (date == null || date.isBlank()) {
            return UNDATED;
        }
        return switch (date.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(date), 1, 1);
            case 7 -> YearMonth.parse(date).atDay(1);
            default -> LocalDate.parse(date.substring(0, 10));
        };
    }

    /** The last day a partial date covers; {@code 2025-07} is 2025-07-31. */
    public static LocalDate lastDay(String date) {
        if (date == null || date.isBlank()) {
            return UNDATED;
        }
        return switch (date.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(date), 12, 31);
            case 7 -> YearMonth.parse(date).atEndOfMonth();
            default -> LocalDate.parse(date.substring(0, 10));
        };
    }

    /** The last day of an event: the end of its range when it has one, else the end of its date. */
    public static LocalDate lastDay(String date, String dateEnd) {
        LocalDate end = dateEnd == null || dateEnd.isBlank() ? lastDay(date) : lastDay(dateEnd);
        LocalDate start = firstDay(date);
        return end.isBefore(start) ? lastDay(date) : end;
    }

    /** Whether text is a partial date this class reads. */
    public static boolean isValid(String date) {
        if (date == null || !date.matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
            return false;
        }
        try {
            firstDay(date);
            return true;
        } catch (DateTimeParseException | NumberFormatException e) {
            return false;
        }
    }

    /** The precision a partial date's text implies, for events that do not say. */
    public static DatePrecision precisionOf(String date) {
        if (date == null) {
            return DatePrecision.DAY;
        }
        return switch (date.length()) {
            case 4 -> DatePrecision.YEAR;
            case 7 -> DatePrecision.MONTH;
            default -> DatePrecision.DAY;
        };
    }

    private EventDates() {}
}
