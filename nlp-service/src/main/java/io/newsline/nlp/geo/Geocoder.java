package io.newsline.nlp.geo;

import io.newsline.contracts.model.Mention;
import io.newsline.contracts.model.Place;
import io.newsline.nlp.domain.NameMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves an article's place mentions to gazetteer entries, using the rest of the document (its
 * countries, regions and other places, and phrases such as "near Y" or "X, Y region") to choose between
 * namesakes. A place the data lacks, or whose only namesakes lie far from everything else the article
 * names, is placed {@code near} the place the text ties it to, or left without coordinates.
 * Stateless apart from the gazetteer, so one instance serves every thread.
 */
public final class Geocoder {
    /** Beyond this a small namesake is taken for a different place than the one the article means. */
    static final double IMPLAUSIBLE_KM = 250;
    /** A namesake this populous is plausible anywhere: articles mention capitals far from their scene. */
    static final long PROMINENT_POPULATION = 100_000;
    /** A place tied to another ("X near Y") must lie this close to it to be taken as itself. */
    static final double TIE_KM = 40;

    private static final Set<String> COMPASS = Set.of("north", "south", "east", "west", "northern", "southern",
            "eastern", "western", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
            "southeastern", "southwestern", "central", "center", "centre", "front", "group", "grouping", "command",
            "army", "forces", "military", "district", "direction", "axis", "sector", "flank", "zone", "operational");
    /** Front-line words news puts after a town to mean the fighting around it ("the Kupiansk direction"). */
    private static final Set<String> AXIS_WORDS = Set.of("direction", "axis", "sector", "front", "frontline");
    /** Names ending so are facilities or buildings; only an overlay entry makes them places. */
    private static final Set<String> FACILITY_WORDS = Set.of("factory", "plant", "works", "refinery", "depot", "mill",
            "mine", "station", "port", "bridge", "dam", "hospital", "school", "university", "market", "mall",
            "stadium", "building", "base", "airbase", "airfield", "airport", "complex", "facility", "warehouse");

    private static final String UNIT = "(?:km|kms|kilometres|kilometers|kilometre|kilometer|miles|mile|mi)";
    private static final String SIDE = "(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?";
    /** Text between X and Y that ties X to Y: "X near Y", "X, a village outside Y", "X, 10 km south of Y", "X in Y". */
    private static final Pattern TIE = Pattern.compile("^\\s*[,(]?\\s*(?:(?:a|an|the)\\s+)?"
            + "(?:(?:small|tiny|nearby|neighbouring|neighboring|frontline|front-line|border|key|strategic|embattled)\\s+)*"
            + "(?:village|town|settlement|hamlet|city|locality|suburb|community|township)?\\s*,?\\s*"
            + "(?:(?:located|situated|lying|just|about|around|some|roughly|nearly|approximately)\\s+)*"
            + "(?:\\d+(?:[.,]\\d+)?\\s*-?\\s*" + UNIT + "\\s*(?:\\([^)]{0,20}\\)\\s*)?)?"
            + "(?:(" + SIDE + "\\s+(?:of|from)|near|outside(?:\\s+of)?|close\\s+to|not\\s+far\\s+from|next\\s+to"
            + "|on\\s+the\\s+outskirts\\s+of|in\\s+the\\s+vicinity\\s+of|from|in|at)\\s+)?(?:the\\s+)?"
            + "(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    /** "Kyiv, Chernihiv, and Sumy oblasts": every name of the list is a region. */
    private static final Pattern SHARED_LEVEL = Pattern.compile("^(?:\\s*,\\s*(?:and\\s+|or\\s+)?\\p{Lu}[\\p{L}'’-]+)*"
            + "\\s*,?\\s*(?:and|or|&)\\s+\\p{Lu}[\\p{L}'’-]+\\s+(oblasts|regions|provinces|states|governorates|districts)\\b");
    private static final Pattern REGIONAL_AFTER = Pattern.compile("^\\s+(?:regional|provincial|oblast|region's|province's)\\s+"
            + "(?:military\\s+|state\\s+|civil(?:ian)?\\s+)?(?:administration|governor|government|council|authorities|police|head|"
            + "prosecutor|prosecutor's|officials?|chief|legislature|parliament|duma)");
    private static final Pattern KIND_PREFIX = Pattern.compile("^(?:the\\s+)?(?:(?:small|frontline|front-line)\\s+)?"
            + "(?:village|town|settlement|hamlet|suburb|port|urban-type settlement)\\s+of\\s+", Pattern.CASE_INSENSITIVE);
    /** Names of a part of a town: "the Saltivskyi district", "Podil neighbourhood". */
    private static final Pattern TOWN_PART = Pattern.compile("(?i)\\s(?:district|neighbourhood|neighborhood|quarter|suburb"
            + "|microdistrict|borough)$");
    /** Between a part of a town and the town: "the Saltivskyi district of Kharkiv", "… of the city of Kharkiv". */
    private static final Pattern PART_OF = Pattern.compile("(?i)^\\s+(?:of|in)\\s+(?:the\\s+)?(?:city\\s+of\\s+)?$");
    private static final Pattern CAPITALISED_WORD = Pattern.compile("\\b\\p{Lu}\\p{L}+\\b");

    private final Gazetteer gazetteer;

    public Geocoder(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer);
    }

