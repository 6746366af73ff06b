package io.newsline.nlp.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * In-process gazetteer: GeoNames places, regions and countries bundled as a derived resource, a small
 * hand-written list of regions GeoNames' admin1 file lacks (Donbas), and an operator overlay read at
 * start. Name lookups ignore case, diacritics, apostrophes and common transliteration variants.
 * Immutable once loaded, so one instance serves every thread.
 */
public final class Gazetteer {
    static final String BUNDLED = "/gazetteer/geonames.tsv.gz";
    static final String BUNDLED_REGIONS = "/gazetteer/regions.tsv";
    static final String DEMONYMS = "/gazetteer/demonyms.tsv";

    /** Words that name an administrative level after (or, with "of", before) a place name. */
    static final Set<String> LEVEL_WORDS = Set.of("region", "regions", "oblast", "oblasts", "province", "governorate",
            "krai", "kray", "state", "county", "prefecture", "voivodeship", "district", "raion", "rayon", "area",
            "territory", "republic", "municipality", "city", "okrug", "canton", "department", "regency", "community",
            "communities", "hromada", "agglomeration", "conurbation", "commune", "parish", "lga", "tehsil", "taluka",
            "upazila", "districts", "provinces", "counties", "raions", "rayons", "regencies", "governorates");
    /**
     * Level words that may also mean "the surroundings of a town" when no region has that name: districts
     * and counties are often named after their seat ("Bakhmut district", "Los Angeles County"), as are
     * Indonesia's regencies and South Asia's sub-districts ("Garut regency", "Mandi tehsil"), and Ukraine's
     * communities after their centre ("the Nedryhailiv community").
     */
    private static final Set<String> AREA_WORDS = Set.of("region", "district", "raion", "rayon", "area",
            "municipality", "county", "community", "hromada", "agglomeration", "conurbation", "commune", "lga",
            "regency", "tehsil", "taluka", "upazila");

    /** Level words of divisions below the first level: "X county, Y" ties X to the region Y rather than listing both. */
    private static final Set<String> LOCAL_LEVEL_WORDS = Set.of("district", "raion", "rayon", "area", "municipality",
            "county", "community", "hromada", "commune", "parish", "lga", "regency", "tehsil", "taluka", "upazila");

    /** A town this size may have named the county around it ("San Diego County"). */
    private static final long COUNTY_TOWN = 100_000;

    private final List<GazetteerEntry> entries;
    private final String[] names;            // every name of entry i, '|'-separated, for confirming loose matches
    private final long[] exactIndex;         // (hash of folded name << 20 | entry), sorted
    private final long[] variantIndex;       // the same over NameKey.variantKey
    private final Map<String, String> regionNames;
    private final Map<String, GazetteerEntry> regionsByCode;
    private final Map<String, GazetteerEntry> countriesByCode;
    private final Map<String, String> demonyms;

    private static final int ENTRY_BITS = 20;
    private static final long ENTRY_MASK = (1L << ENTRY_BITS) - 1;

    /** How a candidate matched a surface name; the geocoder trusts loose matches less. */
    record Match(GazetteerEntry entry, boolean variant, boolean primaryName) {}

    /**
     * A surface name taken apart: the bare name and the level word news put around it
     * ("the Kharkiv region" -> "Kharkiv", "region"), and the candidates for it.
     */
    record Candidates(String surface, String bareName, String levelWord, List<Match> matches) {
        boolean regionPhrase() {
            return levelWord != null && !levelWord.equals("city");
        }

        /** "X county", "X district": a division below the first level, which lies inside a region. */
        boolean localArea() {
            return levelWord != null && LOCAL_LEVEL_WORDS.contains(levelWord);
        }
    }

    private Gazetteer(Builder b) {
        this.entries = List.copyOf(b.entries);
        this.names = b.names.toArray(new String[0]);
        this.regionNames = Map.copyOf(b.regionNames);
        this.regionsByCode = Map.copyOf(b.regionsByCode);
        this.countriesByCode = Map.copyOf(b.countriesByCode);
        this.demonyms = Map.copyOf(b.demonyms);
        long[] exact = new long[b.keyCount];
        long[] variant = new long[b.keyCount];
        int ne = 0;
        int nv = 0;
        for (int i = 0; i < names.length; i++) {
            Set<String> seenExact = new LinkedHashSet<>();
            for (String n : split(names[i])) {
                String key = NameKey.fold(n);
                if (key.isEmpty() || !seenExact.add(key)) {
                    continue;
                }
                if (ne == exact.length) {
                    exact = Arrays.copyOf(exact, ne * 2);
                    variant = Arrays.copyOf(variant, ne * 2);
                }
                exact[ne++] = pack(key, i);
                String v = NameKey.variantKey(key);
                if (v != null) {
                    variant[nv++] = pack(v, i);
                }
            }
        }
        this.exactIndex = Arrays.copyOf(exact, ne);
        this.variantIndex = Arrays.copyOf(variant, nv);
        Arrays.sort(exactIndex);
        Arrays.sort(variantIndex);
    }

