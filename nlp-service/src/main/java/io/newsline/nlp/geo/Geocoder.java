package io.newsline.nlp.geo;

import io.newsline.contracts.model.Mention;
import io.newsline.contracts.model.Place;
import io.newsline.nlp.domain.NameMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves an article's place mentions to gazetteer entries. The sentence's own words come first (the
 * kind it gives a name, the place it ties it to), then the article's focus (its countries and regions,
 * the places it settled on), and population only breaks ties. A place the data lacks, or whose only
 * namesakes lie far from everything else the article names, is placed {@code near} the place the text
 * ties it to ({@link NearPlacement}), or left without coordinates. Stateless apart from the gazetteer,
 * so one instance serves every thread.
 */
public final class Geocoder {
    /** Beyond this a small namesake is taken for a different place than the one the article means. */
    static final double IMPLAUSIBLE_KM = 250;
    /** A namesake this populous is plausible anywhere: articles mention capitals far from their scene. */
    static final long PROMINENT_POPULATION = 100_000;
    /** How far from its centre a second-level division's towns lie, for most of them (counties, provinces, districts). */
    static final double DISTRICT_REACH_KM = 50;
    /** A place tied to another ("X near Y") must lie this close to it to be taken as itself. */
    static final double TIE_KM = 40;
    /** How far from its namesake town a district or county placed at that town may reach. */
    static final double AREA_KM = 80;

    /** Weights of the score, in units of half a decade of population. */
    private static final double VARIANT_SPELLING = -1.5;
    private static final double OWN_NAME = 2.0;
    private static final double REGION_WHERE_TOWN_MEANT = -3;
    private static final double REGION_UNDER_OWN_NAME = 1.5;
    private static final double KIND_DISAGREES = -3;
    private static final double COUNTRY_FOCUS = 2.5;
    private static final double IN_A_NAMED_REGION = 2;
    private static final double TIE_AGREES = 4;
    private static final double TIE_DISAGREES = -2;

    /**
     * Military formations and front-line words are named by compass points ("Southern Military District",
     * "the North group", "Eastern Front"): a name made only of these words is no place.
     */
    private static final Set<String> COMPASS_AND_ARMY = Set.of("north", "south", "east", "west", "northern", "southern",
            "eastern", "western", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
            "southeastern", "southwestern", "central", "center", "centre", "front", "group", "grouping", "command",
            "army", "forces", "military", "district", "direction", "axis", "sector", "flank", "zone", "operational");
    /** Front-line words news puts after a town to mean the fighting around it ("the Kupiansk direction"). */
    private static final Set<String> AXIS_WORDS = Set.of("direction", "axis", "sector", "front", "frontline");
    /** Names ending so are facilities or buildings; only an overlay entry makes them places. */
    private static final Set<String> FACILITY_WORDS = Set.of("factory", "plant", "works", "refinery", "depot", "mill",
            "mine", "station", "port", "bridge", "dam", "hospital", "school", "university", "market", "mall",
            "stadium", "building", "base", "airbase", "airfield", "airport", "complex", "facility", "warehouse",
            "reservoir", "seaport");
    /** Of those, infrastructure that news names after its town and places events at. */
    private static final Pattern INFRASTRUCTURE = Pattern.compile("^(\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,2})"
            + "\\s+(?:(?:[Nn]uclear|[Hh]ydroelectric|[Hh]ydropower|[Tt]hermal|[Cc]oal|[Ss]olar|[Ww]ind|[Gg]as|[Aa]tomic)\\s+)*"
            + "(?:[Pp]ower\\s+(?:[Pp]lant|[Ss]tation)|(?:[Nn]uclear|[Hh]ydroelectric|[Tt]hermal|[Aa]tomic)\\s+(?:[Pp]lant|[Ss]tation)"
            + "|[Aa]irport|[Dd]am|[Rr]eservoir|[Ss]eaport)$");
    private static final Pattern CAPITALISED_WORD = Pattern.compile("\\b\\p{Lu}\\p{L}+\\b");

    private final Gazetteer gazetteer;
    private final NearPlacement nearPlacement;