    /**
     * One Place per distinct place among these mentions (LOCATION mentions, and any other the caller
     * found in the gazetteer), in order of first mention.
     */
    public List<Place> resolve(String title, String body, List<NameMention> placeMentions) {
        Document doc = new Document(title == null ? "" : title, body == null ? "" : body);
        List<Group> groups = group(doc, placeMentions);
        if (groups.isEmpty()) {
            return List.of();
        }
        collectCountryVotes(doc, groups);
        findTies(doc, groups);
        // Choose without neighbours first, then again with every other place's choice as context,
        // so that one well-anchored place pulls its ambiguous neighbours towards it.
        for (Group g : groups) {
            choose(g, doc, groups, false);
        }
        for (int round = 0; round < 2; round++) {
            collectRegions(doc, groups);
            for (Group g : groups) {
                choose(g, doc, groups, true);
            }
        }
        collectRegions(doc, groups);
        for (Group g : groups) {
            checkPlausible(g, doc, groups);
        }
        for (Group g : groups) {
            placeNear(g, doc, groups);
        }
        return toPlaces(groups);
    }

    // ---- grouping -------------------------------------------------------------------------------------

    /** Mentions of one surface name (up to case, spelling variant and level word) form one group. */
    private List<Group> group(Document doc, List<NameMention> mentions) {
        Map<String, Group> byKey = new LinkedHashMap<>();
        Map<String, Gazetteer.Candidates> looked = new HashMap<>();     // a long article repeats its names
        List<NameMention> ordered = new ArrayList<>(mentions == null ? List.of() : mentions);
        ordered.sort(Comparator.comparing((NameMention m) -> Mention.TITLE.equals(m.field()) ? 0 : 1)
                .thenComparingInt(NameMention::start));
        for (NameMention m : ordered) {
            if (m.text() == null || m.text().isBlank()) {
                continue;
            }
            String plain = NameKey.plainWords(m.text());
            if (plain.isEmpty() || isNotAPlace(plain)) {
                continue;
            }
            String surface = withSharedLevelWord(doc, m, withoutPossessive(withoutKindPrefix(m.text())));
            Gazetteer.Candidates c = looked.computeIfAbsent(stripAxisWord(surface), gazetteer::candidates);
            String last = plain.substring(plain.lastIndexOf(' ') + 1);
            if (FACILITY_WORDS.contains(last) && c.matches().isEmpty()) {
                continue;      // "Kommunar factory": a facility, not the town of the same name
            }
            String key = (c.regionPhrase() ? "region:" : "") + NameKey.fold(c.bareName());
            Group g = byKey.computeIfAbsent(key, k -> new Group(c, axisWordOf(plain), cleanSurface(surface)));
            g.mentions.add(m);
            g.surfaces.add(cleanSurface(m.text()));
        }
        return new ArrayList<>(byKey.values());
    }