    /** Bundled data plus the operator overlay when one is given. */
    public static Gazetteer loadBundled(Optional<Path> overlay) {
        Builder b = new Builder();
        try (InputStream in = resource(BUNDLED)) {
            b.readGeoNames(new BufferedReader(new InputStreamReader(new GZIPInputStream(in, 1 << 16),
                    StandardCharsets.UTF_8), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled gazetteer " + BUNDLED, e);
        }
        try (InputStream in = resource(BUNDLED_REGIONS)) {
            b.readOverlay(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), BUNDLED_REGIONS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED_REGIONS, e);
        }
        try (InputStream in = resource(DEMONYMS)) {
            b.readDemonyms(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEMONYMS, e);
        }
        if (overlay.isPresent()) {
            try (BufferedReader r = Files.newBufferedReader(overlay.get(), StandardCharsets.UTF_8)) {
                b.readOverlay(r, overlay.get().toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the gazetteer overlay " + overlay.get(), e);
            }
        }
        return new Gazetteer(b);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = Gazetteer.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("missing resource " + name);
        }
        return in;
    }

    /** All candidates for a surface name: exact spellings first, then transliteration variants, most populous first. */
    public List<GazetteerEntry> lookup(String name) {
        return candidates(name).matches().stream().map(Match::entry).toList();
    }

    /**
     * Whether the name (possibly with a level word: "Sumy Oblast") is spelled like a place. Variants
     * are not tried, and a name without a capital letter is never a place, so common words stay words.
     */
    public boolean isPlaceName(String name) {
        if (name == null || name.chars().noneMatch(Character::isUpperCase)) {
            return false;
        }
        return candidates(name).matches().stream().anyMatch(m -> !m.variant());
    }

    /**
     * Like {@link #isPlaceName(String)}, but only for places of at least this population (regions and
     * countries count their people): many villages are named like common words ("Police", "Best"),
     * so a recogniser fix that turns a word into a place can ask for a sizeable one.
     */
    public boolean isPlaceName(String name, long minPopulation) {
        if (name == null || name.chars().noneMatch(Character::isUpperCase)) {
            return false;
        }
        return candidates(name).matches().stream()
                .anyMatch(m -> !m.variant() && (m.entry().isOverlay()
                        || !m.entry().isDistrict() && m.entry().population() >= minPopulation));
    }

    /** "Ukrainian" -> "UA"; the caller decides whether the word stands for a place in its sentence. */
    public Optional<String> demonymCountry(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String key = NameKey.plainWords(word);
        String cc = demonyms.get(key);
        if (cc == null && key.endsWith("s")) {
            cc = demonyms.get(key.substring(0, key.length() - 1));    // "Ukrainians"
        }
        return Optional.ofNullable(cc);
    }

    public int size() {
        return entries.size();
    }

    public Optional<GazetteerEntry> country(String countryCode) {
        return Optional.ofNullable(countriesByCode.get(countryCode));
    }

    public Optional<GazetteerEntry> region(String countryCode, String admin1Code) {
        return Optional.ofNullable(regionsByCode.get(countryCode + "." + admin1Code));
    }

    /** The surface name taken apart, with every candidate. */
    Candidates candidates(String surface) {
        String plain = NameKey.plainWords(surface == null ? "" : surface);
        if (plain.isEmpty()) {
            return new Candidates(surface, "", null, List.of());
        }
        // "Wase Local Government Area", Nigeria's districts: the level is the area
        plain = plain.replace(" local government area", " area");
        String[] words = plain.split(" ");
        String level = null;
        String bare = plain;
        if (words.length >= 2 && LEVEL_WORDS.contains(words[words.length - 1])) {
            level = words[words.length - 1];
            bare = String.join(" ", Arrays.copyOf(words, words.length - 1));
        } else if (words.length >= 3 && LEVEL_WORDS.contains(words[0]) && words[1].equals("of")) {
            level = words[0];
            bare = String.join(" ", Arrays.copyOfRange(words, 2, words.length));
        }
        // A name that carries its level word as part of it ("Kyiv City", "Mexico City", "Belgorod Oblast",
        // "Dominican Republic") is taken whole.
        List<Match> whole = find(NameKey.fold(plain), level == null);
        if (whole.isEmpty() && words.length >= 2 && (plain.endsWith(" islands") || plain.endsWith(" island"))) {
            // "the Fiji Islands": an island country under its islands' name
            String country = plain.substring(0, plain.lastIndexOf(' '));
            whole = find(NameKey.fold(country), false).stream().filter(m -> m.entry().isCountry()).toList();
        }
        if (level == null || !whole.isEmpty()) {
            return new Candidates(surface, plain, null, whole);
        }
        String levelWord = switch (level) {
            case "regions" -> "region";
            case "oblasts" -> "oblast";
            case "communities" -> "community";
            // "Swat and Shangla districts": the level word of a list, plural, names the last one's level too
            case "districts" -> "district";
            case "provinces" -> "province";
            case "counties" -> "county";
            case "raions" -> "raion";
            case "rayons" -> "rayon";
            case "regencies" -> "regency";
            case "governorates" -> "governorate";
            default -> level;
        };
        List<Match> found = new ArrayList<>();
        if (levelWord.equals("city")) {
            for (Match m : find(NameKey.fold(bare), true)) {
                if (m.entry().isPopulatedPlace()) {
                    found.add(m);
                }
            }
        } else {
            for (String form : regionForms(NameKey.fold(bare))) {
                for (Match m : find(form, true)) {
                    if (m.entry().isRegion()) {
                        found.add(m);
                    }
                }
                if (!found.isEmpty()) {
                    break;
                }
            }
            if (found.isEmpty() && AREA_WORDS.contains(levelWord)) {
                // "the Kupiansk district": the area around a town the data has, when no region is called so.
                // Counties are often named after people ("Jackson County"): only a city gives its name to one.
                long floor = levelWord.equals("county") ? COUNTY_TOWN : 0;
                for (Match m : find(NameKey.fold(bare), false)) {
                    if (m.entry().isPopulatedPlace() && m.entry().population() >= floor) {
                        found.add(m);
                    }
                }
            }
        }
        return new Candidates(surface, bare, levelWord, found);
    }

    /** The bare name and its adjectival forms: Kharkivska / Belgorodskaya oblast -> Kharkiv / Belgorod. */
    private static List<String> regionForms(String folded) {
        List<String> forms = new ArrayList<>();
        forms.add(folded);
        for (String suffix : new String[] {"skaia", "ska", "aia", "a"}) {
            if (folded.endsWith(suffix) && folded.length() - suffix.length() >= 3) {
                forms.add(folded.substring(0, folded.length() - suffix.length()));
            }
        }
        return forms;
    }

    /** Exact (folded) matches, or when there are none and allowed, confirmed transliteration variants. */
    private List<Match> find(String key, boolean variants) {
        List<Match> out = new ArrayList<>();
        if (key.isEmpty()) {
            return out;
        }
        for (int i : postings(exactIndex, key)) {
            GazetteerEntry e = entries.get(i);
            boolean confirmed = false;
            for (String n : split(names[i])) {
                if (NameKey.fold(n).equals(key)) {
                    confirmed = true;
                    break;
                }
            }
            if (confirmed) {
                out.add(new Match(e, false, NameKey.fold(e.name()).equals(key)
                        || NameKey.fold(bareRegionName(e.name())).equals(key)));
            }
        }
        if (out.isEmpty() && variants && key.length() >= 5) {
            String v = NameKey.variantKey(key);
            if (v != null) {
                int max = Math.max(1, key.length() / 4);
                for (int i : postings(variantIndex, v)) {
                    for (String n : split(names[i])) {
                        String k = NameKey.fold(n);
                        if (k.length() >= 4 && NameKey.editDistance(k, key, max) <= max) {
                            out.add(new Match(entries.get(i), true, false));
                            break;
                        }
                    }
                }
            }
        }
        out.sort(Comparator.comparingLong((Match m) -> -m.entry().population()));
        return out;
    }

    private static String bareRegionName(String name) {
        String[] w = name.split(" ");
        String last = w.length >= 2 ? NameKey.plainWords(w[w.length - 1]) : "";
        // "Kyiv City" stays whole: it is the capital's own region, not what "Kyiv oblast" means
        if (LEVEL_WORDS.contains(last) && !last.equals("city")) {
            return String.join(" ", Arrays.copyOf(w, w.length - 1));
        }
        return name;
    }

    private int[] postings(long[] index, String key) {
        long h = hash(key) << ENTRY_BITS;
        int lo = Arrays.binarySearch(index, h);
        if (lo < 0) {
            lo = -lo - 1;
        }
        int hi = lo;
        while (hi < index.length && (index[hi] & ~ENTRY_MASK) == h) {
            hi++;
        }
        int[] out = new int[hi - lo];
        for (int j = lo; j < hi; j++) {
            out[j - lo] = (int) (index[j] & ENTRY_MASK);
        }
        return out;
    }

    private static long pack(String key, int entry) {
        return (hash(key) << ENTRY_BITS) | entry;
    }

    /** 43 bits of a 64-bit FNV-1a hash, positive once shifted; collisions are caught by confirming the name. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return (h >>> 21);
    }

    private static List<String> split(String joined) {
        List<String> out = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= joined.length(); i++) {
            if (i == joined.length() || joined.charAt(i) == '|') {
                if (i > start) {
                    out.add(joined.substring(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    String admin1Name(String countryCode, String admin1Code) {
        return regionNames.get(countryCode + "." + admin1Code);
    }

    /** Collects entries while the files are read; the index is built once at the end. */
    private static final class Builder {
        final List<GazetteerEntry> entries = new ArrayList<>(210_000);
        final List<String> names = new ArrayList<>(210_000);
        final Map<String, String> regionNames = new HashMap<>();
        final Map<String, GazetteerEntry> regionsByCode = new HashMap<>();
        final Map<String, GazetteerEntry> countriesByCode = new HashMap<>();
        final Map<String, String> demonyms = new HashMap<>();
        int keyCount = 16;
        long nextOverlayId = -1;

        void readGeoNames(BufferedReader r) throws IOException {
            List<String[]> rows = new ArrayList<>(210_000);
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.charAt(0) == '#') {
                    continue;
                }
                String[] f = fields(line, 9);
                rows.add(f);
                if ("ADM1".equals(f[6])) {
                    regionNames.put(f[4] + "." + f[5], f[1]);
                }
            }
            // Regions come after places in the file; names are resolved once all are known.
            for (String[] f : rows) {
                add(Long.parseLong(f[0]), f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]), f[4], f[5], f[6],
                        Long.parseLong(f[7]), f[8]);
            }
        }

        void readOverlay(BufferedReader r, String source) throws IOException {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("name\t")) {
                    continue;
                }
                String[] f = fields(line, 9);
                try {
                    String cc = f[4].trim().toUpperCase();
                    String admin1 = admin1Code(cc, f[5].trim());
                    String code = f[6].isBlank() ? "PPL" : f[6].trim().toUpperCase();
                    long pop = f[7].isBlank() ? 0 : Long.parseLong(f[7].trim());
                    long id = f[8] == null || f[8].isBlank() ? nextOverlayId-- : Long.parseLong(f[8].trim());
                    add(id, f[0].trim(), Double.parseDouble(f[2].trim()), Double.parseDouble(f[3].trim()), cc, admin1,
                            code, pop, f[1] == null ? "" : f[1].trim());
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(source + " line " + lineNo + ": expected name, alternate names,"
                            + " lat, lon, country, admin1, feature code, population [, geonameId]: " + e.getMessage(), e);
                }
            }
        }

        /** An overlay may name its admin1 region by code ("07") or by name ("Kharkiv"). */
        private String admin1Code(String cc, String given) {
            if (given.isEmpty() || regionNames.containsKey(cc + "." + given)) {
                return given;
            }
            String folded = NameKey.fold(given);
            for (Map.Entry<String, String> e : regionNames.entrySet()) {
                if (e.getKey().startsWith(cc + ".") && (NameKey.fold(e.getValue()).equals(folded)
                        || NameKey.fold(bareRegionName(e.getValue())).equals(folded))) {
                    return e.getKey().substring(cc.length() + 1);
                }
            }
            return given;
        }

        void readDemonyms(BufferedReader r) throws IOException {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = fields(line, 2);
                for (String word : f[0].split("\\|")) {
                    demonyms.put(NameKey.plainWords(word), f[1].trim());
                }
            }
        }

        private void add(long id, String name, double lat, double lon, String cc, String admin1, String code,
                long pop, String alts) {
            if (entries.size() > ENTRY_MASK) {
                throw new IllegalStateException("more than " + ENTRY_MASK + " gazetteer entries");
            }
            GazetteerEntry e = new GazetteerEntry(id, name, lat, lon, cc, admin1,
                    admin1.isEmpty() ? null : regionNames.get(cc + "." + admin1), code, pop);
            entries.add(e);
            String all = alts.isEmpty() ? name : name + "|" + alts;
            names.add(all);
            keyCount += 1 + countBars(alts);
            if (code.equals("ADM1")) {
                regionsByCode.put(cc + "." + admin1, e);
            } else if (e.isCountry()) {
                countriesByCode.putIfAbsent(cc, e);
            }
        }

        private static int countBars(String s) {
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) == '|') {
                    n++;
                }
            }
            return n;
        }

        private static String[] fields(String line, int count) {
            String[] f = new String[count];
            int start = 0;
            for (int i = 0; i < count; i++) {
                int tab = line.indexOf('\t', start);
                if (tab < 0) {
                    f[i] = line.substring(start);
                    for (int j = i + 1; j < count; j++) {
                        f[j] = "";
                    }
                    return f;
                }
                f[i] = line.substring(start, tab);
                start = tab + 1;
            }
            return f;
        }
    }
}
