package io.newsline.nlp.pipeline;

import io.newsline.contracts.model.Article;
import io.newsline.contracts.model.EnrichedArticle;
import io.newsline.contracts.model.EntityType;
import io.newsline.contracts.model.Event;
import io.newsline.contracts.model.Mention;
import io.newsline.contracts.model.NlpInfo;
import io.newsline.contracts.model.Place;
import io.newsline.contracts.text.TextNormalizer;
import io.newsline.nlp.domain.AnnotatedArticle;
import io.newsline.nlp.domain.NameMention;
import io.newsline.nlp.domain.Sentence;
import io.newsline.nlp.events.EventExtractor;
import io.newsline.nlp.geo.Gazetteer;
import io.newsline.nlp.geo.Geocoder;
import io.newsline.nlp.lang.Morphology;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole enrichment of one article, the same for the Kafka processor and {@code POST /api/enrich}:
 * normalise the text, settle the language, recognise names and fix them with rules, consolidate
 * entities, geocode places, read events. Plain Java, thread-safe, built once per process.
 */
public final class EnrichmentPipeline {

    public static final String VERSION = "0.2.0 (CoreNLP 4.5.10 CRF, rules, morfologik uk/ru dictionaries, GeoNames gazetteer)";
    /** The limits of the Article contract. */
    public static final int MAX_TITLE = 1_000;
    public static final int MAX_BODY = 200_000;
    /** A raion's seat is a town: a village named like a raion's adjective is not taken for it. */
    private static final long SEAT_TOWN_POPULATION = 3_000;

    private static final Pattern LOWERCASE_WORD = Pattern.compile("(?<![\\p{L}.])\\p{Ll}[\\p{Ll}-]+");

    private final NameRecognizer recognizer;
    private final Gazetteer gazetteer;
    private final Geocoder geocoder;
    private final EventExtractor events;

    public EnrichmentPipeline(NameRecognizer recognizer, Gazetteer gazetteer) {
        this.recognizer = recognizer;
        this.gazetteer = gazetteer;
        this.geocoder = new Geocoder(gazetteer);
        this.events = new EventExtractor();
    }

    /**
     * Enriches one article.
     *
     * @throws InvalidArticleException when the input lacks a title or body or exceeds the contract's limits
     */
    public EnrichedArticle enrich(Article input) {
        long started = System.nanoTime();
        Article article = normalised(input);
        String language = language(article);
        if (!language.equals("en") && !Morphology.LANGUAGES.contains(language)) {
            String why = language.equals(LanguageDetector.UNDETERMINED)
                    ? "the language of the text could not be determined"
                    : "language '" + language + "' is not supported (English, Ukrainian and Russian are)";
            return EnrichedArticle.of(article, language, List.of(), List.of(), List.of(),
                    new NlpInfo(VERSION, language, elapsedMs(started), why));
        }
        AnnotatedArticle doc = language.equals("en") ? annotate(article) : annotateInflected(article, Morphology.of(language));
        List<Event> found = events.extract(doc, language);
        return EnrichedArticle.of(article, language, doc.entities(), doc.places(), found,
                new NlpInfo(VERSION, language, elapsedMs(started), null));
    }

    /** Everything but the events: sentences, mentions, entities and places of an already normalised article. */
    public AnnotatedArticle annotate(Article article) {
        String title = article.title();
        String body = article.body();
        Set<String> lowercase = lowercaseWords(body);
        Predicate<String> bigPlace = phrase -> gazetteer.isPlaceName(phrase, PlaceJudge.BIG_CITY);
        List<TaggedSentence> tagged = new ArrayList<>(recognizer.tag(Mention.TITLE, title, 0, lowercase, bigPlace));
        tagged.addAll(recognizer.tag(Mention.BODY, body, tagged.size(), lowercase, bigPlace));

        MentionRules rules = new MentionRules(gazetteer);
        rules.apply(tagged, article.source());

        List<Sentence> sentences = new ArrayList<>(tagged.size());
        List<NameMention> raw = new ArrayList<>();
        for (TaggedSentence s : tagged) {
            String text = s.field().equals(Mention.TITLE) ? title : body;
            sentences.add(s.toSentence(text));
            readMentions(s, text, raw);
        }
        EntityConsolidator.Result names = EntityConsolidator.consolidate(raw);
        List<NameMention> placeMentions = names.mentions().stream()
                .filter(m -> m.type() == EntityType.LOCATION).toList();
        List<Place> places = geocoder.resolve(title, body, placeMentions);
        return new AnnotatedArticle(article, published(article), sentences, names.mentions(), names.entities(), places);
    }

