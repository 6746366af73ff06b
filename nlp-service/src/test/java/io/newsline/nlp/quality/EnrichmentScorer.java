package io.newsline.nlp.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * The enrichment scorer of {@code ../shared/tools/eval_enrichment.py}, in Java, so that a test of the
 * build computes the same figures the team measures with: places matched by name (strict, then
 * without level words, then by whole words), geocoding within 25 km (100 km for regions, the country
 * for countries), persons and organisations by names that contain one another, gold events matched by
 * date and place (a name, 50 km, or the country), their tolls, and event precision as a one-to-one
 * matching of emitted events to gold events. Every rule follows the script; where it is odd, so is this.
 */
public final class EnrichmentScorer {

    private static final Pattern COMBINING = Pattern.compile("\\p{Mn}+");
    private static final Pattern THE = Pattern.compile("\\bthe\\b", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NON_WORD = Pattern.compile("[^\\w']+|_", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LEVEL_WORDS = Pattern.compile("\\b(oblast|region|province|city of|raion)\\b",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Set<String> SETTLEMENT_KINDS = Set.of("city", "town", "village");
    private static final List<String> TOLLS = List.of("killed", "injured", "casualties");

    private final int[] loc = new int[3];
    private final int[] per = new int[3];
    private final int[] org = new int[3];
    private final int[] geo = new int[2];
    private final int[] ev = new int[2];
    private final int[] cas = new int[2];
    private int sysEvents;
    private int evp;
    private final Map<String, List<String>> differences = new LinkedHashMap<>();

    /** Scores one article's enrichment against its gold (the {@code gold} object of the gold file). */
    public void add(String articleId, JsonNode gold, JsonNode out) {
        List<String> miss = new ArrayList<>();
        scorePlaces(gold, out, miss);
        scoreNames(gold, out, miss);
        scoreEvents(gold, out, miss);
        differences.put(articleId, miss);
    }

    /** The summary figures, rounded as the script prints them; {@code casualties} only when there was a count. */
    public Map<String, Double> figures() {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("loc_f1", round(f1(loc)));
        f.put("geo25", round(geo[1] == 0 ? 0.0 : (double) geo[0] / geo[1]));
        f.put("per_f1", round(f1(per)));
        f.put("org_f1", round(f1(org)));
        f.put("event_recall", round(ev[1] == 0 ? 0.0 : (double) ev[0] / ev[1]));
        f.put("event_precision", round(sysEvents == 0 ? 0.0 : (double) evp / sysEvents));
        if (cas[1] > 0) {
            f.put("casualties", round((double) cas[0] / cas[1]));
        }
        return f;
    }

    /** Every miss and false hit, per article, as {@code -v} lists them. */
    public Map<String, List<String>> differences() {
        return differences;
    }

    // ---- places ----

    private void scorePlaces(JsonNode gold, JsonNode out, List<String> miss) {
        List<GoldPlace> places = new ArrayList<>();
        for (JsonNode g : gold.path("locations")) {
            String key = normStrict(text(g.get("geonamesName")) != null ? text(g.get("geonamesName")) : text(g.get("name")))
                    + "|" + text(g.get("country"));
            GoldPlace same = places.stream().filter(p -> p.key.equals(key)).findFirst().orElse(null);
            if (same != null) {
                same.names.add(text(g.get("name")));
            } else {
                GoldPlace p = new GoldPlace(key, g);
                p.names.add(text(g.get("name")));
                p.names.add(text(g.get("geonamesName")));
                places.add(p);
                same = p;
            }
            for (JsonNode form : g.path("forms")) {
                same.names.add(text(form));
            }
        }
        List<JsonNode> slocs = objects(out.path("locations"));
        Set<Integer> used = new HashSet<>();
        Map<Integer, Integer> match = new HashMap<>();
        List<BiPredicate<String, String>> passes = List.of(
                (a, b) -> !normStrict(a).isEmpty() && normStrict(a).equals(normStrict(b)),
                (a, b) -> !norm(a).isEmpty() && norm(a).equals(norm(b)),
                EnrichmentScorer::namesMatch);
        for (BiPredicate<String, String> f : passes) {
            for (int pi = 0; pi < places.size(); pi++) {
                if (match.containsKey(pi)) {
                    continue;
                }
                GoldPlace p = places.get(pi);
                int hit = -1;
                int bestFit = Integer.MIN_VALUE;
                for (int i = 0; i < slocs.size(); i++) {
                    if (used.contains(i) || !anyPair(p.names, sysLocNames(slocs.get(i)), f)) {
                        continue;
                    }
                    int fit = kindFit(p.gold, slocs.get(i));
                    if (fit > bestFit) {
                        bestFit = fit;
                        hit = i;
                    }
                }
                if (hit >= 0) {
                    match.put(pi, hit);
                    used.add(hit);
                }
            }
        }
        int tp = 0;
        for (int pi = 0; pi < places.size(); pi++) {
            JsonNode g = places.get(pi).gold;
            Integer hit = match.get(pi);
            if (hit == null) {
                miss.add("missed place: " + text(g.get("name")));
                continue;
            }
            tp++;
            JsonNode l = slocs.get(hit);
            double[] c = coords(l);
            boolean ok;
            String kind = text(g.get("kind"));
            if ("country".equals(kind)) {
                geo[1]++;
                String code = text(l.get("countryCode")) != null ? text(l.get("countryCode")) : text(l.get("country"));
                ok = (code == null ? "" : code.toUpperCase(Locale.ROOT)).equals(text(g.get("country")));
            } else if (isNull(g.get("lat"))) {
                continue;
            } else if (c == null) {
                geo[1]++;
                ok = g.path("approximate").asBoolean(false);
            } else {
                geo[1]++;
                double d = km(g.get("lat").asDouble(), g.get("lon").asDouble(), c[0], c[1]);
                ok = d <= (SETTLEMENT_KINDS.contains(kind) ? 25 : 100);
                if (!ok) {
                    miss.add(String.format(Locale.ROOT, "misplaced: %s -> %s (%.2f,%.2f) %.0f km off", text(g.get("name")),
                            text(l.get("name")), c[0], c[1], d));
                }
            }
            if (ok) {
                geo[0]++;
            }
        }
        List<String> orgNames = new ArrayList<>();
        for (JsonNode o : gold.path("organizations")) {
            orgNames.addAll(goldNames(o));
        }
        int fp = 0;
        for (int i = 0; i < slocs.size(); i++) {
            if (!used.contains(i) && !anyPair(orgNames, sysLocNames(slocs.get(i)), EnrichmentScorer::namesMatch)) {
                fp++;
                miss.add("extra place: " + text(slocs.get(i).get("name")));
            }
        }
        loc[0] += tp;
        loc[1] += fp;
        loc[2] += places.size() - tp;
    }

    private static final class GoldPlace {
        final String key;
        final JsonNode gold;
        final List<String> names = new ArrayList<>();

        GoldPlace(String key, JsonNode gold) {
            this.key = key;
            this.gold = gold;
        }
    }

    // ---- persons and organisations ----

    private void scoreNames(JsonNode gold, JsonNode out, List<String> miss) {
        List<JsonNode> ents = objects(out.path("entities"));
        scoreNames("PERSON", gold.path("persons"), ents, per, miss);
        scoreNames("ORGANIZATION", gold.path("organizations"), ents, org, miss);
    }

    private static void scoreNames(String typ, JsonNode goldList, List<JsonNode> ents, int[] totals, List<String> miss) {
        Set<String> types = new HashSet<>(List.of(typ, typ.substring(0, 3), typ.equals("ORGANIZATION") ? "ORG" : typ));
        List<String> sn = new ArrayList<>();
        for (JsonNode e : ents) {
            String type = text(e.get("type"));
            if (types.contains(type == null ? "" : type.toUpperCase(Locale.ROOT)) && e.path("text").isTextual()) {
                String t = e.get("text").asText();
                if (sn.stream().noneMatch(s -> namesMatch(t, s))) {
                    sn.add(t);
                }
            }
        }
        Set<Integer> usedn = new HashSet<>();
        int tpn = 0;
        int goldCount = 0;
        for (JsonNode g : goldList) {
            goldCount++;
            List<String> gnames = goldNames(g);
            int hit = -1;
            for (int i = 0; i < sn.size() && hit < 0; i++) {
                if (!usedn.contains(i) && anyPair(gnames, List.of(sn.get(i)), EnrichmentScorer::namesMatch)) {
                    hit = i;
                }
            }
            if (hit < 0) {
                miss.add("missed " + typ.toLowerCase(Locale.ROOT) + ": " + (gnames.isEmpty() ? null : gnames.get(0)));
            } else {
                usedn.add(hit);
                tpn++;
            }
        }
        for (int i = 0; i < sn.size(); i++) {
            if (!usedn.contains(i)) {
                miss.add("extra " + typ.toLowerCase(Locale.ROOT) + ": " + sn.get(i));
            }
        }
        totals[0] += tpn;
        totals[1] += sn.size() - usedn.size();
        totals[2] += goldCount - tpn;
    }

    // ---- events ----

    private void scoreEvents(JsonNode gold, JsonNode out, List<String> miss) {
        List<JsonNode> sev = objects(out.path("events"));
        sysEvents += sev.size();
        List<JsonNode> gevents = new ArrayList<>();
        for (JsonNode g : gold.path("events")) {
            if (!isNull(g.get("date")) && !g.get("date").asText().isEmpty()) {
                gevents.add(g);
            }
        }
        for (JsonNode g : gevents) {
            ev[1]++;
            JsonNode found = null;
            int bestAgree = -1;
            for (JsonNode e : sev) {
                if (eventMatches(gold, g, e)) {
                    int agree = 0;
                    for (String k : TOLLS) {
                        if (!isNull(g.get(k)) && sameNumber(e.get(k), g.get(k))) {
                            agree++;
                        }
                    }
                    if (agree > bestAgree) {
                        bestAgree = agree;
                        found = e;
                    }
                }
            }
            if (found == null) {
                miss.add("missed event: " + g.get("date").asText() + " " + text(g.get("place")) + " " + text(g.get("type")));
                continue;
            }
            ev[0]++;
            for (String k : TOLLS) {
                if (!isNull(g.get(k))) {
                    cas[1]++;
                    if (sameNumber(found.get(k), g.get(k))) {
                        cas[0]++;
                    } else {
                        miss.add(k + ": " + found.get(k) + " != " + g.get(k) + " (" + g.get("date").asText() + " "
                                + text(g.get("place")) + ")");
                    }
                }
            }
        }
        List<List<Integer>> adj = new ArrayList<>();
        for (JsonNode e : sev) {
            List<Integer> a = new ArrayList<>();
            for (int i = 0; i < gevents.size(); i++) {
                if (eventMatches(gold, gevents.get(i), e)) {
                    a.add(i);
                }
            }
            adj.add(a);
        }
        Map<Integer, Integer> owner = new HashMap<>();
        for (int j = 0; j < sev.size(); j++) {
            augment(j, new HashSet<>(), adj, owner);
        }
        Set<Integer> matched = new HashSet<>(owner.values());
        evp += matched.size();
        for (int j = 0; j < sev.size(); j++) {
            if (!matched.contains(j)) {
                JsonNode e = sev.get(j);
                JsonNode el = e.get("location");
                miss.add("extra event" + (adj.get(j).isEmpty() ? "" : " (same happening again)") + ": " + text(e.get("date"))
                        + " " + (el != null && el.isObject() ? text(el.get("name")) : text(el)) + " " + text(e.get("type")));
            }
        }
    }

    /** One step of a maximum one-to-one matching of emitted events to gold events (augmenting paths). */
    private static boolean augment(int j, Set<Integer> seen, List<List<Integer>> adj, Map<Integer, Integer> owner) {
        for (int i : adj.get(j)) {
            if (!seen.add(i)) {
                continue;
            }
            if (!owner.containsKey(i) || augment(owner.get(i), seen, adj, owner)) {
                owner.put(i, j);
                return true;
            }
        }
        return false;
    }

    private static boolean eventMatches(JsonNode gold, JsonNode g, JsonNode e) {
        List<String> gdates = new ArrayList<>();
        gdates.add(g.get("date").asText());
        for (JsonNode d : g.path("acceptableDates")) {
            gdates.add(d.asText());
        }
        String d = text(e.get("date")) != null && !text(e.get("date")).isEmpty() ? text(e.get("date"))
                : text(e.get("eventDate")) != null ? text(e.get("eventDate")) : "";
        boolean month = "month".equals(text(g.get("datePrecision")));
        boolean dateOk = false;
        for (String gd : gdates) {
            if (d.startsWith(gd) || month && prefix(d, 7).equals(prefix(gd, 7))) {
                dateOk = true;
            }
        }
        if (!dateOk) {
            return false;
        }
        if (isNull(g.get("place"))) {
            return true;
        }
        JsonNode el = e.get("location");
        if (el == null || el.isNull()) {
            el = JsonNodeFactory.instance.objectNode();
        } else if (el.isTextual()) {
            ObjectNode named = JsonNodeFactory.instance.objectNode();
            named.put("name", el.asText());
            el = named;
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(g.get("place").asText());
        for (JsonNode p : g.path("acceptablePlaces")) {
            candidates.add(p.asText());
        }
        for (String place : candidates) {
            JsonNode gloc = null;
            for (JsonNode l : gold.path("locations")) {
                if (norm(text(l.get("name"))).equals(norm(place)) || norm(text(l.get("geonamesName"))).equals(norm(place))) {
                    gloc = l;
                    break;
                }
            }
            String code = text(el.get("countryCode")) != null && !text(el.get("countryCode")).isEmpty()
                    ? text(el.get("countryCode")) : text(el.get("country"));
            if (gloc != null && "country".equals(text(gloc.get("kind")))
                    && (code == null ? "" : code.toUpperCase(Locale.ROOT)).equals(text(gloc.get("country")))) {
                return true;
            }
            double[] c = coords(el);
            if (gloc != null && (locMatches(gloc, el) || c != null && !"country".equals(text(gloc.get("kind")))
                    && !isNull(gloc.get("lat")) && km(gloc.get("lat").asDouble(), gloc.get("lon").asDouble(), c[0], c[1]) <= 50)) {
                return true;
            }
            if (norm(text(el.get("name"))).equals(norm(place))) {
                return true;
            }
        }
        return false;
    }

    // ---- the script's helpers ----

    static String normStrict(String s) {
        if (s == null) {
            return "";
        }
        String t = COMBINING.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        t = t.toLowerCase(Locale.ROOT).replace('’', '\'').replace('‘', '\'');
        t = THE.matcher(t).replaceAll(" ");
        t = NON_WORD.matcher(t).replaceAll(" ");
        return String.join(" ", t.trim().split("\\s+")).trim();
    }

    /** The loose form: also without the words that name an administrative level. */
    static String norm(String s) {
        String t = LEVEL_WORDS.matcher(normStrict(s)).replaceAll(" ").trim();
        return t.isEmpty() ? "" : String.join(" ", t.split("\\s+"));
    }

    static boolean namesMatch(String a, String b) {
        String na = norm(a);
        String nb = norm(b);
        if (na.isEmpty() || nb.isEmpty()) {
            return false;
        }
        if (na.equals(nb)) {
            return true;
        }
        String[] wa = na.split(" ");
        String[] wb = nb.split(" ");
        String[] shorter = wa.length <= wb.length ? wa : wb;
        String[] longer = wa.length <= wb.length ? wb : wa;
        for (int i = 0; i + shorter.length <= longer.length; i++) {
            boolean all = true;
            for (int k = 0; k < shorter.length && all; k++) {
                all = longer[i + k].equals(shorter[k]);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static List<String> sysLocNames(JsonNode loc) {
        List<String> out = new ArrayList<>();
        out.add(text(loc.get("name")));
        for (String k : List.of("matchedText", "mentions", "surfaceForms", "aliases")) {
            JsonNode v = loc.get(k);
            if (v != null && v.isArray()) {
                for (JsonNode m : v) {
                    out.add(m.isObject() ? text(m.get("text")) : text(m));
                }
            } else if (v != null && v.isTextual()) {
                out.add(v.asText());
            }
        }
        out.removeIf(n -> n == null || n.isEmpty());
        return out;
    }

    /** How well a system place's level fits the gold kind: 2 same level, 1 unknown, 0 another level. */
    private static int kindFit(JsonNode g, JsonNode loc) {
        String prec = text(loc.get("precision")) == null ? "" : text(loc.get("precision")).toLowerCase(Locale.ROOT);
        String fc = text(loc.get("featureCode")) == null ? "" : text(loc.get("featureCode")).toUpperCase(Locale.ROOT);
        String level;
        if (prec.equals("country") || fc.startsWith("PCL")) {
            level = "country";
        } else if (prec.equals("region") || fc.startsWith("ADM")) {
            level = "region";
        } else if (prec.equals("exact") || prec.equals("near") || fc.startsWith("PPL")) {
            level = "place";
        } else {
            return 1;
        }
        String kind = text(g.get("kind"));
        String want = "country".equals(kind) ? "country" : "region".equals(kind) ? "region"
                : SETTLEMENT_KINDS.contains(kind) ? "place" : null;
        return want == null ? 1 : want.equals(level) ? 2 : 0;
    }

    private static boolean locMatches(JsonNode g, JsonNode loc) {
        List<String> gn = new ArrayList<>();
        gn.add(text(g.get("name")));
        gn.add(text(g.get("geonamesName")));
        for (JsonNode f : g.path("forms")) {
            gn.add(text(f));
        }
        return anyPair(gn, sysLocNames(loc), (a, b) -> norm(a).equals(norm(b)));
    }

    private static boolean anyPair(List<String> as, List<String> bs, BiPredicate<String, String> f) {
        for (String a : as) {
            if (a == null || a.isEmpty()) {
                continue;
            }
            for (String b : bs) {
                if (b != null && !b.isEmpty() && f.test(a, b)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> goldNames(JsonNode g) {
        List<String> names = new ArrayList<>();
        if (g.isTextual()) {
            names.add(g.asText());
        } else {
            names.add(text(g.get("name")));
            for (JsonNode f : g.path("forms")) {
                names.add(text(f));
            }
        }
        names.removeIf(n -> n == null || n.isEmpty());
        return names;
    }

    private static double[] coords(JsonNode loc) {
        JsonNode lat = loc.has("lat") ? loc.get("lat") : loc.get("latitude");
        JsonNode lon = loc.has("lon") ? loc.get("lon") : loc.get("longitude");
        if (lat == null || lon == null || !lat.isNumber() && !lat.isTextual() || !lon.isNumber() && !lon.isTextual()) {
            return null;
        }
        try {
            return new double[] {Double.parseDouble(lat.asText()), Double.parseDouble(lon.asText())};
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static double km(double aLat, double aLon, double bLat, double bLon) {
        double p1 = Math.toRadians(aLat);
        double p2 = Math.toRadians(bLat);
        double dp = p2 - p1;
        double dl = Math.toRadians(bLon - aLon);
        double h = Math.pow(Math.sin(dp / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.sqrt(Math.min(1.0, h)));
    }

    private static boolean sameNumber(JsonNode a, JsonNode b) {
        return a != null && b != null && a.isNumber() && b.isNumber() && a.asDouble() == b.asDouble();
    }

    private static List<JsonNode> objects(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (n.isObject()) {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean isNull(JsonNode n) {
        return n == null || n.isNull();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String prefix(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    private static double f1(int[] t) {
        double p = t[0] + t[1] == 0 ? 0 : (double) t[0] / (t[0] + t[1]);
        double r = t[0] + t[2] == 0 ? 0 : (double) t[0] / (t[0] + t[2]);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Two decimals, rounding the exact binary value half to even as Python's format does. */
    public static double round(double v) {
        return new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }
}