    private static String withSharedLevelWord(Document doc, NameMention m, String name) {
        String text = doc.text(m.field());
        if (m.end() > text.length() || m.end() < 0 || NameKey.plainWords(name).contains(" ")
                && Gazetteer.LEVEL_WORDS.contains(lastWord(NameKey.plainWords(name)))) {
            return name;
        }
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 120));
        if (REGIONAL_AFTER.matcher(after).find()) {
            return name + " region";     // "the Kharkiv regional administration" speaks of the region
        }
        Matcher lm = SHARED_LEVEL.matcher(after);
        if (!lm.find()) {
            return name;
        }
        String level = lm.group(1).toLowerCase();
        return name + " " + level.substring(0, level.length() - 1);
    }

    /** "the village of Sobolevka" -> "Sobolevka": the kind word is the text's, not the name's. */
    private static String withoutKindPrefix(String text) {
        Matcher m = KIND_PREFIX.matcher(text);
        return m.find() && m.end() < text.length() ? text.substring(m.end()) : text;
    }

    /** "Ukraine's" -> "Ukraine". */
    private static String withoutPossessive(String text) {
        String t = text.trim();
        if (t.length() > 3 && (t.endsWith("'s") || t.endsWith("’s"))) {
            return t.substring(0, t.length() - 2);
        }
        return t;
    }

    private static String lastWord(String plain) {
        return plain.substring(plain.lastIndexOf(' ') + 1);
    }

    private static boolean isNotAPlace(String plain) {
        for (String w : plain.split(" ")) {
            if (!COMPASS.contains(w)) {
                return false;
            }
        }
        return true;     // "North", "Eastern Front", "Southern Military District"
    }

    private static String axisWordOf(String plain) {
        String last = plain.substring(plain.lastIndexOf(' ') + 1);
        return plain.contains(" ") && AXIS_WORDS.contains(last) ? last : null;
    }

    private static String stripAxisWord(String text) {
        String t = text.trim();
        int sp = t.lastIndexOf(' ');
        if (sp > 0 && AXIS_WORDS.contains(NameKey.plainWords(t.substring(sp + 1)))) {
            return t.substring(0, sp);
        }
        return t;
    }

    private static String cleanSurface(String text) {
        String t = text.trim();
        return t.regionMatches(true, 0, "the ", 0, 4) ? t.substring(4).trim() : t;
    }

    // ---- document context -----------------------------------------------------------------------------

    /** Countries the article names or whose people it talks about, weighted by how often. */
    private void collectCountryVotes(Document doc, List<Group> groups) {
        for (Group g : groups) {
            List<Gazetteer.Match> exact = g.candidates.matches().stream().filter(m -> !m.variant()).toList();
            if (!exact.isEmpty() && exact.get(0).entry().isCountry()) {
                doc.vote(exact.get(0).entry().countryCode(), 2.0 * g.mentions.size());
                doc.namedCountries.add(exact.get(0).entry().countryCode());
            } else if (!exact.isEmpty() && exact.stream().map(m -> m.entry().countryCode()).distinct().count() == 1
                    && exact.get(0).entry().population() >= PROMINENT_POPULATION) {
                doc.vote(exact.get(0).entry().countryCode(), 1.0);
            }
        }
        Map<String, Integer> perCountry = new HashMap<>();
        for (String text : new String[] {doc.title, doc.body}) {
            Matcher m = CAPITALISED_WORD.matcher(text);
            while (m.find()) {
                gazetteer.demonymCountry(m.group()).ifPresent(cc -> perCountry.merge(cc, 1, Integer::sum));
            }
        }
        perCountry.forEach((cc, n) -> doc.vote(cc, Math.min(3, n) * 0.5));
    }

    /** Admin1 regions the article names, as chosen so far. */
    private void collectRegions(Document doc, List<Group> groups) {
        doc.regions.clear();
        for (Group g : groups) {
            if (g.choice != null && g.choice.isRegion() && !g.choice.admin1Code().isEmpty()) {
                doc.regions.add(g.choice.countryCode() + "." + g.choice.admin1Code());
            }
        }
    }

    /** "X near Y", "X, Y region", "X (Y)", "Paris, Texas": X is tied to Y when only such words stand between. */
    private void findTies(Document doc, List<Group> groups) {
        // Mentions in text order, so each looks only at the next few after it: linear in the article's length.
        record Located(NameMention mention, Group group) {}
        List<Located> all = new ArrayList<>();
        for (Group g : groups) {
            for (NameMention m : g.mentions) {
                all.add(new Located(m, g));
            }
        }
        all.sort(Comparator.comparing((Located l) -> Mention.TITLE.equals(l.mention().field()) ? 0 : 1)
                .thenComparingInt(l -> l.mention().start()));
        for (int i = 0; i < all.size(); i++) {
            NameMention mx = all.get(i).mention();
            Group x = all.get(i).group();
            if (x.tie != null) {
                continue;
            }
            String text = doc.text(mx.field());
            for (int j = i + 1; j < all.size(); j++) {
                NameMention my = all.get(j).mention();
                if (!Objects.equals(my.field(), mx.field()) || my.start() - mx.end() > 80) {
                    break;
                }
                if (all.get(j).group() == x || my.start() < mx.end() || my.start() > text.length() || mx.end() < 0) {
                    continue;
                }
                String between = text.substring(mx.end(), my.start());
                if (TOWN_PART.matcher(x.displayName).find() && PART_OF.matcher(between).matches()) {
                    x.tie = all.get(j).group();
                    x.tieByPunctuation = false;
                    x.tieExplicit = true;
                    break;
                }
                Matcher m = TIE.matcher(between);
                if (m.matches()) {
                    String relation = m.group(1) == null ? "" : m.group(1).trim().toLowerCase();
                    x.tie = all.get(j).group();
                    x.tieByPunctuation = relation.isEmpty();
                    x.tieExplicit = !relation.isEmpty() && !relation.equals("from") && !relation.equals("at");
                    break;
                }
            }
        }
    }

    // ---- choosing among candidates ------------------------------------------------------------------

    private void choose(Group g, Document doc, List<Group> groups, boolean withNeighbours) {
        List<Gazetteer.Match> matches = g.candidates.matches();
        if (matches.isEmpty()) {
            // The caller passes a demonym only where it stands for the place ("the Ukrainian side").
            g.choice = gazetteer.demonymCountry(g.displayName).flatMap(gazetteer::country).orElse(null);
            g.confidence = g.choice == null ? 0 : 0.6;
            return;
        }
        boolean bareName = !g.candidates.regionPhrase();

        List<Scored> ranked = new ArrayList<>(matches.size());
        for (Gazetteer.Match m : matches) {
            GazetteerEntry e = m.entry();
            double s = 0.5 * Math.log10(e.population() + 10.0) + featureBonus(e.featureCode());
            if (m.variant()) {
                s -= 1.5;
            }
            if (m.primaryName() && !e.isRegion()) {
                s += 2.0;         // its own name, not a historical or foreign one ("Novorossiysk" is also an old name of Krasnodar)
            }
            if (e.isRegion()) {
                if (bareName && (bigNamesakeTownInCountry(e, matches) || sameNameTownInside(m, matches))) {
                    s -= 3;       // a bare "Kharkiv" is the city; "the Kharkiv region" says so when it means the region
                }
                if (!bareName && m.primaryName()) {
                    s += 1.5;     // "Kyiv oblast" is the region named Kyiv, not "Kyiv City" that also answers to Kyiv
                }
            }
            s += 2.5 * doc.countryWeight(e.countryCode());
            if (!e.isRegion() && !e.isCountry() && regionNamedByOther(g, e, groups)) {
                s += 2;
            }
            if (withNeighbours) {
                s += neighbourBonus(g, e, groups);
            }
            if (g.tie() != null) {
                s += tieAgrees(e, g.tie().choice) ? 4 : -2;
            }
            ranked.add(new Scored(m, s));
        }
        ranked.sort(Comparator.comparingDouble((Scored r) -> -r.score()));
        g.ranked = ranked;
        take(g, 0);
    }

    /** Settles on the i-th best candidate; confidence grows with its lead over the next one. */
    private static void take(Group g, int i) {
        Scored chosen = g.ranked.get(i);
        g.choice = chosen.match().entry();
        g.variant = chosen.match().variant();
        double margin = i + 1 < g.ranked.size() ? chosen.score() - g.ranked.get(i + 1).score() : 3;
        g.confidence = Math.max(0.3, Math.min(0.97, 0.55 + 0.15 * margin)) * (chosen.match().variant() ? 0.8 : 1.0)
                * (i == 0 ? 1.0 : 0.8);
    }

    /** Whether another name of the article is the admin1 region this place lies in ("X in the Y region"). */
    private static boolean regionNamedByOther(Group g, GazetteerEntry e, List<Group> groups) {
        for (Group o : groups) {
            if (o != g && o.choice != null && o.choice.isRegion() && !o.choice.admin1Code().isEmpty()
                    && o.choice.countryCode().equals(e.countryCode()) && o.choice.admin1Code().equals(e.admin1Code())) {
                return true;
            }
        }
        return false;
    }

    private static boolean bigNamesakeTownInCountry(GazetteerEntry region, List<Gazetteer.Match> matches) {
        return matches.stream().anyMatch(m -> m.entry().isPopulatedPlace()
                && m.entry().countryCode().equals(region.countryCode())
                && m.entry().population() >= PROMINENT_POPULATION);
    }

    /**
     * A town inside the region that answers to the name at least as properly as the region does: "Kharkiv"
     * (both their own name) and "Kharkov" (an old name of both) are the city; "Sinaloa" is the state,
     * not the town of Sinaloa de Leyva that is also called so.
     */
    private static boolean sameNameTownInside(Gazetteer.Match regionMatch, List<Gazetteer.Match> matches) {
        GazetteerEntry region = regionMatch.entry();
        return matches.stream().anyMatch(m -> m.entry().isPopulatedPlace()
                && (m.primaryName() || !regionMatch.primaryName())
                && m.entry().countryCode().equals(region.countryCode())
                && m.entry().admin1Code().equals(region.admin1Code()));
    }

    private static double featureBonus(String code) {
        return switch (code) {
            case "PPLC" -> 1.0;
            case "PPLA" -> 0.6;
            case "PPLA2" -> 0.3;
            case "PPLX" -> -0.5;
            case "PPLH", "PPLQ", "PPLW" -> -1.0;
            case "PCLI" -> 2.0;
            default -> 0;
        };
    }

    /** Closeness to the places the rest of the article settled on; a place in the same sentence counts more. */
    private double neighbourBonus(Group g, GazetteerEntry e, List<Group> groups) {
        if (e.isCountry()) {
            return 0;
        }
        if (e.isRegion()) {
            return containsOtherPlace(g, e, groups) ? 2.5 : 0;
        }
        double bonus = 0;
        for (Group o : groups) {
            if (o == g || o.choice == null || o.choice.isCountry() || o.choice.geonameId() == e.geonameId()) {
                continue;
            }
            double d = distanceKm(e, o.choice);
            double b = d <= 30 ? 2.5 : d <= 80 ? 2.0 : d <= 150 ? 1.5 : d <= 300 ? 0.75 : 0;
            if (sharesSentence(g, o)) {
                b *= 1.3;
            }
            bonus = Math.max(bonus, b);
        }
        return bonus;
    }

    /**
     * Whether the article settled on a town inside this region ("Victoria" beside Melbourne). The
     * region's own namesake town does not count: "Kharkov" beside "Kharkiv" is still the city, and
     * the city of Kyiv does not make "Kyiv oblast" the Kyiv City region.
     */
    private static boolean containsOtherPlace(Group g, GazetteerEntry region, List<Group> groups) {
        if (region.admin1Code().isEmpty()) {
            return false;
        }
        for (Group o : groups) {
            if (o == g || o.choice == null || !o.choice.isPopulatedPlace()
                    || !o.choice.countryCode().equals(region.countryCode())
                    || !o.choice.admin1Code().equals(region.admin1Code())) {
                continue;
            }
            long id = o.choice.geonameId();
            boolean namesake = NameKey.fold(o.candidates.bareName()).equals(NameKey.fold(g.candidates.bareName()))
                    || g.candidates.matches().stream().anyMatch(m -> m.entry().geonameId() == id);
            if (!namesake) {
                return true;
            }
        }
        return false;
    }

    /** Distance that counts a place inside a region as next to it. */
    private static double distanceKm(GazetteerEntry place, GazetteerEntry other) {
        if (other.isRegion() && !other.admin1Code().isEmpty() && place.countryCode().equals(other.countryCode())
                && place.admin1Code().equals(other.admin1Code())) {
            return 0;
        }
        if (place.isRegion() && !place.admin1Code().isEmpty() && place.countryCode().equals(other.countryCode())
                && place.admin1Code().equals(other.admin1Code())) {
            return 0;
        }
        double d = place.distanceKm(other);
        // a region's centre is not where its towns are: allow for its extent
        return other.isRegion() || place.isRegion() ? Math.max(0, d - 150) : d;
    }

    private static boolean tieAgrees(GazetteerEntry e, GazetteerEntry target) {
        if (target.isCountry()) {
            return e.countryCode().equals(target.countryCode());
        }
        if (target.isRegion() && !target.admin1Code().isEmpty()) {
            return e.countryCode().equals(target.countryCode()) && e.admin1Code().equals(target.admin1Code());
        }
        return e.distanceKm(target) <= (target.isRegion() ? 250 : TIE_KM);
    }

    private static boolean sharesSentence(Group a, Group b) {
        Set<Integer> small = a.sentences().size() <= b.sentences().size() ? a.sentences() : b.sentences();
        Set<Integer> large = small == a.sentences() ? b.sentences() : a.sentences();
        for (Integer s : small) {
            if (large.contains(s)) {
                return true;
            }
        }
        return false;
    }

    // ---- plausibility and near placement ----------------------------------------------------------------

    /**
     * A small namesake far from everything else the article names is worse than no answer: the best
     * candidate that is plausible is taken, or none.
     */
    private void checkPlausible(Group g, Document doc, List<Group> groups) {
        if (g.choice == null || g.ranked == null) {
            return;
        }
        for (int i = 0; i < g.ranked.size(); i++) {
            if (plausible(g, g.ranked.get(i).match().entry(), doc, groups)) {
                if (i > 0) {
                    take(g, i);
                }
                return;
            }
        }
        g.choice = null;
    }

    private boolean plausible(Group g, GazetteerEntry e, Document doc, List<Group> groups) {
        if (e.isCountry() || e.isRegion() || e.population() >= PROMINENT_POPULATION) {
            return true;
        }
        if (g.tie() != null) {
            return tieAgrees(e, g.tie().choice);     // the text puts it elsewhere: placed near its tie, or left open
        }
        if (regionNamedByOther(g, e, groups)) {
            return true;
        }
        double nearest = Double.POSITIVE_INFINITY;
        boolean anchored = false;
        Set<String> anchorCountries = new HashSet<>();
        for (Group o : groups) {
            if (o == g || o.choice == null || o.choice.isCountry() || !isAnchor(o)) {
                continue;
            }
            anchored = true;
            anchorCountries.add(o.choice.countryCode());
            nearest = Math.min(nearest, distanceKm(e, o.choice));
        }
        // Far from every other place: a village missing from the data that shares a namesake's spelling
        // (Slavic village names recur across countries). Kept only when the article itself names the
        // namesake's country, apart from where its other places are, and that country has one such place.
        boolean otherNamedCountry = doc.namedCountries.contains(e.countryCode()) && !anchorCountries.contains(e.countryCode())
                && g.candidates.matches().stream().filter(m -> !m.variant()
                        && m.entry().countryCode().equals(e.countryCode())).count() == 1;
        double limit = e.population() >= 20_000 ? 1.6 * IMPLAUSIBLE_KM : IMPLAUSIBLE_KM;
        boolean variant = g.ranked.stream().anyMatch(r -> r.match().entry() == e && r.match().variant());
        if (anchored && nearest > limit && !otherNamedCountry) {
            return false;
        }
        if (!anchored && doc.hasFocus() && doc.countryWeight(e.countryCode()) == 0 && exactCount(g) > 1) {
            return false;    // an article about other countries: a village abroad is one of many namesakes
        }
        return !(variant && !anchored && !doc.hasFocus());    // a loose spelling match with nothing to confirm it
    }

    private static long exactCount(Group g) {
        return g.candidates.matches().stream().filter(m -> !m.variant()).count();
    }

    /** Places that can vouch for others: regions, sizeable towns, or names with a single candidate. */
    private static boolean isAnchor(Group o) {
        return o.choice.isRegion() || o.choice.population() >= 20_000
                || o.candidates.matches().stream().filter(m -> !m.variant()).count() == 1;
    }

    /**
     * An unresolved place goes near the place the text ties it to ("X near Y"), or near the town its
     * compound name starts with ("Kupiansk-Vuzlovyi" next to Kupiansk); otherwise it keeps no coordinates.
     */
    private void placeNear(Group g, Document doc, List<Group> groups) {
        if (g.choice != null) {
            return;
        }
        GazetteerEntry tied = g.tie() == null ? null : g.tie().choice;
        if (tied != null && (tied.isPopulatedPlace() || g.tieExplicit && tied.isRegion() && tied.admin1Code().isEmpty())) {
            g.near = tied;
            g.confidence = 0.5;
            return;
        }
        String surface = g.displayName;
        int hyphen = surface.indexOf('-');
        int space = surface.indexOf(' ');
        GazetteerEntry stem = null;
        if (hyphen > 2) {
            stem = stemPlace(surface.substring(0, hyphen), doc, groups);
        } else if (space > 2 && !g.candidates.regionPhrase()) {
            // "Kupiansk Vuzlovyi" written without its hyphen: only when the first word is a place the article names
            GazetteerEntry s = stemPlace(surface.substring(0, space), doc, groups);
            stem = s != null && isNameOfAnotherGroup(s, g, groups) ? s : null;
        }
        if (stem != null && (tied == null || tieAgrees(stem, tied))) {
            g.near = stem;
            g.confidence = 0.45;
            return;
        }
        GazetteerEntry city = tied == null && TOWN_PART.matcher(surface).find() ? mainCity(groups) : null;
        if (city != null) {
            // "the Saltivskyi district" in an article about Kharkiv: a part of the town the article is about
            g.near = city;
            g.confidence = 0.45;
            return;
        }
        if (tied != null) {
            // tied to an admin1 region or a country: that much is known, not where in it
            g.knownCountry = tied.countryCode();
            g.knownAdmin1 = tied.isRegion() ? tied.admin1Name() : null;
        }
        g.confidence = 0.3;
    }

    /**
     * The town the article is about: the settled town named most often (a headline mention counts three),
     * when no other town is named as often; null otherwise.
     */
    private static GazetteerEntry mainCity(List<Group> groups) {
        Map<Long, Double> weight = new HashMap<>();
        Map<Long, GazetteerEntry> towns = new HashMap<>();
        for (Group o : groups) {
            if (o.choice == null || !o.choice.isPopulatedPlace() || o.candidates.regionPhrase()) {
                continue;
            }
            double w = 0;
            for (NameMention m : o.mentions) {
                w += Mention.TITLE.equals(m.field()) ? 3 : 1;
            }
            weight.merge(o.choice.geonameId(), w, Double::sum);
            towns.put(o.choice.geonameId(), o.choice);
        }
        GazetteerEntry best = null;
        double top = 0;
        boolean shared = false;
        for (Map.Entry<Long, Double> e : weight.entrySet()) {
            if (e.getValue() > top) {
                top = e.getValue();
                best = towns.get(e.getKey());
                shared = false;
            } else if (e.getValue() == top) {
                shared = true;
            }
        }
        return shared ? null : best;
    }

    /** The town a compound name starts with, when the article's other places make it the one meant. */
    private GazetteerEntry stemPlace(String stem, Document doc, List<Group> groups) {
        List<Gazetteer.Match> matches = gazetteer.candidates(stem).matches();
        for (Group o : groups) {
            if (o.choice != null && o.choice.isPopulatedPlace()
                    && matches.stream().anyMatch(m -> m.entry().geonameId() == o.choice.geonameId())) {
                return o.choice;
            }
        }
        for (Gazetteer.Match m : matches) {
            GazetteerEntry e = m.entry();
            if (!m.variant() && e.isPopulatedPlace() && doc.countryWeight(e.countryCode()) > 0
                    && (e.population() >= PROMINENT_POPULATION || doc.regions.contains(e.countryCode() + "." + e.admin1Code()))) {
                return e;
            }
        }
        return null;
    }

    private static boolean isNameOfAnotherGroup(GazetteerEntry stem, Group g, List<Group> groups) {
        return groups.stream().anyMatch(o -> o != g && o.choice != null && o.choice.geonameId() == stem.geonameId());
    }

    // ---- output ---------------------------------------------------------------------------------------

    private List<Place> toPlaces(List<Group> groups) {
        Map<String, List<Group>> merged = new LinkedHashMap<>();
        for (Group g : groups) {
            String key;
            if (g.choice != null) {
                key = "id:" + g.choice.geonameId() + ":" + precisionOf(g);
            } else {
                key = "name:" + NameKey.fold(g.candidates.bareName()) + (g.candidates.regionPhrase() ? ":region" : "");
            }
            merged.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
        }
        List<Place> places = new ArrayList<>();
        for (List<Group> same : merged.values()) {
            Group g = same.get(0);
            LinkedHashSet<String> surfaces = new LinkedHashSet<>();
            List<NameMention> mentions = new ArrayList<>();
            double confidence = 0;
            for (Group s : same) {
                surfaces.addAll(s.surfaces);
                mentions.addAll(s.mentions);
                confidence = Math.max(confidence, s.confidence);
            }
            mentions.sort(Comparator.comparing((NameMention m) -> Mention.TITLE.equals(m.field()) ? 0 : 1)
                    .thenComparingInt(NameMention::start));
            List<Mention> out = mentions.stream().map(m -> new Mention(m.field(), m.start(), m.end())).toList();
            double conf = Math.round(confidence * 100) / 100.0;
            GazetteerEntry e = g.choice;
            if (e != null) {
                String name = g.candidates.regionPhrase() || g.axisWord != null ? g.displayName : e.name();
                places.add(new Place(name, List.copyOf(surfaces), e.lat(), e.lon(), e.countryCode(),
                        e.isCountry() ? null : e.admin1Name(), e.geonameId() > 0 ? e.geonameId() : null,
                        e.featureCode(), precisionOf(g), conf, out));
            } else if (g.near != null) {
                places.add(new Place(g.displayName, List.copyOf(surfaces), g.near.lat(), g.near.lon(),
                        g.near.countryCode(), g.near.admin1Name(), null, null, Place.NEAR, conf, out));
            } else {
                places.add(new Place(g.displayName, List.copyOf(surfaces), null, null, g.knownCountry, g.knownAdmin1,
                        null, null, null, conf, out));
            }
        }
        return places;
    }

    private static String precisionOf(Group g) {
        GazetteerEntry e = g.choice;
        if (e.isCountry()) {
            return Place.COUNTRY;
        }
        if (e.isRegion() || g.axisWord != null) {
            return Place.REGION;
        }
        if (g.candidates.regionPhrase()) {
            return Place.REGION;     // "the Kupiansk district": the area around the town
        }
        return Place.EXACT;
    }

    private record Scored(Gazetteer.Match match, double score) {}

    /** The mentions of one surface name and what they were resolved to. */
    private static final class Group {
        final Gazetteer.Candidates candidates;
        final String axisWord;
        final List<NameMention> mentions = new ArrayList<>();
        final LinkedHashSet<String> surfaces = new LinkedHashSet<>();
        private Set<Integer> sentences;
        List<Scored> ranked;
        GazetteerEntry choice;
        boolean variant;
        double confidence;
        private Group tie;
        boolean tieByPunctuation;
        boolean tieExplicit;

        /**
         * The place this one is tied to, once chosen. "X, Y" ties X to a region or country Y ("Paris,
         * Texas"); between two towns it is a list ("Kupiansk, Vovchansk and Lyman"), not a tie.
         */
        Set<Integer> sentences() {
            if (sentences == null) {
                sentences = new HashSet<>();
                for (NameMention m : mentions) {
                    sentences.add(m.sentence());
                }
            }
            return sentences;
        }

        Group tie() {
            if (tie == null || tie.choice == null || tieByPunctuation && tie.choice.isPopulatedPlace()) {
                return null;
            }
            return tie;
        }
        GazetteerEntry near;
        String knownCountry;
        String knownAdmin1;

        final String displayName;

        Group(Gazetteer.Candidates candidates, String axisWord, String displayName) {
            this.candidates = candidates;
            this.axisWord = axisWord;
            this.displayName = displayName;
        }
    }

    /** The article's text and what it says about where it is. */
    private static final class Document {
        final String title;
        final String body;
        final Map<String, Double> countryVotes = new HashMap<>();
        final Set<String> regions = new LinkedHashSet<>();
        final Set<String> namedCountries = new HashSet<>();
        double maxVote;

        Document(String title, String body) {
            this.title = title;
            this.body = body;
        }

        String text(String field) {
            return Mention.TITLE.equals(field) ? title : body;
        }

        void vote(String cc, double weight) {
            double v = countryVotes.merge(cc, weight, Double::sum);
            maxVote = Math.max(maxVote, v);
        }

        /** 1 for the country the article names most; demonyms alone ("Russian forces") weigh less. */
        double countryWeight(String cc) {
            return maxVote == 0 ? 0 : countryVotes.getOrDefault(cc, 0.0) / Math.max(maxVote, 2.0);
        }

        boolean hasFocus() {
            return maxVote > 0;
        }
    }
}
