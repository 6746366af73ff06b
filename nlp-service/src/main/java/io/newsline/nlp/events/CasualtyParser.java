package io.newsline.nlp.events;

import io.newsline.nlp.time.LiteralCues;
import io.newsline.nlp.time.NumberWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the killed and injured counts a sentence gives ("at least seven civilians were killed",
 * "killing three", "over 20 injured", "a 12-year-old boy died", "the death toll rose to 12").
 *
 * <p>A number counts only when it stands next to a word for people or a verb of dying or being
 * hurt, so ages, dates, distances and numbers of missiles never become casualties. The first count
 * of each kind wins: a later "including two children" is a part of it, not another toll.
 */
public final class CasualtyParser {

    /** The tolls of one sentence; each null when the text does not give it. */
    public record Casualties(Integer killed, Integer injured, Integer casualties) {
        public static final Casualties NONE = new Casualties(null, null, null);

        public boolean any() {
            return killed != null || injured != null || casualties != null;
        }
    }

    private static final String NUM = "(?<![\\w.,$€£-])(?<num>(?i:" + NumberWords.PATTERN + "))(?![\\w%]|[.,]\\d|-year|\\s*-\\s*year"
            + "|\\s+(?i:km|kilomet|miles?\\b|met(?:er|re)s?\\b|m\\b|hours?\\b|minutes?\\b|days?\\b|weeks?\\b|months?\\b"
            + "|years?\\b|percent|per\\s+cent|million|billion|times\\b|tons?\\b|tonnes?\\b|kg\\b|missiles?\\b|drones?\\b"
            + "|rockets?\\b|shells?\\b|bombs?\\b|homes?\\b|houses?\\b|buildings?\\b))";
    private static final String MOD = "(?:(?:at\\s+least|more\\s+than|over|about|around|approximately|nearly|almost|some"
            + "|up\\s+to|as\\s+many\\s+as|roughly|an\\s+estimated|a\\s+total\\s+of|another|a\\s+further|at\\s+most"
            + "|fewer\\s+than|less\\s+than|no\\s+fewer\\s+than|no\\s+less\\s+than|just\\s+over|just\\s+under|close\\s+to"
            + "|well\\s+over)\\s+)?";
    private static final String PERSON = "(?:people|persons?|civilians?|residents?|children|child|kids?|minors?"
            + "|teenagers?|teens?|boys?|girls?|men|man|women|woman|babies|baby|infants?|adults?|soldiers?|troops"
            + "|servicem[ae]n|service\\s*members?|officers?|policem[ae]n|police\\s+officers?|militants?|fighters?"
            + "|rebels?|insurgents?|workers?|employees?|staff(?:ers)?|passengers?|pilgrims?|protesters?"
            + "|demonstrators?|students?|journalists?|reporters?|firefighters?|rescuers?|medics?|paramedics?"
            + "|doctors?|nurses?|volunteers?|villagers?|inhabitants?|pensioners?|others?|victims?|tourists?"
            + "|migrants?|refugees?|miners?|drivers?|guards?|members?|personnel|individuals?|citizens?|relatives"
            + "|crew|sailors?|pilots?|farmers?|shoppers?|worshippers?|fans|spectators?|patients?|prisoners?"
            + "|detainees?|hostages?|nationals|fisherm[ae]n|climbers?|hikers?|swimmers?|commuters?|motorists?|pedestrians?"
            + "|[A-Z][a-z]+(?:ians|ans|ese|is|ers))";
    /** Up to three words between a number and the people it counts: "three Ukrainian soldiers", "20 other people". */
    private static final String QUALIFIERS = "(?:(?:[A-Z][\\w'-]*|more|other|additional|further|local|innocent|young"
            + "|elderly|unarmed|civilian|military|police|emergency|rescue|health|aid|family|security|border|government"
            + "|army|railway|hospital|school|plant|factory|media|news|foreign|injured|wounded|small|little|teenage"
            + "|\\d+-year-old|newborn|pregnant|female|male|off-duty|on-duty)\\s+){0,3}";
    /** "four members of one family", "three people from the same village": whose they were, after the count. */
    private static final String WHOSE = "(?:\\s+(?:of|from)\\s+(?:one|a|the\\s+same|his|her|their|a\\s+single)\\s+"
            + "(?:family|household|village|school|team|crew))?";
    private static final String WHO = "(?:\\s+" + QUALIFIERS + PERSON + WHOSE + "|\\s+of\\s+them|\\s+of\\s+whom)?";
    private static final String ASIDE = "(?:\\s*(?:,|\\(|—|–)[^,()—–]{1,60}(?:,|\\)|—|–))?";
    private static final String AUX = "(?:\\s+(?:were|was|have\\s+been|has\\s+been|had\\s+been|are|is|got|being|been"
            + "|reportedly|also|later|allegedly|confirmed|all|since|now|left|found|believed|thought|feared|said"
            + "|to\\s+have\\s+been|to\\s+be|among\\s+the|known|seriously|critically|severely|badly|gravely|slightly"
            + "|lightly|fatally)){0,4}";
    private static final String KILLED_WORD = "(?<k>killed|dead|died|die|deaths?|fatalities|fatally\\s+(?:wounded|injured|shot)"
            + "|lost\\s+their\\s+lives|lost\\s+his\\s+life|lost\\s+her\\s+life|perished|slain|shot\\s+dead|murdered"
            + "|executed|bodies|passed\\s+away|drowned|(?:burned|burnt|crushed|trampled|stabbed|beaten|hacked|frozen)\\s+to\\s+death)";
    private static final String INJURED_WORD = "(?<i>injured|wounded|hurt|injuries|hospitali[sz]ed|casualties)";

