package io.newsline.nlp.time;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.nlp.lang.LexiconFile;
import io.newsline.nlp.lang.Words.Word;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in a language read by lemma, resolved against the publication time as {@link TemporalResolver} does
 * for English: a day and a month in any case ("7 червня", "у ніч на 7 червня" is the morning of the 7th),
 * with or without a year; a weekday after a preposition ("у неділю", "в ночь на воскресенье"), the most
 * recent one; "вчора", "сегодня"; a daily summary's period ("за минулу добу", "за сутки"), the day before
 * the report; and numeric dates (07.06.2024). The words are the language's data
 * ({@code lang/<language>-events.properties}).
 */
public final class InflectedDates {

    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d.])(?<d>[0-3]?\\d)\\.(?<m>[01]?\\d)\\.(?<y>(?:19|20)\\d\\d)(?![\\d])");

    private final Map<String, Integer> months;
    private final Map<String, Integer> weekdays;
    private final Set<String> weekdayBefore;
    private final Map<String, Integer> dayOffsets;
    private final java.util.Set<String> night;
    private final Set<String> period;
    private final Set<String> periodBefore;
    private final Set<String> yearWord;

    public InflectedDates(LexiconFile lexicon) {
        this.months = lexicon.numbers("months");
        this.weekdays = lexicon.numbers("weekdays");
        this.weekdayBefore = lexicon.words("weekday.before");
        this.dayOffsets = lexicon.numbers("dayOffsets");
        this.night = lexicon.words("night");
        this.period = lexicon.words("period");
        this.periodBefore = lexicon.words("period.before");
        this.yearWord = lexicon.words("year");
    }

    public List<TimeExpression> find(List<Word> w, String text, OffsetDateTime published) {
        LocalDate pub = published.toLocalDate();
        List<TimeExpression> out = new ArrayList<>();
        Matcher numeric = NUMERIC.matcher(text);
        while (numeric.find()) {
            LocalDate d = dateOrNull(Integer.parseInt(numeric.group("y")), Integer.parseInt(numeric.group("m")),
                    Integer.parseInt(numeric.group("d")));
            if (d != null) {
                out.add(expression(text, numeric.start(), numeric.end(), d));
            }
        }
        for (int i = 0; i < w.size(); i++) {
            Word word = w.get(i);
            if (out.stream().anyMatch(t -> t.start() <= word.start() && word.start() < t.end())) {
                continue;
            }
            Integer month = i + 1 < w.size() ? valueOf(w.get(i + 1), months) : null;
            if (word.isNumber() && month != null && word.text().length() <= 2) {
                int day = Integer.parseInt(word.text());
                int end = i + 1;
                LocalDate d;
                if (i + 2 < w.size() && w.get(i + 2).isNumber() && w.get(i + 2).text().matches("(?:19|20)\\d\\d")) {
                    end = i + 2;
                    if (end + 1 < w.size() && w.get(end + 1).hasLemma(yearWord)) {
                        end++;
                    }
                    d = dateOrNull(Integer.parseInt(w.get(i + 2).text()), month, day);
                } else {
                    d = mostRecent(month, day, pub);
                }
                if (d != null) {
                    out.add(expression(text, word.start(), w.get(end).end(), d));
                }
                i = end;
                continue;
            }
            Integer weekday = valueOf(word, weekdays);
            if (weekday != null && i > 0 && w.get(i - 1).hasLemma(weekdayBefore)) {
                LocalDate d = pub.with(TemporalAdjusters.previousOrSame(DayOfWeek.of(weekday)));
                out.add(expression(text, w.get(i - 1).start(), word.end(), d));
                continue;
            }
            Integer offset = valueOf(word, dayOffsets);
            if (offset != null) {
                out.add(expression(text, word.start(), word.end(), pub.plusDays(offset)));
                continue;
            }
            if (night.contains(word.lower()) && !(i > 0 && valueOf(w.get(i - 1), dayOffsets) != null)
                    && !(i + 2 < w.size() && w.get(i + 1).isNumber() && valueOf(w.get(i + 2), months) != null)) {
                // "Вночі", "Ночью" alone: the night that ended the morning of the report, as "overnight" is in English;
                // "вчора вночі" and "вночі 5 червня" are dated by their other words.
                out.add(expression(text, word.start(), word.end(), pub));
                continue;
            }
            if (word.hasLemma(period)) {
                for (int j = i - 1; j >= Math.max(0, i - 2); j--) {
                    if (w.get(j).hasLemma(periodBefore)) {
                        out.add(expression(text, w.get(j).start(), word.end(), pub.minusDays(1)));
                        break;
                    }
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static Integer valueOf(Word w, Map<String, Integer> values) {
        for (String l : w.lemmas()) {
            Integer v = values.get(l);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** A day and month without a year: the most recent one, a day after publication allowed (time zones). */
    private static LocalDate mostRecent(int month, int day, LocalDate pub) {
        LocalDate d = dateOrNull(pub.getYear(), month, day);
        if (d == null || d.isAfter(pub.plusDays(1))) {
            d = dateOrNull(pub.getYear() - 1, month, day);
        }
        return d;
    }

    private static LocalDate dateOrNull(int year, int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth()
                ? LocalDate.of(year, month, day) : null;
    }

    private static TimeExpression expression(String text, int start, int end, LocalDate d) {
        return new TimeExpression(start, end, text.substring(start, end), d, null, DatePrecision.DAY);
    }
}
