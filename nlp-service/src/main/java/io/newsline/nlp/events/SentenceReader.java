package io.newsline.nlp.events;

import io.newsline.contracts.model.Mention;
import io.newsline.contracts.model.Place;
import io.newsline.nlp.domain.AnnotatedArticle;
import io.newsline.nlp.domain.NameMention;
import io.newsline.nlp.domain.Sentence;
import io.newsline.nlp.events.AttributionFinder.Name;
import io.newsline.nlp.events.EventLexicon.Trigger;
import io.newsline.nlp.time.TimeExpression;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first stage: reads each sentence of an article for what events are made of (triggers, dates,
 * tolls, places, names), in document order, with the paragraph each sentence stands in.
 */
final class SentenceReader {

    /**
     * "since ...", "despite being captured ...", "after an earlier attack on ..." up to the end of its clause:
     * background, whatever it names (a period's bound, a fact the sentence takes as known, another happening).
     */
    private static final Pattern SINCE_CLAUSE = Pattern.compile("(?i)\\b(?:since|ever\\s+since|despite|in\\s+spite\\s+of"
            // "After an earlier attack on the market, another strike hit ...": the other happening, recalled
            + "|(?:after|following|like|as\\s+in|similar\\s+to)\\s+(?:an?|the)\\s+(?:earlier|previous|prior|similar))\\b"
            + "[^,;:.—–]*");
    /** A period's bound followed by the happening that set it: "since March 2023, when ...". */
    private static final Pattern SINCE_WHEN = Pattern.compile("(?:,?\\s*(?:19|20)\\d\\d)?\\s*,?\\s*when\\b");
    /**
     * "... amid a broader push in the region, where troops captured two villages": the setting of the
     * sentence's own happening, with the relative clauses hanging on it. Background only when the
     * sentence tells a happening outside it ("killed amid shelling" has none, and the shelling is its cause).
     */
    private static final Pattern AMID_CLAUSE = Pattern.compile("(?i)\\b(?:amid|amidst|against\\s+the\\s+backdrop\\s+of)\\b"
            + "[^,;:.—–]*(?:,\\s*(?:where|which|who|whose|when)\\b[^,;:.—–]*)*");
    /** "a threat of landslides", "the risk of floods": a danger named, not a happening. */
    private static final Pattern DANGER_OF = Pattern.compile("(?i)\\b(?:threats?|risks?|dangers?|fears?|warnings?"
            + "|possibility|prospects?|chances?|likelihood|spectre|specter)\\s+of\\s+(?:(?:new|more|further|possible"
            + "|major|severe|heavy|fresh|\\w+(?:s|es))\\s+(?:and\\s+)?){0,3}$");
    /**
     * "a second airstrike", "another explosion", "the second strike": the sentence counts happenings of one
     * kind, so it tells one apart from the first.
     */
    private static final Pattern ORDINAL_BEFORE = Pattern.compile("(?i)\\b(?:(?:a|the)\\s+(?<ord>second|third|fourth|fifth"
            + "|separate|further)|(?<another>another))\\s+(?:[\\w-]+\\s+){0,2}$");
    /** "By Thursday", "as of Monday evening": the time a figure holds at. */
    private static final Pattern COUNTED_BY = Pattern.compile("(?i)\\b(?:by|as\\s+of)\\s*$");
    private static final Pattern SAID_ON = Pattern.compile("(?i)\\b(?:said|says|announced|reported|wrote|posted|stated"
            + "|confirmed|added|claimed|told\\s+(?:\\S+\\s+){1,3}?)\\s*$");

    /** How far before a trigger the words that govern it are looked for. */
    private static final int CONTEXT_CHARS = 40;

    private final EventCues cues;

    SentenceReader(EventCues cues) {
        this.cues = cues;
    }