    /**
     * As {@link #annotate(Article)} for a language read with its morphological dictionary: names come from
     * the dictionary and the gazetteer instead of the English recogniser and its rules, and places are
     * looked up by their lemmas.
     */
    public AnnotatedArticle annotateInflected(Article article, Morphology morphology) {
        String title = article.title();
        String body = article.body();
        InflectedNameRecognizer recognizer = new InflectedNameRecognizer(morphology, gazetteer::isPlaceName,
                name -> gazetteer.isPlaceName(name, SEAT_TOWN_POPULATION));
        List<TaggedSentence> tagged = new ArrayList<>(recognizer.tag(Mention.TITLE, title, 0));
        tagged.addAll(recognizer.tag(Mention.BODY, body, tagged.size()));
        List<Sentence> sentences = new ArrayList<>(tagged.size());
        List<NameMention> raw = new ArrayList<>();
        Map<String, String> lookupForms = new HashMap<>();
        for (TaggedSentence s : tagged) {
            String text = s.field().equals(Mention.TITLE) ? title : body;
            sentences.add(s.toSentence(text));
            readMentions(s, text, raw, lookupForms);
        }
        EntityConsolidator.Result names = EntityConsolidator.consolidate(raw);
        List<NameMention> placeMentions = names.mentions().stream()
                .filter(m -> m.type() == EntityType.LOCATION).toList();
        List<Place> places = geocoder.resolve(title, body, placeMentions, form -> lookupForms.getOrDefault(form, form));
        return new AnnotatedArticle(article, published(article), sentences, names.mentions(), names.entities(), places);
    }

    private static void readMentions(TaggedSentence s, String text, List<NameMention> out) {
        readMentions(s, text, out, new HashMap<>());
    }

    /** Reads the labelled spans off; where a token carries a lemma, records the span's lookup form by its text. */
    private static void readMentions(TaggedSentence s, String text, List<NameMention> out, Map<String, String> lookupForms) {
        List<Token> t = s.tokens();
        int i = 0;
        while (i < t.size()) {
            String label = t.get(i).label;
            if (label.equals(Token.OUTSIDE)) {
                i++;
                continue;
            }
            int end = i;
            while (end + 1 < t.size() && t.get(end + 1).label.equals(label) && !t.get(end + 1).begins) {
                end++;
            }
            int from = t.get(i).start;
            int to = t.get(end).end;
            StringBuilder form = new StringBuilder();
            boolean lemmatised = false;
            for (int k = i; k <= end; k++) {
                lemmatised |= t.get(k).lemma != null;
                String piece = t.get(k).lookupForm();
                if (!piece.isEmpty()) {
                    form.append(form.length() > 0 ? " " : "").append(piece);
                }
            }
            if (lemmatised) {
                lookupForms.put(text.substring(from, to), form.toString());
            }
            out.add(new NameMention(text.substring(from, to), entityType(label), s.field(), from, to, s.index()));
            i = end + 1;
        }
    }

    private static EntityType entityType(String label) {
        return switch (label) {
            case MentionRules.PERSON -> EntityType.PERSON;
            case MentionRules.ORGANIZATION -> EntityType.ORGANIZATION;
            case MentionRules.LOCATION -> EntityType.LOCATION;
            default -> EntityType.MISC;
        };
    }

    /** The article as SPEC.md has every service see it: required fields present, HTML turned to text, text normalised. */
    static Article normalised(Article a) {
        if (a == null) {
            throw new InvalidArticleException("article", "no article");
        }
        if (a.title() == null) {
            throw new InvalidArticleException("title", "title is required");
        }
        if (a.body() == null) {
            throw new InvalidArticleException("body", "body is required");
        }
        boolean html = "html".equalsIgnoreCase(a.format());
        String title = html ? TextNormalizer.htmlToText(a.title()) : TextNormalizer.normalize(a.title());
        String body = html ? TextNormalizer.htmlToText(a.body()) : TextNormalizer.normalize(a.body());
        if (title.length() > MAX_TITLE) {
            throw new InvalidArticleException("title", "title is longer than " + MAX_TITLE + " characters");
        }
        if (body.length() > MAX_BODY) {
            throw new InvalidArticleException("body", "body is longer than " + MAX_BODY + " characters");
        }
        return new Article(a.id(), title, body, a.url(), a.source(), a.publishedAt(), a.language(),
                html ? "text" : a.format(), a.receivedAt());
    }

    private static String language(Article a) {
        if (a.language() != null && !a.language().isBlank()) {
            return a.language().strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
        }
        return LanguageDetector.detect(a.title() + "\n" + a.body());
    }

    /** Words the article writes in lower case, to read its headline-cased lines by. */
    private static Set<String> lowercaseWords(String body) {
        Set<String> words = new HashSet<>();
        Matcher m = LOWERCASE_WORD.matcher(body);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Publication time, else receipt time, else now: relative dates are resolved against it. */
    static OffsetDateTime published(Article a) {
        for (String value : new String[] {a.publishedAt(), a.receivedAt()}) {
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                return OffsetDateTime.parse(value);
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(value).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException notLocal) {
                    try {
                        return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
                    } catch (DateTimeParseException notDate) {
                        // try the next field
                    }
                }
            }
        }
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
