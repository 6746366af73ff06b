package io.newsline.nlp.pipeline;

import io.newsline.contracts.model.Entity;
import io.newsline.contracts.model.EntityType;
import io.newsline.contracts.model.Mention;
import io.newsline.nlp.domain.NameMention;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns name mentions into distinct entities: one entry per entity with all its mentions. The type
 * of a name is the one most of its mentions got; a surname alone joins the one full name it ends.
 * An acronym stays an entity of its own beside its expansion: news and its readers use both as names
 * ("USGS", "the United States Geological Survey").
 */
public final class EntityConsolidator {

    /** The outcome: mentions with their final type, and the entities they form, in order of first mention. */
    public record Result(List<NameMention> mentions, List<Entity> entities) {}

    private EntityConsolidator() {}

    /** @param mentions as recognised, in document order (title first) */
    public static Result consolidate(List<NameMention> mentions) {
        // 1. One type per name: the majority of its mentions (ties go to the first seen).
        Map<String, Map<EntityType, Integer>> votes = new HashMap<>();
        Map<String, EntityType> firstType = new HashMap<>();
        for (NameMention m : mentions) {
            String key = key(m.text());
            votes.computeIfAbsent(key, k -> new EnumMap<>(EntityType.class)).merge(m.type(), 1, Integer::sum);
            firstType.putIfAbsent(key, m.type());
        }
        Map<String, EntityType> typeOf = new HashMap<>();
        votes.forEach((key, counts) -> {
            EntityType best = firstType.get(key);
            for (Map.Entry<EntityType, Integer> e : counts.entrySet()) {
                if (e.getValue() > counts.get(best)) {
                    best = e.getKey();
                }
            }
            typeOf.put(key, best);
        });

        // 2. Full person names, so that "Zelensky" finds "Volodymyr Zelensky".
        Map<String, List<String>> fullNamesBySurname = new HashMap<>();
        for (NameMention m : mentions) {
            String key = key(m.text());
            if (typeOf.get(key) == EntityType.PERSON && words(key).length >= 2) {
                String[] w = words(key);
                List<String> names = fullNamesBySurname.computeIfAbsent(w[w.length - 1], k -> new ArrayList<>());
                if (!names.contains(key)) {
                    names.add(key);
                }
            }
        }

        // 3. Group mentions under the key of the entity they belong to.
        Map<String, List<NameMention>> groups = new LinkedHashMap<>();
        Map<String, EntityType> groupType = new HashMap<>();
        List<NameMention> typed = new ArrayList<>(mentions.size());
        for (NameMention m : mentions) {
            String key = key(m.text());
            EntityType type = typeOf.get(key);
            String entityKey = key;
            String[] w = words(key);
            if (type != EntityType.LOCATION && w.length >= 1) {
                List<String> full = fullNamesBySurname.get(w[w.length - 1]);
                if (full != null && full.size() == 1 && !full.get(0).equals(key) && full.get(0).endsWith(" " + key)) {
                    entityKey = full.get(0);
                    type = EntityType.PERSON;
                }
            }
            NameMention finalMention = new NameMention(m.text(), type, m.field(), m.start(), m.end(), m.sentence());
            typed.add(finalMention);
            groups.computeIfAbsent(entityKey, k -> new ArrayList<>()).add(finalMention);
            groupType.putIfAbsent(entityKey, type);
        }

        List<Entity> entities = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> {
            String text = group.get(0).text();
            int mostWords = 0;
            for (NameMention m : group) {
                int n = words(key(m.text())).length;
                if (n > mostWords) {
                    mostWords = n;
                    text = m.text();
                }
            }
            List<Mention> where = group.stream().map(m -> new Mention(m.field(), m.start(), m.end())).toList();
            entities.add(new Entity(text, groupType.get(key), where));
        });
        return new Result(typed, entities);
    }

    /** Case, accents, curly apostrophes and a leading "the" do not make another name. */
    static String key(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .replace('’', '\'').toLowerCase(Locale.ROOT).strip();
        if (s.startsWith("the ")) {
            s = s.substring(4);
        }
        return s.replaceAll("\\s+", " ");
    }

    private static String[] words(String key) {
        return key.isEmpty() ? new String[0] : key.split(" ");
    }
}