    /** "seven civilians were killed", "20 injured", "two people died", "a 12-year-old boy was killed". */
    private static final Pattern COUNT_THEN_WORD = Pattern.compile("(?i:" + MOD + ")" + NUM + "(?:\\s+\\d+-year-old)?"
            + WHO + ASIDE + AUX + "\\s+(?:" + KILLED_WORD + "|" + INJURED_WORD + ")"
            + "(?<either>\\s+(?:or|and)\\s+(?:injured|wounded|hurt|killed|dead))?\\b");
    /** "killing three", "killed at least seven civilians", "left 3 dead", "wounding six employees". */
    private static final Pattern WORD_THEN_COUNT = Pattern.compile("(?i:\\b(?<verb>killing|killed|kills|kill"
            + "|claimed\\s+the\\s+lives\\s+of|claiming\\s+the\\s+lives\\s+of|took\\s+the\\s+lives\\s+of"
            + "|injuring|injured|injures|wounding|wounded|wounds|hurting|hurt|left|leaving|leaves)\\s+"
            + MOD + ")" + NUM + "(?:\\s+\\d+-year-old)?" + WHO
            + "(?<tail>\\s+(?:dead|killed|injured|wounded|hurt)(?:\\s+(?:or|and)\\s+(?:injured|wounded|hurt|killed|dead))?)?\\b");
    /** "another person was seriously injured", "one more soldier died": one more than the toll just given. */
    private static final Pattern ONE_MORE = Pattern.compile("(?i:\\b(?<num>another|one\\s+more))(?=\\s+" + "(?:\\d+-year-old\\s+)?"
            + QUALIFIERS + PERSON + AUX + "\\s+(?:" + KILLED_WORD + "|" + INJURED_WORD + ")\\b)");
    /** "Among those killed were three people of one family": a part of a toll, counted as the text gives it. */
    private static final Pattern AMONG = Pattern.compile("(?i:\\bamong\\s+(?:those|the)\\s+(?<w>killed|dead|victims|injured"
            + "|wounded|hurt)\\s+(?:were|are|was|is)\\s+" + MOD + ")" + NUM + "\\b");
    /** "The bodies of 23 passengers have been recovered": the dead counted by their bodies. */
    private static final Pattern BODIES_OF = Pattern.compile("(?i:\\b(?:bodies|remains)\\s+of\\s+" + MOD + ")" + NUM + "\\b");
    /** "the Russians killed him": one person, named before. */
    private static final Pattern KILLED_ONE = Pattern.compile("(?i)\\b(?:killed|shot\\s+dead|murdered|executed|stabbed\\s+to\\s+death)"
            + "\\s+(?<num>him|her)\\b");
    /**
     * What news calls the count of the dead: "the death toll", a bare "the toll" (news uses it for nothing else
     * before a figure), "the number of dead", "the number of people killed". Not "the number of victims", which
     * news translated from Ukrainian uses for the injured too.
     */
    static final String DEATH_COUNT = "(?:\\bdeath\\s+toll|\\b(?<=the\\s)toll|\\bnumber\\s+of\\s+(?:the\\s+)?(?:dead|deaths"
            + "|fatalities|(?:people|those|persons)\\s+(?:killed|dead|who\\s+died)))\\b";
    /** A character of the same clause: no full stop or semicolon, but the decimal point of "a magnitude 5.7 quake". */
    private static final String IN_CLAUSE = "(?:[^.;]|(?<=\\d)\\.(?=\\d))";
    /**
     * "No one was injured", "nobody was killed or hurt": a toll of zero, as the text gives it (and the "one" of
     * "no one" is no count of one).
     */
    private static final Pattern NOBODY = Pattern.compile("(?i:\\b(?<num>no\\s+one|no-one|nobody|no\\s+(?:people|civilians"
            + "|residents|casualties\\s+were))" + AUX + "\\s+(?:" + KILLED_WORD + "|" + INJURED_WORD + ")"
            + "(?<either>\\s+(?:or|and)\\s+(?:injured|wounded|hurt|killed|dead))?\\b)");
    /**
     * "The strike caused no casualties", "there were no injuries", "no deaths were reported": a toll of zero. No
     * casualties and no injuries mean nobody was harmed at all; "no deaths" says nothing of the hurt. ("No reports
     * of casualties" is no count: the words must follow "no" directly.)
     */
    private static final Pattern NONE_OF = Pattern.compile("(?i:\\b(?<num>no)\\s+(?:immediate\\s+|reported\\s+)?"
            + "(?<w>casualties|injuries|deaths|fatalities|victims)\\b)");
    /** "the death toll rose to 12", "a death toll of at least 40", "bringing the number of dead to four". */
    private static final Pattern TOLL = Pattern.compile("(?i:" + DEATH_COUNT + IN_CLAUSE + "{0,40}?\\b(?:to|of|at|is|was"
            + "|reached|stands\\s+at|stood\\s+at|hit|climbed\\s+to|rose\\s+to|risen\\s+to)\\s+" + MOD + ")" + NUM + "\\b");
    /** "The death toll from Monday's strike on a cafe in the old town has risen to nine": a long subject, then the figure. */
    private static final Pattern TOLL_ROSE = Pattern.compile("(?i:" + DEATH_COUNT + IN_CLAUSE + "{0,120}?\\b(?:risen|rose|climbed"
            + "|jumped|increased|grown|grew)\\s+to\\s+" + MOD + ")" + NUM + "\\b");
    /** "the toll rose to 22", "the number of dead has climbed to 40": a count of the dead taken again. */
    private static final Pattern TOLL_UPDATE = Pattern.compile("(?i:" + DEATH_COUNT + IN_CLAUSE + "{0,120}?\\b(?:risen|rose"
            + "|climbed|jumped|increased|grown|grew|reached|stands\\s+at|stood\\s+at)\\b)");
    /**
     * Words of a count taken again: the injured "died in hospital", "succumbed", "bodies were recovered", "of the
     * seven wounded, two ...", "the figure rose".
     */
    private static final Pattern DIED_LATER = Pattern.compile("(?i)\\b(?:died|dies|die)\\s+(?:later\\s+)?(?:in|at|on\\s+the"
            + "\\s+way\\s+to)\\s+(?:[\\w-]+\\s+){0,4}?hospital|^\\W*(?:of|among)\\s+the\\s+(?:\\w+\\s+)?(?:dead|killed|wounded"
            + "|injured|victims)\\b|\\b(?<=the\\s)(?:figure|count|tally)\\s+(?:\\w+\\s+)?(?:rose|climbed|jumped|increased)\\b"
            + "|\\bsuccumbed\\b|\\b(?:bodies|body)\\s+(?:\\w+\\s+){0,3}?(?:were|was|had\\s+been"
            + "|have\\s+been)\\s+(?:recovered|found|pulled|retrieved)|\\b(?:recovered|pulled\\s+out|retrieved|dug\\s+out)\\s+"
            + "(?:\\w+\\s+){0,2}?(?:more\\s+)?bod(?:y|ies)\\b");
    private static final Pattern OR_MISSING = Pattern.compile("(?i)\\s+(?:or|and)\\s+(?:still\\s+)?missing\\b");
    /** "Tomás Riquelme, 24, died": an age between commas after a name, not a count. */
    private static final Pattern NAME_BEFORE_AGE = Pattern.compile("\\p{Lu}[\\p{L}'’-]+,\\s*$");
    private static final Pattern TIME_BEFORE = Pattern.compile(
            "(?:January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?\\s+$");

