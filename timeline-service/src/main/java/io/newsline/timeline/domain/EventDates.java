package io.newsline.timeline.domain;

import io.newsline.contracts.model.DatePrecision;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Reads the partial dates of events ({@code YYYY-MM-DD}, {@code YYYY-MM}, {@code YYYY}) as day ranges. */
public final class EventDates {

    /** Where an event without a date sorts: after every dated one. */
    public static final LocalDate UNDATED = LocalDate.of(9999, 12, 31);
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    /** The first day a partial date covers; {@code 2025-07} is 2025-07-01. */
    public static LocalDate firstDay(String date) {
        if (date == null || date.isBlank()) {
            return UNDATED;
        }
        return switch (date.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(date), 1, 1);
            case 7 -> YearMonth.parse(date).atDay(1);
            default -> day(date);
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
            default -> day(date);
        };
    }

    /**
     * A {@code YYYY-MM-DD} date, read digit by digit: the merge rule reads the dates of every event it
     * compares a report with, and the general parser costs more than the comparison. Anything else goes
     * to {@link LocalDate#parse}, which says what is wrong with it.
     */
    private static LocalDate day(String date) {
        if (date.length() >= 10 && date.charAt(4) == '-' && date.charAt(7) == '-') {
            int year = digits(date, 0, 4);
            int month = digits(date, 5, 7);
            int day = digits(date, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    throw new DateTimeParseException(e.getMessage(), date, 0, e);
                }
            }
        }
        return LocalDate.parse(date.substring(0, 10));
    }

    /** The number the ASCII digits in [from, to) spell, or -1 when one is not a digit. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The last day of an event: the end of its range when it has one, else the end of its date. */
    public static LocalDate lastDay(String date, String dateEnd) {
        LocalDate end = dateEnd == null || dateEnd.isBlank() ? lastDay(date) : lastDay(dateEnd);
        LocalDate start = firstDay(date);
        return end.isBefore(start) ? lastDay(date) : end;
    }

    /** Whether text is a partial date this class reads. */
    public static boolean isValid(String date) {
        if (date == null || !PARTIAL_DATE.matcher(date).matches()) {
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
