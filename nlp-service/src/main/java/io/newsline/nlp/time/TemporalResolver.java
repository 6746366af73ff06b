package io.newsline.nlp.time;

import io.newsline.contracts.model.DatePrecision;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds time expressions in English news text and resolves them against the publication time.
 *
 * <p>News dates are mostly relative ("on Saturday", "overnight", "June 7"): a weekday is the most
 * recent one on or before the publication day, and a month/day without a year takes the year that
 * puts it on or before publication, unless the sentence speaks of the future ("will meet on
 * Monday"). Expressions that only bound a period ("since February 2022", "until May") are not
 * returned, because they do not date a happening.
 */
public final class TemporalResolver {

    private static final String MONTH = "(?<mon>January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
    private static final String MONTH2 = MONTH.replace("?<mon>", "?<mon2>");
    private static final String DAY = "(?<day>[0-3]?\\d)(?:st|nd|rd|th)?";
    private static final String DAY2 = "(?<day2>[0-3]?\\d)(?:st|nd|rd|th)?";
    private static final String YEAR = "(?<year>(?:19|20)\\d\\d)";
    private static final String TO = "\\s*(?:-|–|—|\\band\\b|\\bto\\b|\\buntil\\b|\\bthrough\\b|\\btill\\b)\\s*";
    private static final String PART_OF_DAY = "(?:(?i:(?:on|in|during|late on|early on)\\s+)?(?i:the\\s+)?"
            + "(?i:night|morning|evening|afternoon|early hours)\\s+of\\s+)?";
    private static final String WEEKDAY = "(?<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private static final String NUMBER_WORD = "(?<n>\\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";

    /** A way of writing a date and how to turn a match of it into dates. */
    private record Form(Pattern pattern, LiteralCues cues, BiFunction<Matcher, Context, Resolved> resolve) {}

    private record Resolved(LocalDate date, LocalDate dateEnd, DatePrecision precision) {}

    /** What a form needs to resolve a match: the publication day and whether the sentence speaks of the future. */
    private record Context(LocalDate published, boolean future) {}

    private static final List<Form> FORMS = List.of(
            // "between November 17 and 23", "from June 1 to June 5, 2025", "June 6-7"
            form("(?i:(?:between|from)\\s+)?" + PART_OF_DAY + MONTH + "\\s+" + DAY + TO + "(?:" + MONTH2 + "\\s+)?"
                    + DAY2 + "\\b(?:,?\\s+" + YEAR + ")?", TemporalResolver::monthDayRange),
            // "between 17 and 23 November", "6-7 June 2025", "night of 6 to 7 June"
            form("(?i:(?:between|from)\\s+)?" + PART_OF_DAY + DAY + "(?:\\s+" + MONTH2 + ")?" + TO + DAY2 + "\\s+(?:of\\s+)?"
                    + MONTH + "(?:,?\\s+" + YEAR + ")?", TemporalResolver::dayMonthRange),
            // "on the night of June 7", "June 7, 2025", "June 7th"
            form("(?i:on\\s+)?" + "(?:" + WEEKDAY + ",?\\s+)?" + PART_OF_DAY + MONTH + "\\s+" + DAY + "\\b(?:,?\\s+" + YEAR
                    + ")?(?!\\s*(?:-|–)\\s*\\d)", TemporalResolver::monthDay),
            // "7 June", "7th of June 2025"
            form("(?i:on\\s+)?" + PART_OF_DAY + "\\b" + DAY + "\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+" + YEAR + ")?",
                    TemporalResolver::monthDay),
            // "February 2022", "in early May 2024"
            form("(?i:(?:in|during|by|throughout)\\s+)?(?i:(?:early|mid|late|the end of|the beginning of|the start of"
                    + "|the middle of)[\\s-]+)?" + MONTH + ",?\\s+" + YEAR + "\\b", TemporalResolver::monthYear),
            // "in May", "last May", "earlier in March": a month without a number after it
            form("(?i:(?:in|during|by|throughout|last|this|earlier in|late in|early in)\\s+)(?i:(?:early|mid|late|the end of"
                    + "|the beginning of|the start of|the middle of)[\\s-]+)?" + MONTH + "(?![\\s,]*\\d)",
                    TemporalResolver::monthOnly),
            // "in 2024", "in early 2023"
            form("(?i:(?:in|during|by|throughout|since|until)\\s+)(?i:(?:early|mid|late|the end of|the beginning of"
                    + "|the start of|the middle of)[\\s-]+)?" + YEAR + "\\b(?!\\s*(?:-|–)\\s*\\d)", TemporalResolver::yearOnly),
            // "the 2022 floods", "Turkey's 2023 earthquake": a year before the noun of what happened in it (not a count:
            // "the 2000 residents")
            form("(?i:\\b(?:the|a|an|its|their|his|her|this|that)\\s+|(?<=\\p{Lu}[\\p{L}-]{1,40}['’]s\\s))" + YEAR
                    + "(?=\\s+(?!(?i:people|persons|residents|troops|soldiers|civilians|homes|houses|families|men|women"
                    + "|children|inhabitants|km|kilomet|miles|metres|meters|tons|tonnes|dollars|euros)\\b)"
                    + "\\p{Ll}[\\p{L}-]+)", TemporalResolver::yearOnly),
            // "on Saturday", "last Saturday", "Saturday night", "overnight into Saturday"
            form("(?i:(?:on|last|this|next|this coming|late on|early on|overnight into|overnight on|overnight)\\s+)?"
                    + "(?:(?i:the\\s+)?(?i:night|morning|evening|afternoon)\\s+of\\s+)?" + WEEKDAY
                    + "(?:'s)?(?i:\\s+(?:night|morning|evening|afternoon))?\\b", TemporalResolver::weekday),
            form("(?i:\\b(?:the\\s+)?day\\s+before\\s+yesterday\\b)", (m, c) -> day(c.published.minusDays(2))),
            form("(?i:\\byesterday(?:\\s+(?:morning|afternoon|evening))?\\b)", (m, c) -> day(c.published.minusDays(1))),
            form("(?i:\\blast\\s+night\\b)", (m, c) -> day(c.published.minusDays(1))),
            form("(?i:\\b(?:earlier\\s+|late\\s+|early\\s+)?(?:today|tonight|this\\s+(?:morning|afternoon|evening))\\b)",
                    (m, c) -> day(c.published)),
            // A night that ended on the publication day, as reports of the morning after describe it.
            form("(?i:\\bovernight\\b)(?!\\s+(?:into|on|to)\\b)", (m, c) -> day(c.published)),
            form("(?i:\\b(?:earlier\\s+|later\\s+)?this\\s+week\\b)", (m, c) ->
                    new Resolved(c.published.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), c.published,
                            DatePrecision.DAY)),
            form("(?i:\\blast\\s+week(?:end)?\\b)", TemporalResolver::lastWeek),
            // "over the weekend": the last Saturday and Sunday up to publication
            form("(?i:\\b(?:over|during|at|on)\\s+the\\s+weekend\\b|\\bthis\\s+(?:past\\s+)?weekend\\b)", (m, c) -> {
                LocalDate saturday = c.published.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
                if (c.future) {
                    saturday = c.published.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
                }
                return new Resolved(saturday, saturday.plusDays(1), DatePrecision.DAY);
            }),
            form("(?i:\\b(?:earlier\\s+|later\\s+)?this\\s+month\\b)", (m, c) -> month(YearMonth.from(c.published))),
            form("(?i:\\blast\\s+month\\b)", (m, c) -> month(YearMonth.from(c.published).minusMonths(1))),
            form("(?i:\\b(?:earlier\\s+|later\\s+)?this\\s+year\\b)", (m, c) -> year(c.published.getYear())),
            form("(?i:\\blast\\s+year\\b)", (m, c) -> year(c.published.getYear() - 1)),
            form("(?i:\\b" + NUMBER_WORD + "\\s+(?<unit>days?|weeks?)\\s+ago\\b)", TemporalResolver::ago));

    private static final Pattern FUTURE = Pattern.compile(
            "(?i)\\b(?:will|shall|is\\s+due|are\\s+due|(?:is|are)\\s+(?:scheduled|set|expected|planned|slated)\\s+to"
                    + "|plans?\\s+to|planning\\s+to|next|upcoming|coming|ahead\\s+of)\\b");
    /** Words after which a date bounds a period instead of dating a happening. */
    private static final Pattern PERIOD_BOUND = Pattern.compile(
            "(?i)\\b(?:since|until|till|ever\\s+since)\\b[^.,;:!?]{0,60}$");
    /** "since March 27, 2023, when a gunman killed six": the bound of a period dates the happening after it. */
    private static final Pattern WHEN_AFTER = Pattern.compile("\\s*,?\\s*when\\b");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]\\s+(?=[A-Z\"“‘'(])");

    /** Time expressions in this text, resolved against the publication time. */
    public List<TimeExpression> find(String text, OffsetDateTime published) {
        if (text == null || text.isEmpty() || published == null) {
            return List.of();
        }
        LocalDate day = published.toLocalDate();
        List<TimeExpression> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Form form : FORMS) {
            if (!form.cues.mayMatch(lower)) {
                continue;
            }
            Matcher m = form.pattern.matcher(text);
            while (m.find()) {
                if (m.end() == m.start() || overlaps(found, m.start(), m.end())) {
                    continue;
                }
                String before = clauseBefore(text, m.start());
                boolean bound = PERIOD_BOUND.matcher(before).find() || beginsWith(text, m.start(), "since", "until");
                if (bound && !WHEN_AFTER.matcher(text).region(m.end(), text.length()).lookingAt()) {
                    continue;
                }
                Resolved r;
                try {
                    r = form.resolve.apply(m, new Context(day, FUTURE.matcher(before).find()));
                } catch (RuntimeException invalidDate) {
                    // "February 30" and the like: not a date we can place, so not one we report.
                    continue;
                }
                if (r != null) {
                    int start = trimStart(text, m.start(), m.end());
                    found.add(new TimeExpression(start, m.end(), text.substring(start, m.end()), r.date, r.dateEnd,
                            r.precision));
                }
            }
        }
        found.sort(Comparator.comparingInt(TimeExpression::start));
        return List.copyOf(found);
    }

    /** The first expression that dates a happening, or null. */
    public TimeExpression first(String text, OffsetDateTime published) {
        List<TimeExpression> all = find(text, published);
        return all.isEmpty() ? null : all.get(0);
    }

    // ---- resolution of each form ----

    private static Resolved monthDayRange(Matcher m, Context c) {
        if (!rangeWordsAgree(m.group())) {
            return null;
        }
        int month = month(m.group("mon"));
        int endMonth = m.group("mon2") != null ? month(m.group("mon2")) : month;
        int d1 = Integer.parseInt(m.group("day"));
        int d2 = Integer.parseInt(m.group("day2"));
        return range(m.group("year"), month, d1, endMonth, d2, c);
    }

    private static Resolved dayMonthRange(Matcher m, Context c) {
        if (!rangeWordsAgree(m.group())) {
            return null;
        }
        int endMonth = month(m.group("mon"));
        int month = m.group("mon2") != null ? month(m.group("mon2")) : endMonth;
        return range(m.group("year"), month, Integer.parseInt(m.group("day")), endMonth,
                Integer.parseInt(m.group("day2")), c);
    }

    /** "X and Y" is a range only after "between"; else it is likely a date followed by a count. */
    private static boolean rangeWordsAgree(String match) {
        String lower = match.toLowerCase(Locale.ROOT);
        return !lower.matches("(?s).*\\band\\b.*") || lower.startsWith("between");
    }

    private static Resolved range(String yearText, int month, int d1, int endMonth, int d2, Context c) {
        if (endMonth == month && d2 <= d1) {
            return null; // "June 7-3" is no range we can read
        }
        LocalDate end;
        LocalDate start;
        if (yearText != null) {
            end = LocalDate.of(Integer.parseInt(yearText), endMonth, d2);
            start = LocalDate.of(end.getYear() - (month > endMonth ? 1 : 0), month, d1);
        } else {
            start = placeInYear(month, d1, c);
            end = LocalDate.of(start.getYear() + (endMonth < month ? 1 : 0), endMonth, d2);
        }
        return new Resolved(start, end, DatePrecision.DAY);
    }

    private static Resolved monthDay(Matcher m, Context c) {
        int month = month(m.group("mon"));
        int d = Integer.parseInt(m.group("day"));
        if (d < 1 || d > 31) {
            return null;
        }
        String year = m.group("year");
        return day(year != null ? LocalDate.of(Integer.parseInt(year), month, d) : placeInYear(month, d, c));
    }

    private static Resolved monthYear(Matcher m, Context c) {
        return month(YearMonth.of(Integer.parseInt(m.group("year")), month(m.group("mon"))));
    }

    private static Resolved monthOnly(Matcher m, Context c) {
        int month = month(m.group("mon"));
        YearMonth current = YearMonth.from(c.published);
        YearMonth ym = YearMonth.of(current.getYear(), month);
        boolean last = m.group().toLowerCase(Locale.ROOT).startsWith("last");
        if (c.future && !last) {
            if (ym.isBefore(current)) {
                ym = ym.plusYears(1);
            }
        } else if (ym.isAfter(current) || (last && !ym.isBefore(current))) {
            ym = ym.minusYears(1);
        }
        return month(ym);
    }

    private static Resolved yearOnly(Matcher m, Context c) {
        return year(Integer.parseInt(m.group("year")));
    }

    private static Resolved weekday(Matcher m, Context c) {
        DayOfWeek wd = DayOfWeek.valueOf(m.group("wd").toUpperCase(Locale.ROOT));
        String lead = m.group().toLowerCase(Locale.ROOT);
        LocalDate d;
        if (lead.startsWith("next") || lead.startsWith("this coming") || (c.future && !lead.startsWith("last"))) {
            d = c.published.with(TemporalAdjusters.nextOrSame(wd));
            if (lead.startsWith("next") && d.equals(c.published)) {
                d = d.plusWeeks(1);
            }
        } else if (lead.startsWith("last")) {
            d = c.published.with(TemporalAdjusters.previous(wd));
        } else {
            d = c.published.with(TemporalAdjusters.previousOrSame(wd));
        }
        return day(d);
    }

    private static Resolved lastWeek(Matcher m, Context c) {
        LocalDate monday = c.published.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        if (m.group().toLowerCase(Locale.ROOT).endsWith("weekend")) {
            LocalDate saturday = monday.plusDays(5);
            return new Resolved(saturday, saturday.plusDays(1), DatePrecision.DAY);
        }
        return new Resolved(monday, monday.plusDays(6), DatePrecision.DAY);
    }

    private static Resolved ago(Matcher m, Context c) {
        int n = NumberWords.parse(m.group("n"));
        if (n <= 0) {
            return null;
        }
        String unit = m.group("unit").toLowerCase(Locale.ROOT);
        return day(unit.startsWith("week") ? c.published.minusWeeks(n) : c.published.minusDays(n));
    }

    // ---- helpers ----

    /** The month/day in the year that puts it on or before publication (or after it, for the future). */
    private static LocalDate placeInYear(int month, int day, Context c) {
        int y = c.published.getYear();
        LocalDate d = dateOrNull(y, month, day);
        if (c.future) {
            if (d == null || d.isBefore(c.published)) {
                d = dateOrNull(y + 1, month, day);
            }
        } else if (d == null || d.isAfter(c.published.plusDays(1))) {
            // A day after publication is kept only when it is tomorrow in the writer's time zone.
            d = dateOrNull(y - 1, month, day);
        }
        if (d == null) {
            throw new IllegalArgumentException("no such day: " + month + "/" + day);
        }
        return d;
    }

    private static LocalDate dateOrNull(int year, int month, int day) {
        return day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth() ? LocalDate.of(year, month, day) : null;
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return switch (n.substring(0, 3)) {
            case "jan" -> 1;
            case "feb" -> 2;
            case "mar" -> 3;
            case "apr" -> 4;
            case "may" -> 5;
            case "jun" -> 6;
            case "jul" -> 7;
            case "aug" -> 8;
            case "sep" -> 9;
            case "oct" -> 10;
            case "nov" -> 11;
            case "dec" -> 12;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Resolved day(LocalDate d) {
        return new Resolved(d, null, DatePrecision.DAY);
    }

    private static Resolved month(YearMonth ym) {
        return new Resolved(ym.atDay(1), null, DatePrecision.MONTH);
    }

    private static Resolved year(int y) {
        return new Resolved(LocalDate.of(y, 1, 1), null, DatePrecision.YEAR);
    }

    private static Form form(String regex, BiFunction<Matcher, Context, Resolved> resolve) {
        // Every form but the bare year holds a word of three letters or more (a month, a weekday,
        // "yesterday", "ago"); a year always holds "19" or "20".
        LiteralCues cues;
        if (regex.contains("(?<mon>")) {
            cues = LiteralCues.ofWords("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
        } else if (regex.contains("(?<year>")) {
            cues = LiteralCues.ofWords("19", "20");
        } else if (regex.contains("(?<wd>")) {
            cues = LiteralCues.ofWords("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
        } else {
            cues = LiteralCues.of(regex);
        }
        return new Form(Pattern.compile(regex), cues, resolve);
    }

    private static boolean overlaps(List<TimeExpression> found, int start, int end) {
        for (TimeExpression t : found) {
            if (start < t.end() && t.start() < end) {
                return true;
            }
        }
        return false;
    }

    /** The text from the start of the sentence the match stands in up to the match. */
    private static String clauseBefore(String text, int at) {
        int from = Math.max(0, at - 300);
        Matcher end = SENTENCE_END.matcher(text).region(from, at);
        int sentenceStart = from;
        while (end.find()) {
            sentenceStart = end.end();
        }
        return text.substring(sentenceStart, at);
    }

    private static boolean beginsWith(String text, int at, String... words) {
        String rest = text.substring(at, Math.min(text.length(), at + 12)).toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (rest.startsWith(w + " ")) {
                return true;
            }
        }
        return false;
    }

    private static int trimStart(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return start;
    }
}