    private static final Pattern A_PERSON = Pattern.compile("\\s+(?:\\d+-year-old\\s+)?" + QUALIFIERS + PERSON + "\\b");

    /** Every toll holds one of these; most sentences hold none and are not parsed further. */
    private static final LiteralCues TOLL_WORDS = LiteralCues.ofWords("kill", "dead", "die", "death", "fatal", "lives",
            "life", "perish", "slain", "murder", "execut", "bodies", "injur", "wound", "hurt", "hospitali", "casualt",
            "toll", "passed", "number of", "victim", "drown");

    /**
     * Whether the sentence counts a happening's dead again rather than telling new deaths: the toll rose, the injured
     * "died in hospital", "succumbed to their wounds", "more bodies were recovered".
     */
    public boolean countsAgain(String sentence) {
        return tollUpdateEnd(sentence) >= 0 || DIED_LATER.matcher(sentence).find();
    }

    /**
     * Where the words that take a toll again ("the death toll rose") end in the sentence, or -1: a date after
     * them ("rose to 22 on Wednesday") says when the dead were counted, not when the happening was.
     */
    public int tollUpdateEnd(String sentence) {
        Matcher m = TOLL_UPDATE.matcher(sentence);
        return m.find() ? m.end() : -1;
    }

    public Casualties parse(String sentence) {
        if (sentence == null || sentence.isBlank() || !TOLL_WORDS.mayMatch(sentence.toLowerCase(Locale.ROOT))) {
            return Casualties.NONE;
        }
        Integer killed = null;
        Integer injured = null;
        Integer casualties = null;
        List<int[]> used = new ArrayList<>();
        boolean noDeaths = false;
        for (Hit hit : hits(sentence)) {
            if (hit.implied) {
                noDeaths = true;
                continue;
            }
            if (overlapsAny(used, hit.start, hit.end)) {
                continue;
            }
            used.add(new int[] {hit.start, hit.end});
            switch (hit.kind) {
                case KILLED -> killed = killed == null ? hit.count : killed;
                case INJURED -> injured = injured == null ? hit.count : injured;
                case TOTAL -> casualties = casualties == null ? hit.count : casualties;
            }
        }
        if (noDeaths && killed == null) {
            killed = 0;
        }
        return new Casualties(killed, injured, casualties);
    }

