package io.newsline.nlp.pipeline;

import io.newsline.nlp.lang.Morphology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The settlement names an adjective may be made from, for the areas named after a settlement
 * ("Очаківська громада" is Ochakiv's, "Марганецька" Marhanets's, "Великописарівська" Velyka Pysarivka's).
 * How a language makes such adjectives is data in its description (settlementLevels, adjectiveStems,
 * settlementEndings, compoundPrefixes), so a language without it yields no candidates.
 */
final class SettlementAdjectives {

    private final Set<String> levels;
    private final Set<String> seatLevels;
    private final List<String[]> stems = new ArrayList<>();
    private final List<String[]> endings = new ArrayList<>();
    private final List<String[]> prefixes = new ArrayList<>();

    SettlementAdjectives(Morphology morphology) {
        this.levels = Set.of(morphology.setting("settlementLevels").split(","));
        this.seatLevels = Set.of(morphology.setting("seatLevels").split(","));
        pairs(morphology.setting("adjectiveStems"), stems);
        pairs(morphology.setting("settlementEndings"), endings);
        pairs(morphology.setting("compoundPrefixes"), prefixes);
    }

    private static void pairs(String setting, List<String[]> out) {
        for (String p : setting.split(",")) {
            int arrow = p.indexOf('>');
            if (arrow >= 0) {
                out.add(new String[] {p.substring(0, arrow).strip(), p.substring(arrow + 1).strip()});
            }
        }
    }

    /** Whether a level noun's lemma ("громада") makes the adjective before it a settlement's. */
    boolean namesSettlement(String levelLemma) {
        return levels.contains(levelLemma.toLowerCase(Locale.ROOT));
    }

    /** Whether a level noun's lemma ("район") makes the adjective before it the area's seat town's. */
    boolean namesSeat(String levelLemma) {
        return seatLevels.contains(levelLemma.toLowerCase(Locale.ROOT));
    }

    /** The names, most likely first, the adjective's masculine lemma ("очаківський") may be made from. */
    List<String> candidates(String adjectiveLemma) {
        String lemma = adjectiveLemma.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        for (String[] stem : stems) {
            if (!lemma.endsWith(stem[0]) || lemma.length() <= stem[0].length() + 1) {
                continue;
            }
            String base = lemma.substring(0, lemma.length() - stem[0].length()) + stem[1];
            out.addAll(withEndings(base));
            for (String[] prefix : prefixes) {
                if (base.startsWith(prefix[0]) && base.length() > prefix[0].length() + 2) {
                    for (String rest : withEndings(base.substring(prefix[0].length()))) {
                        for (String first : prefix[1].split("\\|")) {
                            out.add(first + " " + rest);
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private List<String> withEndings(String base) {
        List<String> out = new ArrayList<>();
        for (String[] e : endings) {
            if (base.endsWith(e[0])) {
                String name = base.substring(0, base.length() - e[0].length()) + e[1];
                out.add(name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1));
            }
        }
        return out;
    }
}