    /** The article's sentences, read, in document order (title first). */
    List<Reading> read(AnnotatedArticle doc, OffsetDateTime published) {
        List<Sentence> sentences = new ArrayList<>(doc.sentences());
        sentences.sort(Comparator.comparingInt(Sentence::index));
        int[] paragraph = paragraphs(doc, sentences);
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            readings.add(read(doc, sentences.get(i), i, paragraph[i], published));
        }
        return readings;
    }

    private Reading read(AnnotatedArticle doc, Sentence s, int position, int paragraph, OffsetDateTime published) {
        String text = s.text() == null ? "" : s.text();
        boolean[] background = new boolean[text.length()];
        Matcher since = SINCE_CLAUSE.matcher(text);
        while (since.find()) {
            boolean namesHappening = SINCE_WHEN.matcher(text).region(since.end(), text.length()).lookingAt();
            // "The shooting is the deadliest since May 4, 2022, when a gunman killed seven": the earlier happening is
            // what the sentence tells; the ranking before it is not
            int from = namesHappening ? 0 : since.start();
            int to = namesHappening ? since.start() : since.end();
            for (int i = from; i < to; i++) {
                background[i] = true;
            }
        }
        List<Trigger> triggers = new ArrayList<>();
        for (Trigger t : cues.triggers(text)) {
            if (!backgroundAt(background, t.start(), t.end())
                    && !DANGER_OF.matcher(text.substring(Math.max(0, t.start() - CONTEXT_CHARS), t.start())).find()) {
                triggers.add(t);
            }
        }
        triggers = withoutSetting(text, background, triggers);
        TimeExpression when = null;
        boolean anyDate = false;
        // An event has happened by the time it is reported: a later date belongs to a plan or a forecast.
        LocalDate latest = published.toLocalDate();
        int anchor = triggers.isEmpty() ? 0 : strongest(triggers).start();
        for (TimeExpression t : cues.dates(text, published)) {
            anyDate = true;
            if (t.date().isAfter(latest) || backgroundAt(background, t.start(), t.end())) {
                continue;
            }
            if (when == null || Math.abs(t.start() - anchor) < Math.abs(when.start() - anchor)) {
                when = t;
            }
        }
        List<PlaceHit> places = new ArrayList<>();
        if (doc.places() != null) {
            for (Place p : doc.places()) {
                for (Mention m : p.mentions() == null ? List.<Mention>of() : p.mentions()) {
                    if (Objects.equals(m.field(), s.field()) && m.start() >= s.start() && m.end() <= s.end()) {
                        int start = m.start() - s.start();
                        int end = m.end() - s.start();
                        if (start < end && end <= text.length() && !backgroundAt(background, start, end)) {
                            places.add(new PlaceHit(p, start, end));
                        }
                    }
                }
            }
        }
        addUntaggedOccurrences(doc, text, background, places);
        List<Name> names = new ArrayList<>();
        if (doc.mentions() != null) {
            for (NameMention m : doc.mentions()) {
                if (Objects.equals(m.field(), s.field()) && m.start() >= s.start() && m.end() <= s.end()
                        && m.end() - s.start() <= text.length() && m.text() != null) {
                    names.add(new Name(m.text(), m.type(), m.start() - s.start(), m.end() - s.start()));
                }
            }
        }
        boolean reportingDate = when != null && (SAID_ON.matcher(text.substring(0, when.start())).find()
                || countedOn(text, when));
        return Reading.of(s, position, paragraph)
                .triggers(triggers)
                .ordinal(ordinalOf(text, triggers))
                .when(when, anyDate && when == null, reportingDate)
                .counts(cues.counts(text))
                .cues(cues)
                .places(places)
                .names(names)
                .background(background)
                .build();
    }

    /**
     * "The death toll rose to 22 on Wednesday", "By Thursday the toll had climbed to 40": the date is when the dead
     * were counted again, not when the happening was.
     */
    private boolean countedOn(String text, TimeExpression when) {
        int update = cues.tollUpdateEnd(text);
        return update >= 0 && (when.start() >= update || COUNTED_BY.matcher(text.substring(0, when.start())).find());
    }

    /**
     * The recogniser may tag a place in one sentence and miss it in the next ("the capture of
     * Sobolevka"); a place the article names elsewhere is looked for by its written forms too.
     */
    private static void addUntaggedOccurrences(AnnotatedArticle doc, String text, boolean[] background,
                                               List<PlaceHit> places) {
        if (doc.places() == null) {
            return;
        }
        for (Place p : doc.places()) {
            if (p.name() == null || text.indexOf(p.name()) < 0 && (p.matchedText() == null
                    || p.matchedText().stream().noneMatch(f -> f != null && text.contains(f)))) {
                continue; // cheap test first: most places are not in most sentences
            }
            Set<String> forms = new LinkedHashSet<>();
            if (p.matchedText() != null) {
                forms.addAll(p.matchedText());
            }
            if (p.name() != null) {
                forms.add(p.name());
            }
            for (String form : forms) {
                if (form == null || form.length() < 3) {
                    continue;
                }
                Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(form) + "(?![\\p{L}\\p{N}])").matcher(text);
                while (m.find()) {
                    int start = m.start();
                    int end = m.end();
                    boolean taken = places.stream().anyMatch(h -> start < h.end() && h.start() < end);
                    if (!taken && !backgroundAt(background, start, end)) {
                        places.add(new PlaceHit(p, start, end));
                    }
                }
            }
        }
    }

    /** Drops the triggers of an "amid ..." setting, and marks it background, when a trigger stands outside it. */
    private static List<Trigger> withoutSetting(String text, boolean[] background, List<Trigger> triggers) {
        Matcher amid = AMID_CLAUSE.matcher(text);
        List<Trigger> kept = triggers;
        while (amid.find()) {
            int from = amid.start();
            int to = amid.end();
            List<Trigger> outside = kept.stream().filter(t -> t.end() <= from || t.start() >= to).toList();
            if (!outside.isEmpty() && outside.size() < kept.size()) {
                kept = outside;
                for (int i = from; i < to; i++) {
                    background[i] = true;
                }
            }
        }
        return kept;
    }

    /** "second", "another" before the sentence's strongest trigger, or null. */
    private static String ordinalOf(String text, List<Trigger> triggers) {
        if (triggers.isEmpty()) {
            return null;
        }
        Trigger t = strongest(triggers);
        Matcher m = ORDINAL_BEFORE.matcher(text.substring(Math.max(0, t.start() - CONTEXT_CHARS), t.start()));
        if (!m.find()) {
            return null;
        }
        return m.group("ord") != null ? m.group("ord").toLowerCase(Locale.ROOT) : "another";
    }

    private static Trigger strongest(List<Trigger> triggers) {
        Trigger best = triggers.get(0);
        for (Trigger t : triggers) {
            if (t.weight() > best.weight()) {
                best = t;
            }
        }
        return best;
    }

    private static boolean backgroundAt(boolean[] background, int start, int end) {
        for (int i = Math.max(0, start); i < Math.min(end, background.length); i++) {
            if (background[i]) {
                return true;
            }
        }
        return false;
    }

    /** Paragraph number of each sentence: a line break between two body sentences starts a new one. */
    private static int[] paragraphs(AnnotatedArticle doc, List<Sentence> sentences) {
        int[] p = new int[sentences.size()];
        String body = doc.article() == null || doc.article().body() == null ? "" : doc.article().body();
        int current = 0;
        int prevEnd = -1;
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            if (Mention.TITLE.equals(s.field())) {
                p[i] = -1 - i;
                continue;
            }
            if (prevEnd >= 0 && s.start() > prevEnd && s.start() <= body.length()
                    && body.substring(prevEnd, s.start()).indexOf('\n') >= 0) {
                current++;
            }
            p[i] = current;
            prevEnd = Math.max(prevEnd, Math.min(s.end(), body.length()));
        }
        return p;
    }

    /** Publication time, else receipt time, else now: relative dates are resolved against it. */
    static OffsetDateTime publishedOf(AnnotatedArticle doc) {
        if (doc.published() != null) {
            return doc.published();
        }
        if (doc.article() != null) {
            for (String s : new String[] {doc.article().publishedAt(), doc.article().receivedAt()}) {
                if (s == null) {
                    continue;
                }
                try {
                    return OffsetDateTime.parse(s);
                } catch (DateTimeParseException notDateTime) {
                    try {
                        return LocalDate.parse(s.substring(0, Math.min(10, s.length()))).atStartOfDay()
                                .atOffset(ZoneOffset.UTC);
                    } catch (DateTimeParseException notDate) {
                        // try the next field
                    }
                }
            }
        }
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