    public Geocoder(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer);
        this.nearPlacement = new NearPlacement(gazetteer);
    }

    /**
     * One Place per distinct place among these mentions (LOCATION mentions, and any other the caller
     * found in the gazetteer), in order of first mention.
     */
    public List<Place> resolve(String title, String body, List<NameMention> placeMentions) {
        return resolve(title, body, placeMentions, UnaryOperator.identity());
    }

    /**
     * As {@link #resolve(String, String, List)}, looking each name up by the form {@code lookupForm} gives
     * it: the dictionary form of an inflected name ("Харкові" -> "Харків"), so that a place's forms are one
     * place and the gazetteer knows them.
     */
    public List<Place> resolve(String title, String body, List<NameMention> placeMentions, UnaryOperator<String> lookupForm) {
        ArticleContext doc = new ArticleContext(title == null ? "" : title, body == null ? "" : body);
        List<PlaceGroup> groups = group(doc, placeMentions, lookupForm);
        if (groups.isEmpty()) {
            return List.of();
        }
        collectCountryVotes(doc, groups);
        findTies(doc, groups);
        // Choose without neighbours first, then again with every other place's choice as context,
        // so that one well-anchored place pulls its ambiguous neighbours towards it.
        for (PlaceGroup g : groups) {
            choose(g, doc, groups, false);
        }
        for (int round = 0; round < 2; round++) {
            collectRegions(doc, groups);
            for (PlaceGroup g : groups) {
                choose(g, doc, groups, true);
            }
        }
        collectRegions(doc, groups);
        for (PlaceGroup g : groups) {
            checkPlausible(g, doc, groups);
        }
        for (PlaceGroup g : groups) {
            nearPlacement.place(g, doc, groups);
        }
        return PlaceOutput.places(groups);
    }

    // ---- grouping -------------------------------------------------------------------------------------

    /** Mentions of one surface name in one sense (up to case, spelling variant and level word) form one group. */
    private List<PlaceGroup> group(ArticleContext doc, List<NameMention> mentions, UnaryOperator<String> lookupForm) {
        Map<String, PlaceGroup> byKey = new LinkedHashMap<>();
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
            String text = doc.text(m.field());
            boolean inText = m.start() >= 0 && m.end() <= text.length() && m.start() <= m.end();
            String name = MentionCues.withoutPossessive(MentionCues.withoutKindPrefix(m.text()));
            MentionCues.Kind kind = MentionCues.hasKindPrefix(m.text()) ? MentionCues.Kind.SETTLEMENT
                    : inText ? MentionCues.kind(text, m.start(), m.end()) : MentionCues.Kind.UNSAID;
            String surface = inText ? MentionCues.withSharedLevelWord(text, m.end(), name) : name;
            String display = cleanSurface(surface);
            if (kind == MentionCues.Kind.REGION && surface.equals(name) && !hasLevelWord(plain)
                    && regionOrNotCountry(name)) {
                surface = name + " region";    // "X is one of the regions", "the border with X"
                display = cleanSurface(name);
            }
            String last = lastWord(plain);
            Gazetteer.Candidates c = looked.computeIfAbsent(lookupForm.apply(stripAxisWord(surface)), gazetteer::candidates);
            boolean facility = false;
            if (FACILITY_WORDS.contains(last) && c.matches().isEmpty()) {
                Matcher infra = INFRASTRUCTURE.matcher(cleanSurface(name));
                if (infra.matches()) {
                    c = looked.computeIfAbsent(infra.group(1), gazetteer::candidates);
                } else if (!NearPlacement.isBuilding(cleanSurface(name))) {
                    continue;      // "Kommunar factory": a facility, not the town of the same name
                }
                facility = true;
            }
            String key = (facility ? "facility:" + NameKey.fold(surface) : "")
                    + (c.regionPhrase() ? "region:" : "") + NameKey.fold(c.bareName());
            Gazetteer.Candidates candidates = c;
            MentionCues.Kind groupKind = kind == MentionCues.Kind.REGION ? MentionCues.Kind.UNSAID : kind;
            boolean isFacility = facility;
            String shown = display;
            PlaceGroup g = byKey.computeIfAbsent(key, k -> new PlaceGroup(candidates, axisWordOf(plain), shown, groupKind,
                    isFacility));
            g.mentions.add(m);
            g.surfaces.add(cleanSurface(m.text()));
            g.datelineOnly &= doc.inDateline(m);
        }
        return new ArrayList<>(byKey.values());
    }

    private static boolean hasLevelWord(String plain) {
        return plain.contains(" ") && Gazetteer.LEVEL_WORDS.contains(lastWord(plain));
    }

    private static String lastWord(String plain) {
        return plain.substring(plain.lastIndexOf(' ') + 1);
    }

    private static boolean isNotAPlace(String plain) {
        for (String w : plain.split(" ")) {
            if (!COMPASS_AND_ARMY.contains(w)) {
                return false;
            }
        }
        return true;     // "North", "Eastern Front", "Southern Military District"
    }

    private static String axisWordOf(String plain) {
        String last = lastWord(plain);
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
    private void collectCountryVotes(ArticleContext doc, List<PlaceGroup> groups) {
        for (PlaceGroup g : groups) {
            if (g.facility) {
                continue;
            }
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
    private static void collectRegions(ArticleContext doc, List<PlaceGroup> groups) {
        doc.regions.clear();
        for (PlaceGroup g : groups) {
            if (g.choice != null && g.choice.isRegion() && !g.choice.admin1Code().isEmpty()) {
                doc.regions.add(g.choice.countryCode() + "." + g.choice.admin1Code());
            }
        }
    }

    /** "X near Y", "X, Y region", "X (Y)", "Paris, Texas": X is tied to Y when only such words stand between. */
    private static void findTies(ArticleContext doc, List<PlaceGroup> groups) {
        // Mentions in text order, so each looks only at the next few after it: linear in the article's length.
        record Located(NameMention mention, PlaceGroup group) {}
        List<Located> all = new ArrayList<>();
        for (PlaceGroup g : groups) {
            for (NameMention m : g.mentions) {
                all.add(new Located(m, g));
            }
        }
        all.sort(Comparator.comparing((Located l) -> Mention.TITLE.equals(l.mention().field()) ? 0 : 1)
                .thenComparingInt(l -> l.mention().start()));
        for (int i = 0; i < all.size(); i++) {
            NameMention mx = all.get(i).mention();
            PlaceGroup x = all.get(i).group();
            if (x.rawTie() != null) {
                continue;
            }
            String text = doc.text(mx.field());
            for (int j = i + 1; j < all.size(); j++) {
                NameMention my = all.get(j).mention();
                if (!Objects.equals(my.field(), mx.field()) || my.start() - mx.end() > 80) {
                    break;
                }
                if (all.get(j).group() == x || my.start() < mx.end() || my.end() > text.length() || mx.end() < 0) {
                    continue;
                }
                String between = text.substring(mx.end(), my.start());
                if (NearPlacement.isTownPart(x.displayName) && NearPlacement.isPartOf(between)) {
                    x.tieTo(all.get(j).group(), new MentionCues.Tie("of", false, true, false));
                    break;
                }
                String after = text.substring(my.end(), Math.min(text.length(), my.end() + 20));
                MentionCues.Tie cue = MentionCues.tie(between, my.text(), after);
                if (cue != null) {
                    x.tieTo(all.get(j).group(), cue);
                    break;
                }
            }
        }
    }

    // ---- choosing among candidates ------------------------------------------------------------------

    private void choose(PlaceGroup g, ArticleContext doc, List<PlaceGroup> groups, boolean withNeighbours) {
        List<Gazetteer.Match> matches = g.candidates.matches();
        if (matches.isEmpty()) {
            // The caller passes a demonym only where it stands for the place ("the Ukrainian side").
            g.choice = gazetteer.demonymCountry(g.displayName).flatMap(gazetteer::country).orElse(null);
            g.confidence = g.choice == null ? 0 : 0.6;
            return;
        }
        boolean bareName = !g.candidates.regionPhrase();

        List<PlaceGroup.Scored> ranked = new ArrayList<>(matches.size());
        for (Gazetteer.Match m : matches) {
            GazetteerEntry e = m.entry();
            double s = 0.5 * Math.log10(e.population() + 10.0) + featureBonus(e.featureCode());
            if (m.variant()) {
                s += VARIANT_SPELLING;
            }
            if (m.primaryName()) {
                s += OWN_NAME;    // its own name, not a historical or foreign one ("Novorossiysk" is also an old name of Krasnodar)
            }
            if (e.isRegion()) {
                if (bareName && (bigNamesakeTownInCountry(m, matches) || sameNameTownInside(m, matches))) {
                    s += REGION_WHERE_TOWN_MEANT;    // a bare "Kharkiv" is the city; "the Kharkiv region" says so when it means the region
                }
                if (!bareName && m.primaryName()) {
                    s += REGION_UNDER_OWN_NAME;      // "Kyiv oblast" is the region named Kyiv, not "Kyiv City" that also answers to Kyiv
                }
            }
            if (bareName && e.isPopulatedPlace() && !m.primaryName() && regionUnderOwnNameAround(e, matches)) {
                s += REGION_WHERE_TOWN_MEANT;    // "Rio Grande do Sul" is the state, not its city once called so
            }
            if (g.kind == MentionCues.Kind.SETTLEMENT && !e.isPopulatedPlace() && !g.facility) {
                s += KIND_DISAGREES;     // "the town of X": not the region or country X
            }
            s += COUNTRY_FOCUS * doc.countryWeight(e.countryCode());
            if (!e.isRegion() && !e.isCountry() && regionNamedByOther(g, e, groups)) {
                s += IN_A_NAMED_REGION;
            }
            if (withNeighbours) {
                s += neighbourBonus(g, e, groups);
            }
            if (g.tie() != null) {
                s += tieAgrees(e, g.tie()) ? TIE_AGREES : TIE_DISAGREES;
            }
            ranked.add(new PlaceGroup.Scored(m, s));
        }
        ranked.sort(Comparator.comparingDouble((PlaceGroup.Scored r) -> -r.score()));
        g.ranked = ranked;
        take(g, 0);
    }

    /** Settles on the i-th best candidate; confidence grows with its lead over the next one. */
    private static void take(PlaceGroup g, int i) {
        PlaceGroup.Scored chosen = g.ranked.get(i);
        g.choice = chosen.match().entry();
        g.variant = chosen.match().variant();
        double margin = i + 1 < g.ranked.size() ? chosen.score() - g.ranked.get(i + 1).score() : 3;
        g.confidence = Math.max(0.3, Math.min(0.97, 0.55 + 0.15 * margin)) * (chosen.match().variant() ? 0.8 : 1.0)
                * (i == 0 ? 1.0 : 0.8);
    }

    /** Whether another name of the article is the admin1 region this place lies in ("X in the Y region"). */
    private static boolean regionNamedByOther(PlaceGroup g, GazetteerEntry e, List<PlaceGroup> groups) {
        for (PlaceGroup o : groups) {
            if (o != g && o.choice != null && o.choice.isRegion() && !o.choice.admin1Code().isEmpty()
                    && o.choice.countryCode().equals(e.countryCode()) && o.choice.admin1Code().equals(e.admin1Code())) {
                return true;
            }
        }
        return false;
    }

    /** A region among the candidates answers to the name as its own and holds this town. */
    private static boolean regionUnderOwnNameAround(GazetteerEntry town, List<Gazetteer.Match> matches) {
        return matches.stream().anyMatch(m -> m.entry().isRegion() && m.primaryName()
                && m.entry().countryCode().equals(town.countryCode()) && m.entry().admin1Code().equals(town.admin1Code()));
    }

    /** A city of the same country answering to the name at least as properly ("Washington" is the capital, not the state). */
    private static boolean bigNamesakeTownInCountry(Gazetteer.Match regionMatch, List<Gazetteer.Match> matches) {
        GazetteerEntry region = regionMatch.entry();
        // A district named like a town of its region is the town's whatever the spelling ("Deir al-Balah"):
        // the gazetteer keeps districts only for names no town answers to exactly.
        return matches.stream().anyMatch(m -> m.entry().isPopulatedPlace()
                && (m.primaryName() || !regionMatch.primaryName() || region.isDistrict())
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
        // A district named like a town of its region is the town's whatever the spelling ("Deir al-Balah"):
        // the gazetteer keeps districts only for names no town answers to exactly.
        return matches.stream().anyMatch(m -> m.entry().isPopulatedPlace()
                && (m.primaryName() || !regionMatch.primaryName() || region.isDistrict())
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
    private static double neighbourBonus(PlaceGroup g, GazetteerEntry e, List<PlaceGroup> groups) {
        if (e.isCountry()) {
            return 0;
        }
        if (e.isRegion()) {
            return containsOtherPlace(g, e, groups) ? 2.5 : 0;
        }
        double bonus = 0;
        for (PlaceGroup o : groups) {
            if (o == g || o.choice == null || o.choice.isCountry() || o.datelineOnly
                    || o.choice.geonameId() == e.geonameId()) {
                continue;
            }
            double d = distanceKm(e, o.choice);
            double b = d <= 30 ? 2.5 : d <= 80 ? 2.0 : d <= 150 ? 1.5 : d <= 300 ? 0.75 : 0;
            if (g.sharesSentenceWith(o)) {
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
    private static boolean containsOtherPlace(PlaceGroup g, GazetteerEntry region, List<PlaceGroup> groups) {
        if (region.admin1Code().isEmpty()) {
            return false;
        }
        for (PlaceGroup o : groups) {
            if (o == g || o.choice == null || !o.choice.isPopulatedPlace() || o.datelineOnly
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

    /**
     * Distance that counts a place inside a region as next to it. A district shares its admin1 code with every
     * other district of the region, so for one the code says nothing: a town counts as inside it when it lies
     * within a district's reach of its centre ("Bato, Catanduanes" is the Bato of that island province, not the
     * bigger Bato of the next province of the same region).
     */
    static double distanceKm(GazetteerEntry place, GazetteerEntry other) {
        if (other.isRegion() && !other.isDistrict() && !other.admin1Code().isEmpty() && place.countryCode().equals(other.countryCode())
                && place.admin1Code().equals(other.admin1Code())) {
            return 0;
        }
        if (place.isRegion() && !place.isDistrict() && !place.admin1Code().isEmpty()
                && place.countryCode().equals(other.countryCode()) && place.admin1Code().equals(other.admin1Code())) {
            return 0;
        }
        double d = place.distanceKm(other);
        if (place.isDistrict() || other.isDistrict()) {
            return Math.max(0, d - DISTRICT_REACH_KM);
        }
        // a region's centre is not where its towns are: allow for its extent
        return other.isRegion() || place.isRegion() ? Math.max(0, d - 150) : d;
    }

    /** As {@link #tieAgrees(GazetteerEntry, GazetteerEntry)}; "X in Y County" placed at the town Y allows for the county's extent. */
    static boolean tieAgrees(GazetteerEntry e, PlaceGroup tie) {
        if (tie.candidates.regionPhrase() && tie.choice.isPopulatedPlace()) {
            return e.distanceKm(tie.choice) <= AREA_KM;
        }
        return tieAgrees(e, tie.choice);
    }

    static boolean tieAgrees(GazetteerEntry e, GazetteerEntry target) {
        if (target.isCountry()) {
            return e.countryCode().equals(target.countryCode());
        }
        if (target.isRegion() && !target.admin1Code().isEmpty()) {
            return e.countryCode().equals(target.countryCode()) && e.admin1Code().equals(target.admin1Code());
        }
        return e.distanceKm(target) <= (target.isRegion() ? 250 : TIE_KM);
    }

    // ---- plausibility -----------------------------------------------------------------------------------

    /**
     * A small namesake far from everything else the article names is worse than no answer, and so is
     * any namesake, however big, outside the place the sentence puts it in ("New York in eastern
     * Ukraine"): the best candidate that is plausible is taken, or none.
     */
    private void checkPlausible(PlaceGroup g, ArticleContext doc, List<PlaceGroup> groups) {
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

    /**
     * Whether a name the text gives a region's role reads as a region: one is called so, or no country is and a
     * district around a town of the name will do. "The border with Cameroon" is the country's, not the area
     * around a town Cameron; "the border with Georgia" in a Florida story is the state's.
     */
    private boolean regionOrNotCountry(String name) {
        List<Gazetteer.Match> asRegion = gazetteer.candidates(name + " region").matches();
        if (asRegion.isEmpty()) {
            return false;
        }
        return asRegion.stream().anyMatch(x -> x.entry().isRegion())
                || gazetteer.candidates(name).matches().stream().noneMatch(x -> x.entry().isCountry());
    }

    /** The article names admin1 regions of this place's country, and none of them holds it. */
    private static boolean outsideNamedRegions(GazetteerEntry e, ArticleContext doc) {
        boolean named = doc.regions.stream().anyMatch(r -> r.startsWith(e.countryCode() + "."));
        return named && !doc.regions.contains(e.countryCode() + "." + e.admin1Code());
    }

    private boolean plausible(PlaceGroup g, GazetteerEntry e, ArticleContext doc, List<PlaceGroup> groups) {
        if (g.tiedFirmly() && !e.isCountry()) {
            return tieAgrees(e, g.tie());
        }
        if (g.candidates.regionPhrase() && e.isPopulatedPlace() && outsideNamedRegions(e, doc)) {
            return false;    // "X County" in a Missouri story is not the area around a town X in another state
        }
        if (e.isCountry() || e.isRegion() || e.population() >= PROMINENT_POPULATION) {
            return true;
        }
        if (g.tie() != null) {
            return tieAgrees(e, g.tie());     // the text puts it elsewhere: placed near its tie, or left open
        }
        if (regionNamedByOther(g, e, groups)) {
            return true;
        }
        double nearest = Double.POSITIVE_INFINITY;
        boolean anchored = false;
        Set<String> anchorCountries = new HashSet<>();
        for (PlaceGroup o : groups) {
            if (o == g || o.choice == null || o.choice.isCountry() || !o.isAnchor()) {
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
        if (!anchored && doc.hasFocus() && doc.countryWeight(e.countryCode()) == 0 && (g.exactCount() > 1 || variant)) {
            return false;    // an article about other countries: a village abroad is one of many namesakes, or a loose spelling
        }
        return !(variant && !anchored && !doc.hasFocus());    // a loose spelling match with nothing to confirm it
    }
}
