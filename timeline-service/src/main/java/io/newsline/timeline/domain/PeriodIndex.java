package io.newsline.timeline.domain;

import io.newsline.contracts.model.DatePrecision;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Event ids by the periods they cover (a day, a month or a year, by precision) and the place buckets
 * they are filed under ({@link PlaceKeys}), so a report is only compared with the events it could be
 * merged with: those near it in time and in place, never a whole day's timeline.
 */
final class PeriodIndex {

    /** Day-precise ranges longer than this are kept in one bucket that every day-precise report looks at. */
    static final int LONG_RANGE_DAYS = 62;
    /** The most days of a long day-precise report that are looked in (beyond them, only the long bucket). */
    static final int LONGEST_SCAN_DAYS = 4 * LONG_RANGE_DAYS;
    private static final String LONG_DAY_RANGES = "D:long";

    private final Map<String, Set<String>> byPeriod = new HashMap<>();

    void clear() {
        byPeriod.clear();
    }

    void add(String id, String date, String dateEnd, DatePrecision precision, List<String> places) {
        for (String period : periods(date, dateEnd, precision, 0)) {
            for (String place : places) {
                byPeriod.computeIfAbsent(period + "|" + place, k -> new HashSet<>()).add(id);
            }
        }
    }

    void remove(String id, String date, String dateEnd, DatePrecision precision, List<String> places) {
        for (String period : periods(date, dateEnd, precision, 0)) {
            for (String place : places) {
                String key = period + "|" + place;
                Set<String> ids = byPeriod.get(key);
                if (ids != null) {
                    ids.remove(id);
                    if (ids.isEmpty()) {
                        byPeriod.remove(key);
                    }
                }
            }
        }
    }

    /**
     * The ids of events filed under one of {@code places} whose periods meet this one, widened by
     * {@code padDays} for day-precise dates.
     */
    Set<String> near(String date, String dateEnd, DatePrecision precision, int padDays, List<String> places) {
        Set<String> found = new HashSet<>();
        for (String period : periods(date, dateEnd, precision, padDays)) {
            for (String place : places) {
                Set<String> ids = byPeriod.get(period + "|" + place);
                if (ids != null) {
                    found.addAll(ids);
                }
            }
        }
        return found;
    }

    /** Whether an event of this period is filed in the one bucket of long day-precise ranges only. */
    static boolean longDayRange(String date, String dateEnd, DatePrecision precision) {
        if (date == null || (precision != null ? precision : EventDates.precisionOf(date)) != DatePrecision.DAY) {
            return false;
        }
        return EventDates.lastDay(date, dateEnd).toEpochDay() - EventDates.firstDay(date).toEpochDay() > LONG_RANGE_DAYS;
    }

    /**
     * The buckets a period falls in: its days ({@code D:2025-06-07}), months or years, by its precision,
     * widened by {@code padDays} for day-precise periods. The rule only merges reports of one precision
     * whose periods overlap (or touch), so they always share a bucket.
     */
    private static List<String> periods(String date, String dateEnd, DatePrecision precision, int padDays) {
        if (date == null) {
            return List.of();
        }
        LocalDate start = EventDates.firstDay(date);
        LocalDate end = EventDates.lastDay(date, dateEnd);
        List<String> keys = new ArrayList<>();
        switch (precision != null ? precision : EventDates.precisionOf(date)) {
            case DAY -> {
                if (end.toEpochDay() - start.toEpochDay() > LONG_RANGE_DAYS) {
                    keys.add(LONG_DAY_RANGES);
                    if (padDays == 0) {
                        return keys;
                    }
                    // A long report meets the other long ones here, and short ones by scanning its days below.
                }
                if (padDays > 0) {
                    keys.add(LONG_DAY_RANGES);
                }
                long span = Math.min(end.toEpochDay() - start.toEpochDay(), LONGEST_SCAN_DAYS);
                for (LocalDate d = start.minusDays(padDays); !d.isAfter(start.plusDays(span + padDays));
                        d = d.plusDays(1)) {
                    keys.add("D:" + d);
                }
            }
            case MONTH -> {
                for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
                    keys.add("M:" + m);
                }
            }
            default -> {
                for (int y = start.getYear(); y <= end.getYear(); y++) {
                    keys.add("Y:" + y);
                }
            }
        }
        return keys;
    }
}