    private enum Kind { KILLED, INJURED, TOTAL }

    /** @param implied a count the text implies rather than gives ("no one was hurt": nobody died): it yields to a given one */
    private record Hit(int start, int end, int numStart, Kind kind, int count, boolean implied) {
        Hit(int start, int end, int numStart, Kind kind, int count) {
            this(start, end, numStart, kind, count, false);
        }
    }

    private List<Hit> hits(String s) {
        List<Hit> hits = new ArrayList<>();
        Matcher m = TOLL.matcher(s);
        while (m.find()) {
            add(hits, s, m, Kind.KILLED);
        }
        m = TOLL_ROSE.matcher(s);
        while (m.find()) {
            add(hits, s, m, Kind.KILLED);
        }
        m = WORD_THEN_COUNT.matcher(s);
        while (m.find()) {
            if (OR_MISSING.matcher(s).region(m.end(), s.length()).lookingAt()) {
                continue; // "leaving more than 60 people dead or missing"
            }
            String verb = m.group("verb").toLowerCase();
            String tail = m.group("tail") == null ? "" : m.group("tail").trim().toLowerCase();
            Kind kind;
            if (tail.contains(" or ") || tail.contains(" and ")) {
                kind = Kind.TOTAL;
            } else if (verb.startsWith("left") || verb.startsWith("leav")) {
                if (tail.isEmpty()) {
                    continue; // "left 30 homes" is no toll
                }
                kind = tail.startsWith("dead") || tail.startsWith("killed") ? Kind.KILLED : Kind.INJURED;
            } else {
                kind = verb.startsWith("kill") || verb.contains("lives") ? Kind.KILLED : Kind.INJURED;
            }
            add(hits, s, m, kind);
        }
        m = COUNT_THEN_WORD.matcher(s);
        while (m.find()) {
            if (m.group("k") != null && OR_MISSING.matcher(s).region(m.end(), s.length()).lookingAt()) {
                continue; // "more than 60 people dead or missing" does not say how many died
            }
            if (m.group("k") != null && WORD_THEN_COUNT.matcher(s).region(m.start("k"), s.length()).lookingAt()) {
                continue; // "a man killed seven people": the subject of the killing, not one of its dead
            }
            Kind kind;
            if (m.group("either") != null) {
                kind = Kind.TOTAL;
            } else if (m.group("k") != null) {
                kind = Kind.KILLED;
            } else {
                kind = m.group("i").toLowerCase().startsWith("casualt") ? Kind.TOTAL : Kind.INJURED;
            }
            add(hits, s, m, kind);
        }
        m = BODIES_OF.matcher(s);
        while (m.find()) {
            add(hits, s, m, Kind.KILLED);
        }
        m = NOBODY.matcher(s);
        while (m.find()) {
            int from = m.start("num");
            int to = m.end("num");
            if (m.group("either") != null) {
                // Two counts from one phrase: each takes a part of it so neither hides the other.
                hits.add(new Hit(from, from + 1, from, Kind.KILLED, 0));
                hits.add(new Hit(from + 1, to, from + 1, Kind.INJURED, 0));
            } else if (m.group("k") != null) {
                hits.add(new Hit(from, to, from, Kind.KILLED, 0));
            } else {
                hits.add(new Hit(from, to, from, Kind.INJURED, 0));
                if (m.group("num").matches("(?i)no\\s+one|no-one|nobody")) {
                    // "No one was injured" in a report says nobody was harmed: a death would have been told.
                    hits.add(new Hit(to, to, from, Kind.KILLED, 0, true));
                }
            }
        }
        m = NONE_OF.matcher(s);
        while (m.find()) {
            String w = m.group("w").toLowerCase(Locale.ROOT);
            boolean deaths = w.equals("deaths") || w.equals("fatalities");
            hits.add(new Hit(m.start("num"), m.end("w"), m.start("num"), deaths ? Kind.KILLED : Kind.INJURED, 0));
            if (!deaths) {
                hits.add(new Hit(m.end("w"), m.end("w"), m.start("num"), Kind.KILLED, 0, true));
            }
        }
        m = AMONG.matcher(s);
        while (m.find()) {
            String w = m.group("w").toLowerCase(Locale.ROOT);
            add(hits, s, m, w.equals("killed") || w.equals("dead") || w.equals("victims") ? Kind.KILLED : Kind.INJURED);
        }
        m = ONE_MORE.matcher(s);
        while (m.find()) {
            String rest = s.substring(m.end());
            Matcher word = Pattern.compile("(?i)\\b(?:" + KILLED_WORD + "|" + INJURED_WORD + ")").matcher(rest);
            if (word.find()) {
                Kind kind = word.group("k") != null ? Kind.KILLED : Kind.INJURED;
                hits.add(new Hit(m.start("num"), m.end("num"), m.start("num"), kind, 1));
            }
        }
        m = KILLED_ONE.matcher(s);
        while (m.find()) {
            hits.add(new Hit(m.start("num"), m.end("num"), m.start("num"), Kind.KILLED, 1));
        }
        hits.sort((a, b) -> Integer.compare(a.numStart, b.numStart));
        return hits;
    }

    private static void add(List<Hit> hits, String s, Matcher m, Kind kind) {
        int numStart = m.start("num");
        if (TIME_BEFORE.matcher(s.substring(Math.max(0, numStart - 12), numStart)).find()) {
            return; // "June 7 ..." is a date, not a count
        }
        if (NAME_BEFORE_AGE.matcher(s.substring(Math.max(0, numStart - 40), numStart)).find()
                && s.startsWith(",", m.end("num")) && s.substring(numStart, m.end("num")).matches("\\d{1,3}")) {
            return; // "Tomás Riquelme, 24, of the fire company, died" gives an age
        }
        String num = m.group("num");
        if ((num.equalsIgnoreCase("a") || num.equalsIgnoreCase("an"))
                && !A_PERSON.matcher(s.substring(m.end("num"))).lookingAt()) {
            return; // "killed a number of ..." gives no count
        }
        int count = NumberWords.parse(num);
        if (count <= 0) {
            return;
        }
        hits.add(new Hit(m.start("num"), m.end("num"), numStart, kind, count));
    }

    private static boolean overlapsAny(List<int[]> used, int start, int end) {
        for (int[] u : used) {
            if (start < u[1] && u[0] < end) {
                return true;
            }
        }
        return false;
    }
}
