package io.newsline.nlp.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * A language's morphological dictionary (morfologik format): the lemmas and tags of a word form, and the
 * nominative of an adjective. What the tags mean is data ({@code lang/<language>.properties}), so the same
 * code reads every language that has such a dictionary. Thread-safe; lookups are cached per word.
 */
public final class Morphology {

    /** Languages with a dictionary and a description in {@code lang/}. */
    public static final Set<String> LANGUAGES = Set.of("uk", "ru");

    private static final Map<String, Morphology> LOADED = new ConcurrentHashMap<>();

    private final String language;
    private final Properties roles;
    private final Dictionary dictionary;
    private final Dictionary synthesis;
    private final boolean lowercaseLookup;
    private final Set<String> levelNouns;
    // morfologik's lookups are not thread-safe; one per thread, and answers cached across threads.
    private final ThreadLocal<DictionaryLookup> analyser;
    private final ThreadLocal<DictionaryLookup> synthesiser;
    private final Map<String, List<Analysis>> cache = new ConcurrentHashMap<>();

    private Morphology(String language, Properties roles) {
        this.language = language;
        this.roles = roles;
        this.dictionary = read(roles.getProperty("dictionary"));
        this.synthesis = read(roles.getProperty("synthesis"));
        this.lowercaseLookup = Boolean.parseBoolean(roles.getProperty("lowercaseLookup"));
        this.levelNouns = Set.of(roles.getProperty("levelNouns", "").split(","));
        this.analyser = ThreadLocal.withInitial(() -> new DictionaryLookup(dictionary));
        this.synthesiser = ThreadLocal.withInitial(() -> new DictionaryLookup(synthesis));
    }

    /** The morphology of a language in {@link #LANGUAGES}, loaded once per process. */
    public static Morphology of(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("no morphological dictionary for language '" + language + "'");
        }
        return LOADED.computeIfAbsent(language, l -> new Morphology(l, description(l)));
    }

    public String language() {
        return language;
    }

    /**
     * Every reading of a word form: as written, then in lower case (a capitalised "Сумській" is a surname's
     * form as written and an adjective's in lower case). In a dictionary of lower-case entries, the lemmas of a capitalised
     * word are capitalised.
     */
    public List<Analysis> analyse(String word) {
        return cache.computeIfAbsent(normalisedApostrophes(word), this::lookUp);
    }

    private List<Analysis> lookUp(String word) {
        List<Analysis> out = new ArrayList<>();
        String lower = word.toLowerCase(Locale.ROOT);
        if (!lowercaseLookup) {
            collect(word, false, out);
        }
        if (!lower.equals(word) || lowercaseLookup) {
            // Only a dictionary of lower-case entries has its names' lemmas in lower case; in one that
            // lists names capitalised, a reading found only in lower case is a common word's.
            collect(lower, lowercaseLookup && !lower.equals(word), out);
        }
        return List.copyOf(out);
    }

    private void collect(String form, boolean capitalise, List<Analysis> out) {
        for (WordData d : analyser.get().lookup(form)) {
            String lemma = d.getStem() == null ? form : d.getStem().toString();
            if (capitalise && !lemma.isEmpty()) {
                lemma = lemma.substring(0, 1).toUpperCase(Locale.ROOT) + lemma.substring(1);
            }
            out.add(new Analysis(lemma, d.getTag() == null ? "" : d.getTag().toString()));
        }
    }

    public boolean isPlace(Analysis a) {
        return a.has(role("tag.place"));
    }

    public boolean isFirstName(Analysis a) {
        return a.has(role("tag.firstName"));
    }

    public boolean isLastName(Analysis a) {
        return a.has(role("tag.lastName"));
    }

    public boolean isPatronymic(Analysis a) {
        return a.has(role("tag.patronymic"));
    }

    public boolean isAdjective(Analysis a) {
        return a.tag().startsWith(role("tag.adjective"));
    }

    public boolean isNoun(Analysis a) {
        return a.tag().startsWith(role("tag.noun"));
    }

    public boolean isNominative(Analysis a) {
        return a.has(role("tag.nominative"));
    }

    /** Whether the word is a form of a noun that makes the adjective before it the name of an area. */
    public Optional<Analysis> levelNoun(String word) {
        return analyse(word).stream().filter(a -> isNoun(a) && levelNouns.contains(a.lemma().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The gender code (f, m, n) of a noun reading, or null. */
    public String gender(Analysis a) {
        for (String g : new String[] {"f", "m", "n"}) {
            if (a.has(role("gender." + g))) {
                return g;
            }
        }
        return null;
    }

    /** The nominative of an adjective's lemma in a gender (f, m, n): "сумський", f gives "сумська". */
    public Optional<String> adjectiveNominative(String adjectiveLemma, String gender) {
        String tag = String.format(Locale.ROOT, role("adjectiveNominative"), role("adjectiveGender." + gender));
        boolean capitalised = !adjectiveLemma.isEmpty() && Character.isUpperCase(adjectiveLemma.charAt(0));
        List<WordData> forms = List.of();
        // A dictionary may tag some adjectives with more than the plain tag (dict_uk's ":compb" for those with
        // degrees of comparison: "широкий"), so the description lists the suffixes to try as well.
        for (String suffix : ("," + role("adjectiveTagSuffixes")).split(",", -1)) {
            forms = synthesiser.get().lookup(adjectiveLemma.toLowerCase(Locale.ROOT) + "|" + tag + suffix.strip());
            if (!forms.isEmpty()) {
                break;
            }
        }
        if (forms.isEmpty()) {
            return Optional.empty();
        }
        String form = forms.get(0).getStem().toString();
        return Optional.of(capitalised ? form.substring(0, 1).toUpperCase(Locale.ROOT) + form.substring(1) : form);
    }

    /** A setting of the language's description ({@code lang/<language>.properties}), or "" when absent. */
    public String setting(String key) {
        return role(key);
    }

    private String role(String key) {
        return roles.getProperty(key, "");
    }

    /** The dictionaries write the apostrophe as U+0027; news also writes U+02BC and U+2019. */
    static String normalisedApostrophes(String word) {
        return word.replace('ʼ', '\'').replace('’', '\'');
    }

    private static Properties description(String language) {
        String name = "/lang/" + language + ".properties";
        try (InputStream in = Morphology.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static Dictionary read(String resource) {
        URL url = Morphology.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing dictionary " + resource + " (is its jar on the classpath?)");
        }
        try {
            return Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dictionary " + resource, e);
        }
    }
}
