package io.newsline.nlp.events;

import io.newsline.contracts.model.Attribution;
import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.Entity;
import io.newsline.contracts.model.EntityType;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.Mention;
import io.newsline.contracts.model.Place;
import io.newsline.nlp.domain.AnnotatedArticle;
import io.newsline.nlp.domain.NameMention;
import io.newsline.nlp.domain.Sentence;
import io.newsline.nlp.events.AttributionFinder.Name;
import io.newsline.nlp.events.CasualtyParser.Casualties;
import io.newsline.nlp.events.EventLexicon.Trigger;
import io.newsline.nlp.time.TemporalResolver;
import io.newsline.nlp.time.TimeExpression;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the happenings an article reports (strikes, captures, protests, disasters, ...) as events.
 *
 * <p>A sentence reports a happening when it names one (a trigger from {@link EventLexicon}) and
 * reads as an account of it: a verb of action, a date, or a toll — not a habit ("for months"), a
 * possibility ("could"), or background ("since the war began"). Follow-up sentences ("The attack
 * killed seven") join the event they continue, and sentences of the same article that describe
 * the same happening (same kind, place and date) become one event.
 */
public final class EventExtractor {

    private static final Pattern ACTION = Pattern.compile("(?i)\\b(?:launch(?:ed|es)?|fired|fires|struck|strikes|hit|hits"
            + "|targeted|targets|attacked|attacks|pounded|shelled|bombed|killed|kills|killing|injured|wounded|wounding"
            + "|injuring|died|die|captured|captures|took|taken|seized|liberated|destroyed|damaged|damaging|exploded"
            + "|erupted|flooded|collapsed|crashed|protested|marched|rallied|gathered|met|meets|signed|arrested"
            + "|detained|evacuated|fled|displaced|unleashed|repelled|repulsed|stormed|conducted|carried\\s+out|downed"
            + "|intercepted|shot|announced|delivered|pledged|approved|sent|visited|hosted|held|broke\\s+out|swept"
            + "|ravaged|rocked|tore\\s+through|occurred|took\\s+place|happened|came\\s+under|opened\\s+fire|advanced"
            + "|entered|withdrew|retreated|fell|falls|voted|won|elected|resigned|resulted|caused|burned|burnt|sank"
            + "|derailed|kidnapped|murdered|stabbed|claimed|blew\\s+up|deployed|suffered|lost|destroying|leaving"
            + "|left|reported|recorded|hitting|striking|targeting|causing|clashed|fought|raided|besieged|surrounded"
            + "|encircled|overran|overrun|pushed|broke\\s+through|ambushed|executed|buried|flattened|inundated"
            + "|submerged|triggered|trapped|shook|shaken|ripped|tore|engulfed|spread|made\\s+landfall|uprooted"
            + "|washed\\s+away|knocked\\s+out|disrupted|raged|looted|torched|set\\s+fire|stabbed|abducted"
            + "|dropped|dispersed|gathered|demanded|chanted|blocked)\\b");
    private static final Pattern HYPOTHETICAL = Pattern.compile("(?i)\\b(?:would|could(?!\\s+not\\s+be)|might|will|shall"
            + "|if|unless|threat\\w*|potential(?:ly)?|possible|possibility|risk\\s+of|aim(?:s|ed|ing)?\\s+(?:to|at)"
            + "|seek(?:s|ing)?\\s+to|sought\\s+to|intend\\w*\\s+to|designed\\s+to|plan(?:s|ned|ning)?\\s+to"
            + "|prepar\\w+\\s+(?:to|for)|in\\s+order\\s+to|capable\\s+of|ability\\s+to|likely|expected\\s+to"
            + "|warn(?:ed|s|ing)?|fear(?:s|ed)?|vulnerab\\w+|in\\s+the\\s+coming|future|should|must|need(?:s|ed)?\\s+to"
            + "|call(?:s|ed)?\\s+for|urg(?:ed|es|ing)|condemn\\w*|(?-i:may))\\b");
    private static final Pattern HABITUAL = Pattern.compile("(?i)\\b(?:for\\s+(?:months|weeks|years|decades)"
            + "|(?:months|years|weeks)\\s+of|repeatedly|regularly|routinely|constantly|frequently|often|daily"
            + "|every\\s+(?:day|night|week)|almost\\s+every|recurring|typically|usually|historically|(?:has|have|had)\\s+long"
            + "|long\\s+been|continues?\\s+to|continued\\s+to|continuing|throughout\\s+the\\s+war|over\\s+the\\s+past"
            + "|in\\s+recent\\s+(?:days|weeks|months|years)|so\\s+far\\s+this\\s+year|known\\s+for|a\\s+favou?red\\s+target"
            + "|remains?|remained|as\\s+the\\s+(?:war|conflict)|amid|previous|earlier\\s+reports|in\\s+the\\s+past)\\b");
    /** "since ..." up to the end of its clause: background, whatever it names. */
    private static final Pattern SINCE_CLAUSE = Pattern.compile("(?i)\\b(?:since|ever\\s+since)\\b[^,;:.—–]*");
    private static final Pattern ANAPHOR = Pattern.compile(
            "^\\s*(?:The|This|That|These|Those|It|Its|They|Their|Such|Both)\\b");
    /** "Russian strikes", "Israeli air raids": a nation's strikes are military ones. */
    private static final Pattern NATION_BEFORE = Pattern.compile("\\b[A-Z][a-z]+(?:ian|ean|ish|ese|i|an|ch|ic)(?:-led)?\\s+$");
    private static final Pattern MILITARY = Pattern.compile(
            "(?i)\\b(?:forces|troops|army|soldiers|military|units|brigades?|battalions?|militants|fighters|rebels)\\b");
    private static final Pattern ACTOR = Pattern.compile("\\b((?:the\\s+)?(?:[A-Z][a-z]+(?:ian|ean|ish|ese|ni|i|an|ch|ic))"
            + "\\s+(?:armed\\s+forces|forces|troops|army|military|soldiers|militants|fighters|rebels|police|navy"
            + "|air\\s+force|aircraft|warplanes|artillery|units|paratroopers|marines|national\\s+guard|border\\s+guards"
            + "|drones|jets|security\\s+forces|militia|militias))\\b");
    private static final Pattern ACTOR_VERB = Pattern.compile("^\\s+(?:has\\s+|have\\s+|had\\s+|again\\s+|also\\s+)?"
            + "(?:launched|fired|struck|attacked|shelled|bombed|hit|targeted|captured|seized|unleashed|deployed|launches"
            + "|fires|strikes|attacks|hits|targets|captures)\\b");
    private static final Pattern TARGET_BEFORE = Pattern.compile("(?i)(?:against|on|at|targeting|targeted|with|by|from)\\s+$");
    private static final Pattern DOUBT_FOLLOW_UP = Pattern.compile("(?i)^\\s*(?:This|That|The|Such|These)\\s+(?:\\w+\\s+)?"
            + "(?:claims?|assertions?|reports?|figures?|information|accounts?|numbers?|statements?|allegations?)\\b");
    private static final Pattern DOUBT = Pattern.compile("(?i)\\b(?:unverified|unconfirmed|skeptic\\w*|sceptic\\w*|questions?"
            + "|not\\s+(?:been\\s+)?(?:independently\\s+)?(?:confirmed|verified)|disputed|denied|could\\s+not\\s+be"
            + "|if\\s+accurate|propagand\\w*|accuracy)\\b");
    private static final Pattern PLACE_BEFORE_GOOD = Pattern.compile("(?i)(?:\\b(?:in|on|at|near|outside|into|over|toward|towards"
            + "|across|around|hit|struck|targeted|targeting|attacked|shelled|bombed|pounded|of|to)\\s+(?:the\\s+)?"
            + "(?:[\\w’'-]+\\s+){0,3}?(?:(?:city|town|village|settlement|region|oblast|province|district|area)\\s+of\\s+)?)$");
    private static final Pattern PLACE_BEFORE_CAPTURE = Pattern.compile("(?i)(?:captured|capture\\s+of|control\\s+of|taken"
            + "|took|seized|seizure\\s+of|liberated|liberation\\s+of|recaptured|retook|fall\\s+of|withdrew\\s+from"
            + "|entered)\\s+(?:the\\s+)?(?:(?:village|town|city|settlement)\\s+of\\s+)?$");
    private static final Pattern PLACE_BEFORE_ORIGIN = Pattern.compile("(?i)\\b(?:from|using|by|with)\\s+(?:the\\s+)?$");
    private static final Pattern PLACE_AFTER_ROLE = Pattern.compile("(?i)^['’]?s?\\s*(?:regional\\s+|city\\s+|military\\s+)?"
            + "(?:governor|mayor|administration|authorities|officials?|police|president|minister|ministry|head|council"
            + "|government|leader|spokes\\w+|military\\s+administration|prosecutor\\w*)\\b");
    private static final Pattern STORM_NAME_BEFORE = Pattern.compile(
            "(?i)\\b(?:hurricane|typhoon|cyclone|storm|tropical\\s+storm|tropical\\s+depression)\\s+$");
    private static final Pattern RELATIVE_TO = Pattern.compile("(?i)\\b(?:kilometers|kilometres|km|miles)\\s+(?:\\w+\\s+){0,2}"
            + "(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east"
            + "|south-west)(?:ern)?\\s+of\\s+(?:the\\s+)?(?:city\\s+of\\s+)?$");
    private static final Pattern EVENT_ANAPHOR = Pattern.compile("(?i)^\\s*(?:The|This|That|These|Those|Such|Its|Their)"
            + "\\s+(?:[\\w-]+\\s+){0,3}?(?:attacks?|assaults?|strikes?|barrage|raids?|bombardment|shelling|explosions?|blasts?"
            + "|operation|offensive|onslaught|salvo|bombing|incident|quake|earthquake|flood(?:ing)?|fire|blaze|storm"
            + "|protests?|rall(?:y|ies)|clashes|violence)\\b");
    /**
     * A definite description of one happening at the start of a clause ("According to the mayor, the
     * attack on ..."): the sentence talks about a happening the article already told. Not after "after",
     * "since" and the like, which point at another one, nor with a superlative ("the deadliest attack").
     */
    private static final Pattern DEFINITE_BACK = Pattern.compile("(?i)(?:^|[,;:—–]\\s*)(?:the|this|that)\\s+"
            + "(?!(?:[\\w-]+\\s+){0,2}?(?:(?!latest)[a-z]+est|first|second|third|last|next|previous|earlier|new|another)\\b)"
            + "(?:[\\w-]+\\s+){0,3}?(?:attack|strike|air\\s+strike|airstrike|shelling|blast|explosion|bombing|raid|barrage"
            + "|bombardment)\\b(?!\\s+(?:was|were)\\s+(?:the|a)\\s+(?:[a-z]+est|first)\\b)");
    private static final Pattern DEMONYM_AFTER = Pattern.compile("^\\s*(?:forces|troops|army|military|soldiers|president|government)");

    private final TemporalResolver temporal = new TemporalResolver();
    private final CasualtyParser casualtyParser = new CasualtyParser();
    private final AttributionFinder attributionFinder = new AttributionFinder();

    public List<Event> extract(AnnotatedArticle doc) {
        if (doc == null || doc.sentences() == null || doc.sentences().isEmpty()) {
            return List.of();
        }
        OffsetDateTime published = publishedOf(doc);
        List<Sentence> sentences = new ArrayList<>(doc.sentences());
        sentences.sort(Comparator.comparingInt(Sentence::index));
        int[] paragraph = paragraphs(doc, sentences);
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            readings.add(read(doc, sentences.get(i), i, paragraph[i], published));
        }
        Place main = mainPlace(doc, readings);
        List<Draft> drafts = new ArrayList<>();
        Draft last = null;
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            EventType type = typeOf(r, readings, i);
            if (type == null || !reportsHappening(r, type)) {
                continue;
            }
            TimeExpression when = r.when != null ? r.when : carriedDate(readings, i, drafts, type);
            LocalDate date = when != null ? when.date() : published.toLocalDate();
            Place where = bestPlace(r, type);
            Draft referent = r.when == null || r.reportingDate ? referredBack(r, type, drafts, where) : null;
            if (referent != null) {
                referent.absorb(r, type, this);
                referent.refineSubtype(r, type);
                last = referent;
                continue;
            }
            if (last != null && continues(r, type, last, i, when, where)) {
                last.absorb(r, type, this);
                if (where != null && last.place != null && moreSpecific(where, last.place)) {
                    last.place = where;
                }
                continue;
            }
            if (type == EventType.CASUALTY_REPORT && (r.when == null || r.reportingDate)) {
                // "The vice president said on Tuesday that 3,419 people had been killed": a toll of the
                // happening the article already told, not a happening of its own.
                Draft told = firstViolent(drafts, where);
                if (told != null) {
                    told.absorb(r, type, this);
                    continue;
                }
            }
            Draft d = new Draft(r, type, when, date, where != null ? where : main, where != null);
            d.attribution = attributionFinder.find(r.text, r.names);
            d.hedged = d.attribution.hedged() || doubtedLater(readings, i);
            drafts.add(d);
            last = d;
        }
        List<Draft> merged = merge(drafts);
        String articleKey = doc.article() == null ? "" : Objects.toString(doc.article().id(),
                Objects.toString(doc.article().title(), ""));
        List<Event> events = new ArrayList<>();
        for (Draft d : merged) {
            events.add(d.toEvent(articleKey, doc));
        }
        return List.copyOf(events);
    }

    // ---- reading one sentence ----

    /** What one sentence says, as far as events go. Offsets are relative to the sentence. */
    static final class Reading {
        final Sentence sentence;
        final int position;
        final int paragraph;
        final String text;
        final boolean title;
        final List<Trigger> triggers;
        final TimeExpression when;
        final boolean onlyFuture;
        /** The date says when something was said ("the governor said on Tuesday"), not when it happened. */
        final boolean reportingDate;
        final Casualties counts;
        final List<PlaceHit> places;
        final List<Name> names;
        final boolean[] background;

        Reading(Sentence sentence, int position, int paragraph, String text, List<Trigger> triggers,
                TimeExpression when, boolean onlyFuture, boolean reportingDate, Casualties counts, List<PlaceHit> places,
                List<Name> names, boolean[] background) {
            this.sentence = sentence;
            this.position = position;
            this.paragraph = paragraph;
            this.text = text;
            this.title = Mention.TITLE.equals(sentence.field());
            this.triggers = triggers;
            this.when = when;
            this.onlyFuture = onlyFuture;
            this.reportingDate = reportingDate;
            this.counts = counts;
            this.places = places;
            this.names = names;
            this.background = background;
        }

        Trigger best() {
            Trigger best = null;
            for (Trigger t : triggers) {
                if (best == null || t.weight() > best.weight()) {
                    best = t;
                }
            }
            return best;
        }

        boolean inBackground(int start, int end) {
            for (int i = Math.max(0, start); i < Math.min(end, background.length); i++) {
                if (background[i]) {
                    return true;
                }
            }
            return false;
        }
    }

    record PlaceHit(Place place, int start, int end) {}

    private Reading read(AnnotatedArticle doc, Sentence s, int position, int paragraph, OffsetDateTime published) {
        String text = s.text() == null ? "" : s.text();
        boolean[] background = new boolean[text.length()];
        Matcher since = SINCE_CLAUSE.matcher(text);
        while (since.find()) {
            for (int i = since.start(); i < since.end(); i++) {
                background[i] = true;
            }
        }
        List<Trigger> triggers = new ArrayList<>();
        for (Trigger t : EventLexicon.find(text)) {
            if (!backgroundAt(background, t.start(), t.end())) {
                triggers.add(t);
            }
        }
        TimeExpression when = null;
        boolean anyDate = false;
        // An event has happened by the time it is reported: a later date belongs to a plan or a forecast.
        LocalDate latest = published.toLocalDate();
        int anchor = triggers.isEmpty() ? 0 : bestOf(triggers).start();
        for (TimeExpression t : temporal.find(text, published)) {
            anyDate = true;
            if (t.date().isAfter(latest) || backgroundAt(background, t.start(), t.end())) {
                continue;
            }
            if (when == null || Math.abs(t.start() - anchor) < Math.abs(when.start() - anchor)) {
                when = t;
            }
        }
        Casualties counts = casualtyParser.parse(text);
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
        boolean reportingDate = when != null && SAID_ON.matcher(text.substring(0, when.start())).find();
        return new Reading(s, position, paragraph, text, triggers, when, anyDate && when == null, reportingDate, counts,
                places, names, background);
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

    private static Trigger bestOf(List<Trigger> triggers) {
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

    /** The kind of happening a sentence reports, or null when it names none. */
    private EventType typeOf(Reading r, List<Reading> all, int i) {
        Trigger best = r.best();
        if (best == null) {
            return r.counts.any() ? EventType.CASUALTY_REPORT : null;
        }
        if (best.type() == EventType.CASUALTY_REPORT) {
            return r.counts.any() ? EventType.CASUALTY_REPORT : null;
        }
        if (!best.generic()) {
            return best.type();
        }
        // "The strike", "targeted", "attack": the weapon the text names nearby says which kind.
        Trigger weapon = contextWeapon(all, i);
        if (weapon != null) {
            return weapon.type();
        }
        String word = r.text.substring(best.start(), best.end()).toLowerCase(Locale.ROOT);
        if (word.startsWith("attack") && MILITARY.matcher(r.text).find()) {
            return EventType.GROUND_ASSAULT;
        }
        boolean byNation = NATION_BEFORE.matcher(r.text.substring(Math.max(0, best.start() - 25), best.start())).find();
        if (!word.startsWith("attack") && (MILITARY.matcher(r.text).find() || r.when != null && r.counts.any()
                || byNation && !word.startsWith("hit") && (r.when != null || !r.places.isEmpty()))) {
            // "Russian strikes hit the port": a strike whose weapon the text does not name.
            return EventType.MISSILE_STRIKE;
        }
        if (word.startsWith("attack") && r.counts.any()) {
            return EventType.ATTACK_ON_CIVILIANS;
        }
        return r.counts.any() ? EventType.CASUALTY_REPORT : null;
    }

    /** A weapon named in the sentence, else in the few before it (title included), else in the two after. */
    private static Trigger contextWeapon(List<Reading> all, int i) {
        for (int j = i; j >= Math.max(0, i - 6); j--) {
            Trigger w = weaponOf(all.get(j));
            if (w != null) {
                return w;
            }
        }
        if (i > 6 && all.get(0).title) {
            Trigger w = weaponOf(all.get(0));
            if (w != null) {
                return w;
            }
        }
        for (int j = i + 1; j <= Math.min(all.size() - 1, i + 2); j++) {
            Trigger w = weaponOf(all.get(j));
            if (w != null) {
                return w;
            }
        }
        return null;
    }

    private static Trigger weaponOf(Reading r) {
        Trigger best = null;
        for (Trigger t : r.triggers) {
            if (EventLexicon.isWeapon(t.type()) && (best == null || t.weight() > best.weight())) {
                best = t;
            }
        }
        return best;
    }

    /** Whether the sentence tells of something that happened, rather than a habit, a plan or a fear. */
    private static boolean reportsHappening(Reading r, EventType type) {
        if (r.onlyFuture) {
            return false;
        }
        Trigger best = r.best();
        boolean hasDate = r.when != null;
        boolean hasCounts = r.counts.any();
        if (WAR_AS_A_WHOLE.matcher(r.text).find()) {
            return false;
        }
        if (hasCounts) {
            return true;
        }
        if (hasDate) {
            return best == null || !modalNear(r.text, best);
        }
        String foreground = foreground(r);
        if (hasPeriodBound(r)) {
            return false; // "Since the 2021 coup, the military has carried out 600 air strikes"
        }
        String clause = best == null ? foreground : clauseAround(foreground, best);
        // A modal after the trigger's clause is about what follows ("..., in a move that may open the road"),
        // one before it or in it governs the happening ("Russian forces may have sought to ...").
        String upToClause = best == null ? foreground : foreground.substring(0, best.end() + clauseEndOffset(clause, best, foreground));
        if (HYPOTHETICAL.matcher(upToClause).find() || HABITUAL.matcher(clause).find()
                || CONDITIONAL_START.matcher(foreground).find()) {
            return false;
        }
        // A generic word ("attack") that got its type from a weapon or an army nearby reads as firmly as a weapon.
        if (best != null && !best.generic() && best.weight() < 0.6 && !r.title) {
            return false;
        }
        return r.title || ACTION.matcher(foreground).find();
    }

    private static final Pattern MODAL = Pattern.compile("(?i)\\b(?:could|would|might|will|should|must|can|(?-i:may)"
            + "|expected\\s+to|scheduled\\s+to|due\\s+to|set\\s+to|plans?\\s+to|planned\\s+to|likely\\s+to)\\b");
    private static final Pattern SAID_ON = Pattern.compile("(?i)\\b(?:said|says|announced|reported|wrote|posted|stated"
            + "|confirmed|added|claimed|told\\s+(?:\\S+\\s+){1,3}?)\\s*$");

    private static boolean hasPeriodBound(Reading r) {
        for (boolean b : r.background) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    /** A modal verb within a few words of the trigger: "the offensive could come to a halt". */
    private static boolean modalNear(String text, Trigger t) {
        int from = Math.max(0, t.start() - 40);
        int to = Math.min(text.length(), t.end() + 40);
        Matcher m = MODAL.matcher(text.substring(from, to));
        while (m.find()) {
            String between = m.start() + from < t.start() ? text.substring(m.end() + from, t.start())
                    : text.substring(t.end(), m.start() + from);
            if (between.trim().split("\\s+").length <= 5 && !between.matches("(?s).*[,;:].*")) {
                return true;
            }
        }
        return false;
    }

    /** "The war, which began in April 2023, has killed tens of thousands": the whole war, not a happening in it. */
    private static final Pattern WAR_AS_A_WHOLE = Pattern.compile("(?i)\\b(?:war|conflict|invasion|insurgency|civil\\s+war"
            + "|uprising|crisis)\\b[^.;]{0,80}\\b(?:has|have)\\s+(?:so\\s+far\\s+|now\\s+|already\\s+)?(?:killed|displaced|left"
            + "|forced|claimed|destroyed|uprooted|cost)\\b|\\b(?:war|conflict|invasion)\\s+(?:that\\s+|which\\s+)?"
            + "(?:began|started|broke\\s+out|erupted)\\b");
    private static final Pattern CONDITIONAL_START = Pattern.compile("(?i)^\\s*(?:if|unless|should|once|when)\\b");

    /**
     * The clause the trigger stands in: "After weeks of heavy fighting, Russian forces have taken
     * the city" is an account of a capture, whatever the first clause says about the weeks before.
     */
    private static String clauseAround(String text, Trigger t) {
        int from = t.start();
        while (from > 0 && !clauseBreak(text, from - 1)) {
            from--;
        }
        int to = t.end();
        while (to < text.length() && !clauseBreak(text, to)) {
            to++;
        }
        return text.substring(from, to);
    }

    /** How far past the trigger's end its clause runs. */
    private static int clauseEndOffset(String clause, Trigger t, String text) {
        int to = t.end();
        while (to < text.length() && !clauseBreak(text, to)) {
            to++;
        }
        return to - t.end();
    }

    private static boolean clauseBreak(String text, int i) {
        char c = text.charAt(i);
        if (c == ',') {
            // "14,000" is one number, not two clauses
            return !(i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
                    && Character.isDigit(text.charAt(i + 1)));
        }
        return c == ';' || c == ':' || c == '—' || c == '–' || c == '(' || c == ')';
    }

    private static String foreground(Reading r) {
        StringBuilder b = new StringBuilder(r.text.length());
        for (int i = 0; i < r.text.length(); i++) {
            b.append(r.background[i] ? ' ' : r.text.charAt(i));
        }
        return b.toString();
    }

    // ---- dates, places, continuation ----

    /** The date of the nearest earlier sentence of the paragraph, when this one continues its story. */
    private static TimeExpression carriedDate(List<Reading> all, int i, List<Draft> drafts, EventType type) {
        Reading r = all.get(i);
        if (r.title) {
            return null;
        }
        for (int j = i - 1; j >= 0; j--) {
            Reading prev = all.get(j);
            if (prev.paragraph != r.paragraph) {
                return null;
            }
            if (prev.when != null) {
                // The earlier sentence sets the scene ("Heavy rain fell on March 12. Floods then ...") or
                // tells the same kind of happening; one about another kind of happening keeps its date.
                boolean sameStory = ANAPHOR.matcher(r.text).find();
                boolean otherStory = false;
                for (Draft d : drafts) {
                    if (d.positions.contains(j)) {
                        sameStory |= family(d.type).equals(family(type));
                        otherStory |= !family(d.type).equals(family(type));
                    }
                }
                return sameStory || !otherStory ? prev.when : null;
            }
        }
        return null;
    }

    /**
     * The place the sentence names that best fits the happening: a settlement over a region over a
     * country, the object of a capture or the target of a strike over a launch site or an
     * official's title ("Kharkiv Mayor").
     */
    private static Place bestPlace(Reading r, EventType type) {
        PlaceHit best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        Trigger trigger = r.best();
        for (PlaceHit h : r.places) {
            double score = level(h.place);
            String before = r.text.substring(Math.max(0, h.start - 60), h.start);
            String after = r.text.substring(h.end);
            if (PLACE_BEFORE_CAPTURE.matcher(before).find()) {
                score += type == EventType.TERRITORY_CAPTURE ? 3.0 : 1.5;
            } else if (PLACE_BEFORE_ORIGIN.matcher(before).find()) {
                score -= 3.0;
            } else if (PLACE_BEFORE_GOOD.matcher(before).find()) {
                score += 1.0;
            }
            if (STORM_NAME_BEFORE.matcher(before).find()) {
                score -= 5.0; // "Hurricane Milton" names a storm, not a town
            }
            if (RELATIVE_TO.matcher(before).find()) {
                score -= 3.0; // "150 kilometers north of Kharkiv" names a landmark, not the scene
            }
            if (PLACE_AFTER_ROLE.matcher(after).find() || DEMONYM_AFTER.matcher(after).find()) {
                score -= 2.5;
            }
            if (h.place.lat() != null) {
                score += 0.3;
            }
            if (trigger != null) {
                score -= Math.min(1.0, Math.abs(h.start - trigger.start()) / 200.0);
                String between = r.text.substring(Math.min(h.start, trigger.start()), Math.max(h.start, trigger.start()));
                if (between.indexOf(';') >= 0) {
                    score -= 2.5; // another sentence in all but name: "...at Ukraine; Sievierodonetsk falls"
                } else if (between.matches("(?s).*(?:[,:—–]|\\(|\\)).*")) {
                    score -= 1.5;
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = h;
            }
        }
        // A country named without "in"/"at" is more often an actor ("Russia launched") than the scene.
        return best != null && bestScore >= 1.5 ? best.place : null;
    }

    /** 3 for a settlement or a place too small to be in the gazetteer, 2 for a region, 1 for a country. */
    private static double level(Place p) {
        String code = p.featureCode() == null ? "" : p.featureCode().toUpperCase(Locale.ROOT);
        if (code.startsWith("PCL") || Place.COUNTRY.equals(p.precision())) {
            return 1.0;
        }
        if (code.startsWith("ADM") || code.equals("RGN") || code.equals("AREA") || Place.REGION.equals(p.precision())) {
            return 2.0;
        }
        return 3.0;
    }

    /**
     * The article's main place, where an event whose sentence names none is put: the place the
     * headline is about, else the place named most often.
     */
    private static Place mainPlace(AnnotatedArticle doc, List<Reading> readings) {
        if (doc.places() == null) {
            return null;
        }
        for (Reading r : readings) {
            if (r.title) {
                Place headline = bestPlace(r, typeOfTitle(r));
                if (headline != null && headline.lat() != null) {
                    return headline;
                }
            }
        }
        Place best = null;
        double bestScore = 0;
        for (Place p : doc.places()) {
            if (p.lat() == null || p.mentions() == null) {
                continue;
            }
            double score = 0;
            for (Mention m : p.mentions()) {
                score += Mention.TITLE.equals(m.field()) ? 3.0 : 1.0;
            }
            score += level(p) * 0.5;
            if (score > bestScore) {
                bestScore = score;
                best = p;
            }
        }
        return best;
    }

    private static EventType typeOfTitle(Reading r) {
        Trigger best = r.best();
        return best == null ? EventType.OTHER : best.type();
    }

    /** Whether a sentence goes on about the event just read ("The attack killed seven ..."). */
    private static boolean continues(Reading r, EventType type, Draft last, int i, TimeExpression when, Place where) {
        if (r.title || last.title || i - last.lastPosition > 3) {
            return false;
        }
        boolean anaphoric = ANAPHOR.matcher(r.text).find();
        Trigger best = r.best();
        boolean weak = type == EventType.CASUALTY_REPORT || best == null || best.generic();
        // "A jet dropped bombs on Pazigyi village": the next sentence names the village of the region just told.
        boolean refining = family(type).equals(family(last.type)) && when == null && i - last.lastPosition <= 2
                && where != null && last.place != null && refines(where, last.place);
        if (!(anaphoric || weak && r.paragraph == last.lastParagraph || refining)) {
            return false;
        }
        boolean refersBack = EVENT_ANAPHOR.matcher(r.text).find();
        if (!family(type).equals(family(last.type)) && type != EventType.CASUALTY_REPORT && !weak && !refersBack) {
            return false;
        }
        if (when != null && !when.date().equals(last.date)) {
            return false;
        }
        return where == null || last.place == null || samePlace(where, last.place) || refining
                || anaphoric && (where.lat() == null || sameCountry(where, last.place) && !bothSettlements(where, last.place)
                        || near(where, last.place, 20));
    }

    /**
     * The earlier event a sentence without a date of its own refers back to with a definite description
     * ("the attack on the Saltivskyi district was carried out with glide bombs"): the latest one of the
     * same kind whose place holds the sentence's place. A district or an unknown name does not make a new
     * happening; another town does.
     */
    private static Draft referredBack(Reading r, EventType type, List<Draft> drafts, Place where) {
        if (r.title || !DEFINITE_BACK.matcher(r.text).find()) {
            return null;
        }
        Trigger best = r.best();
        boolean weak = type == EventType.CASUALTY_REPORT || best == null || best.generic();
        for (int k = drafts.size() - 1; k >= 0; k--) {
            Draft d = drafts.get(k);
            if (d.title || !(family(d.type).equals(family(type)) || weak && violent(d.type))) {
                continue;
            }
            if (where == null || d.place == null || samePlace(where, d.place) || partOf(where, d.place)) {
                return d;
            }
        }
        return null;
    }

    /** A place within another: unresolved, placed near it, a spot within a few km, a town of its region. */
    private static boolean partOf(Place inner, Place outer) {
        if (inner.lat() == null) {
            return true;
        }
        if (near(inner, outer, 10)) {
            return level(inner) >= level(outer);
        }
        return level(outer) < 3 && level(inner) > level(outer) && sameCountry(inner, outer);
    }

    /** A place inside the one an event has so far: a village of its region, a spot within a few km. */
    private static boolean refines(Place inner, Place outer) {
        return level(inner) > level(outer) && (inner.lat() == null || sameCountry(inner, outer)) || near(inner, outer, 10);
    }

    private static boolean bothSettlements(Place a, Place b) {
        return level(a) == 3 && level(b) == 3;
    }

    private static boolean near(Place a, Place b, double km) {
        if (a.lat() == null || a.lon() == null || b.lat() == null || b.lon() == null) {
            return false;
        }
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a.lat()))
                * Math.cos(Math.toRadians(b.lat())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * 6371 * Math.asin(Math.sqrt(Math.min(1, h))) <= km;
    }

    /** The first violent happening the article told at a compatible place: the one a later toll is about. */
    private static Draft firstViolent(List<Draft> drafts, Place where) {
        for (Draft d : drafts) {
            if (!d.title && violent(d.type) && d.type != EventType.CASUALTY_REPORT
                    && (where == null || d.place == null || samePlace(where, d.place) || sameCountry(where, d.place))) {
                return d;
            }
        }
        return null;
    }

    private static boolean sameCountry(Place a, Place b) {
        return a.countryCode() != null && a.countryCode().equals(b.countryCode());
    }

    private static boolean moreSpecific(Place a, Place b) {
        return level(a) > level(b) && a.lat() != null && sameCountry(a, b);
    }

    /** Whether {@code a} is a country or region that may contain {@code b} ("eastern Ukraine" for Kharkiv). */
    private static boolean broader(Place a, Place b) {
        return level(a) < level(b) && a.countryCode() != null && a.countryCode().equals(b.countryCode());
    }

    private static boolean samePlace(Place a, Place b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a.geonameId() != null && b.geonameId() != null) {
            return a.geonameId().equals(b.geonameId());
        }
        return a.name() != null && a.name().equalsIgnoreCase(b.name());
    }

    /** Whether one of the next two sentences casts doubt on this one ("This claim remains unverified"). */
    private static boolean doubtedLater(List<Reading> all, int i) {
        for (int j = i + 1; j <= Math.min(all.size() - 1, i + 2); j++) {
            String t = all.get(j).text;
            if (DOUBT_FOLLOW_UP.matcher(t).find() && DOUBT.matcher(t).find()) {
                return true;
            }
        }
        return false;
    }

    /** Groups of event types that describe the same kind of happening when place and date agree. */
    static String family(EventType type) {
        return switch (type) {
            case MISSILE_STRIKE, DRONE_STRIKE, AIR_STRIKE, SHELLING, EXPLOSION -> "strike";
            case PROTEST, RIOT -> "unrest";
            default -> type.name();
        };
    }

    private static boolean violent(EventType type) {
        return switch (family(type)) {
            case "strike", "GROUND_ASSAULT", "ATTACK_ON_CIVILIANS", "DISASTER", "unrest", "CRIME", "TERRITORY_CAPTURE" -> true;
            default -> false;
        };
    }

    /** Joins drafts of one article that tell the same happening; a headline joins the body's account. */
    private static List<Draft> merge(List<Draft> drafts) {
        List<Draft> out = new ArrayList<>();
        List<Draft> titles = new ArrayList<>();
        for (Draft d : drafts) {
            if (d.title) {
                titles.add(d);
                continue;
            }
            Draft same = null;
            for (Draft o : out) {
                if (sameHappening(o, d)) {
                    same = o;
                    break;
                }
            }
            if (same == null) {
                out.add(d);
            } else {
                same.join(d);
            }
        }
        for (Draft t : titles) {
            Draft same = null;
            for (Draft o : out) {
                boolean placeFits = !t.placeNamed || samePlace(o.place, t.place)
                        || o.place != null && t.place != null && (sameCountry(t.place, o.place) || near(t.place, o.place, 30));
                boolean kindFits = family(o.type).equals(family(t.type)) || violent(o.type) && violent(t.type);
                if (kindFits && placeFits && (t.when == null || o.date.equals(t.date))) {
                    same = o;
                    break;
                }
            }
            if (same == null) {
                out.add(t);
            } else {
                same.join(t);
            }
        }
        return out;
    }

    private static boolean sameHappening(Draft a, Draft b) {
        // A later, undated mention of the same kind of happening at the same place ("The missile attack
        // also injured 12 railway workers") is the dated one the article told, not a new one on the
        // publication day.
        if (b.when == null && a.when != null && family(a.type).equals(family(b.type))
                && (!b.placeNamed || samePlace(a.place, b.place))) {
            return true;
        }
        if (!a.date.equals(b.date) || !Objects.equals(a.dateEnd, b.dateEnd) || !samePlaceOrNone(a.place, b.place)) {
            return false;
        }
        if (family(a.type).equals(family(b.type))) {
            return true;
        }
        return a.type == EventType.CASUALTY_REPORT && violent(b.type) || b.type == EventType.CASUALTY_REPORT && violent(a.type);
    }

    private static boolean samePlaceOrNone(Place a, Place b) {
        return a == null && b == null || samePlace(a, b);
    }

    // ---- the event being built ----

    /** An event while its sentences are being gathered. */
    static final class Draft {
        final Reading primary;
        final boolean title;
        final int paragraph;
        EventType type;
        String subtype;
        final TimeExpression when;
        final LocalDate date;
        final LocalDate dateEnd;
        final DatePrecision precision;
        Place place;
        final boolean placeNamed;
        Integer killed;
        Integer injured;
        Integer casualties;
        Attribution attribution;
        boolean hedged;
        final Set<Integer> positions = new LinkedHashSet<>();
        final List<Reading> readings = new ArrayList<>();
        int lastPosition;
        int lastParagraph;

        Draft(Reading r, EventType type, TimeExpression when, LocalDate date, Place place, boolean placeNamed) {
            this.primary = r;
            this.title = r.title;
            this.paragraph = r.paragraph;
            this.type = type;
            Trigger best = r.best();
            this.subtype = best == null || best.generic() || best.type() != type ? defaultSubtype(type) : best.subtype();
            this.when = when;
            this.date = date;
            this.dateEnd = when == null ? null : when.dateEnd();
            this.precision = when == null ? DatePrecision.DAY : when.precision();
            this.place = place;
            this.placeNamed = placeNamed;
            this.killed = r.counts.killed();
            this.injured = r.counts.injured();
            this.casualties = r.counts.casualties();
            positions.add(r.position);
            readings.add(r);
            lastPosition = r.position;
            lastParagraph = r.paragraph;
        }

        /** Takes in a sentence that continues this event's story. */
        void absorb(Reading r, EventType type, EventExtractor extractor) {
            positions.add(r.position);
            readings.add(r);
            lastPosition = r.position;
            lastParagraph = r.paragraph;
            fillCounts(r.counts.killed(), r.counts.injured(), r.counts.casualties());
            if (this.type == EventType.CASUALTY_REPORT && type != EventType.CASUALTY_REPORT) {
                this.type = type;
                this.subtype = defaultSubtype(type);
            }
            if (attribution == null || attribution.source() == null) {
                Attribution a = extractor.attributionFinder.find(r.text, r.names);
                attribution = new Attribution(a.source(), attribution != null && attribution.hedged());
            }
        }

        /** "the attack ... was carried out with glide bombs": a generic kind gets the weapon a later sentence names. */
        void refineSubtype(Reading r, EventType type) {
            Trigger best = r.best();
            if (type == this.type && best != null && !best.generic() && best.type() == type
                    && subtype.equals(defaultSubtype(type))) {
                subtype = best.subtype();
            }
        }

        /** Takes in another account of the same happening from elsewhere in the article. */
        void join(Draft other) {
            positions.addAll(other.positions);
            readings.addAll(other.readings);
            fillCounts(other.killed, other.injured, other.casualties);
            if (type == EventType.CASUALTY_REPORT && other.type != EventType.CASUALTY_REPORT) {
                type = other.type;
                subtype = other.subtype;
            } else if (type != other.type && family(type).equals("strike") && family(other.type).equals("strike")
                    && other.type != EventType.EXPLOSION && type != EventType.EXPLOSION
                    && !subtype.contains(" and ")) {
                subtype = subtype + " and " + other.subtype;
            }
            if ((attribution == null || attribution.source() == null) && other.attribution != null
                    && other.attribution.source() != null) {
                attribution = new Attribution(other.attribution.source(), hedged);
            }
        }

        private void fillCounts(Integer k, Integer i, Integer c) {
            killed = killed != null ? killed : k;
            injured = injured != null ? injured : i;
            casualties = casualties != null ? casualties : c;
        }

        Event toEvent(String articleKey, AnnotatedArticle doc) {
            Reading evidence = primary;
            if (primary.title) {
                for (Reading r : readings) {
                    if (!r.title) {
                        evidence = r;
                        break;
                    }
                }
            }
            List<String> actors = actors();
            List<String> entities = entities(doc);
            String source = attribution == null ? null : attribution.source();
            double confidence = 0.45;
            if (when != null) {
                confidence += 0.15;
            }
            if (placeNamed) {
                confidence += 0.15;
            }
            Trigger best = primary.best();
            if (best != null && best.weight() >= 1.0) {
                confidence += 0.1;
            }
            if (killed != null || injured != null || casualties != null) {
                confidence += 0.05;
            }
            confidence += Math.min(0.1, 0.05 * (positions.size() - 1));
            if (hedged) {
                confidence -= 0.15;
            }
            confidence = Math.round(Math.max(0.1, Math.min(0.95, confidence)) * 100) / 100.0;
            EventLocation location = place == null ? null : new EventLocation(place.name(), place.lat(), place.lon(),
                    place.countryCode(), place.geonameId(), place.precision());
            return new Event(id(articleKey, primary.sentence.index(), type), type, subtype, format(date, precision),
                    dateEnd == null ? null : dateEnd.toString(), precision, location, killed, injured, casualties,
                    actors, entities, new Attribution(source, hedged), evidence.text.trim(), confidence);
        }

        private List<String> actors() {
            Set<String> actors = new LinkedHashSet<>();
            for (Reading r : readings) {
                Matcher m = ACTOR.matcher(r.text);
                while (m.find() && actors.size() < 3) {
                    String before = r.text.substring(Math.max(0, m.start() - 15), m.start());
                    if (!TARGET_BEFORE.matcher(before).find()) {
                        actors.add(m.group(1).replaceFirst("^the\\s+", ""));
                    }
                }
                for (PlaceHit h : r.places) {
                    if (Place.COUNTRY.equals(h.place.precision()) && ACTOR_VERB.matcher(r.text.substring(h.end)).find()) {
                        actors.add(h.place.name());
                    }
                }
                String source = attribution == null ? null : attribution.source();
                Trigger trigger = r.best();
                for (Name n : r.names) {
                    if (n.type() == EntityType.ORGANIZATION && trigger != null && n.end() <= trigger.start()
                            && !n.text().equals(source) && MILITARY_ORG.matcher(n.text()).find()) {
                        actors.add(n.text());
                    }
                }
            }
            return List.copyOf(actors);
        }

        private List<String> entities(AnnotatedArticle doc) {
            Set<String> out = new LinkedHashSet<>();
            if (doc.entities() == null) {
                return List.of();
            }
            for (Entity e : doc.entities()) {
                if (e.type() != EntityType.PERSON && e.type() != EntityType.ORGANIZATION || e.mentions() == null) {
                    continue;
                }
                for (Mention m : e.mentions()) {
                    for (Reading r : readings) {
                        Sentence s = r.sentence;
                        if (Objects.equals(m.field(), s.field()) && m.start() >= s.start() && m.end() <= s.end()) {
                            out.add(e.text());
                        }
                    }
                }
            }
            return List.copyOf(out);
        }
    }

    private static final Pattern MILITARY_ORG = Pattern.compile("(?i)\\b(?:forces|army|military|guard|brigade|regiment"
            + "|battalion|corps|command|group|militia|hamas|hezbollah|houthis?|idf|raf|wagner|isis|taliban|al-shabaab"
            + "|boko\\s+haram|rsf|police)\\b");

    private static String defaultSubtype(EventType type) {
        return switch (type) {
            case MISSILE_STRIKE -> "missile";
            case DRONE_STRIKE -> "drone";
            case AIR_STRIKE -> "airstrike";
            case SHELLING -> "shelling";
            case GROUND_ASSAULT -> "assault";
            case TERRITORY_CAPTURE -> "capture";
            case ATTACK_ON_CIVILIANS -> "attack on civilians";
            case EXPLOSION -> "explosion";
            case CASUALTY_REPORT -> "casualties";
            case PROTEST -> "protest";
            case RIOT -> "riot";
            case DISASTER -> "disaster";
            case CRIME -> "crime";
            case DIPLOMACY -> "diplomatic meeting";
            case MILITARY_AID -> "military aid";
            case DISPLACEMENT -> "displacement";
            case OTHER -> "other";
        };
    }

    private static String format(LocalDate date, DatePrecision precision) {
        return switch (precision) {
            case DAY -> date.toString();
            case MONTH -> date.toString().substring(0, 7);
            case YEAR -> String.valueOf(date.getYear());
        };
    }

    /** Stable across runs: the same article, sentence and type always give the same id. */
    static String id(String articleKey, int sentenceIndex, EventType type) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((articleKey + "|" + sentenceIndex + "|" + type.name()).getBytes(StandardCharsets.UTF_8));
            return "ev-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static OffsetDateTime publishedOf(AnnotatedArticle doc) {
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
}
