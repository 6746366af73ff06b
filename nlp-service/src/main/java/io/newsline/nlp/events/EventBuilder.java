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
import io.newsline.nlp.domain.Sentence;
import io.newsline.nlp.events.EventLexicon.Trigger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The last stage: turns a gathered happening into the contract's event, with its id and confidence. */
final class EventBuilder {

    private static final double BASE_CONFIDENCE = 0.45;
    private static final double OWN_DATE = 0.15;
    private static final double OWN_PLACE = 0.15;
    private static final double WEAPON_STRENGTH = 0.1;
    private static final double TOLL = 0.05;
    private static final double PER_MORE_SENTENCE = 0.05;
    private static final double MOST_FOR_SENTENCES = 0.1;
    private static final double HEDGED = -0.15;

    private EventBuilder() {}

    static Event build(Happening h, String articleKey, AnnotatedArticle doc) {
        Reading evidence = h.primary;
        if (h.primary.title) {
            for (Reading r : h.readings) {
                if (!r.title) {
                    evidence = r;
                    break;
                }
            }
        }
        String source = h.attribution == null ? null : h.attribution.source();
        List<String> actors = ActorFinder.actors(h.readings, source);
        EventLocation location = h.place == null ? null : new EventLocation(h.place.name(), h.place.lat(),
                h.place.lon(), h.place.countryCode(), h.place.geonameId(), h.place.precision());
        String id = h.listedAt == null ? id(articleKey, h.primary.sentence.index(), h.type)
                : id(articleKey + "|" + h.listedAt, h.primary.sentence.index(), h.type);
        return new Event(id, h.type, h.subtype,
                format(h.date, h.precision), h.dateEnd == null ? null : h.dateEnd.toString(), h.precision, location,
                h.killed, h.injured, h.casualties, actors, entities(h, doc), new Attribution(source, h.hedged),
                evidence.text.trim(), confidence(h)).withSignature(SignatureReader.read(h.readings))
                .withBackground(h.recalled);
    }

    private static double confidence(Happening h) {
        double confidence = BASE_CONFIDENCE;
        if (h.when != null) {
            confidence += OWN_DATE;
        }
        if (h.placeNamed) {
            confidence += OWN_PLACE;
        }
        Trigger best = h.primary.best();
        if (best != null && best.weight() >= 1.0) {
            confidence += WEAPON_STRENGTH;
        }
        if (h.killed != null || h.injured != null || h.casualties != null) {
            confidence += TOLL;
        }
        confidence += Math.min(MOST_FOR_SENTENCES, PER_MORE_SENTENCE * (h.positions.size() - 1));
        if (h.hedged) {
            confidence += HEDGED;
        }
        return Math.round(Math.max(0.1, Math.min(0.95, confidence)) * 100) / 100.0;
    }

    /** The people and organisations named in the happening's sentences. */
    private static List<String> entities(Happening h, AnnotatedArticle doc) {
        Set<String> out = new LinkedHashSet<>();
        if (doc.entities() == null) {
            return List.of();
        }
        for (Entity e : doc.entities()) {
            if (e.type() != EntityType.PERSON && e.type() != EntityType.ORGANIZATION || e.mentions() == null) {
                continue;
            }
            for (Mention m : e.mentions()) {
                for (Reading r : h.readings) {
                    Sentence s = r.sentence;
                    if (Objects.equals(m.field(), s.field()) && m.start() >= s.start() && m.end() <= s.end()) {
                        out.add(e.text());
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static String format(LocalDate date, DatePrecision precision) {
        return switch (precision) {
            case DAY -> date.toString();
            case MONTH -> date.toString().substring(0, 7);
            case YEAR -> String.valueOf(date.getYear());
        };
    }

    /**
     * Stable across runs: the same article, sentence and type always give the same id (and the same place, for
     * the other places of a list the sentence tells one happening at each of).
     */
    static String id(String articleKey, int sentenceIndex, EventType type) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((articleKey + "|" + sentenceIndex + "|" + type.name()).getBytes(StandardCharsets.UTF_8));
            return "ev-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
