package io.newsline.nlp.geo;

import io.newsline.contracts.model.Mention;
import io.newsline.nlp.domain.NameMention;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The article's text and what it says about where it is: the countries it names or whose people it
 * talks about (its focus), the admin1 regions it settled on, and the extent of its dateline.
 */
final class ArticleContext {
    final String title;
    final String body;
    final Map<String, Double> countryVotes = new HashMap<>();
    final Set<String> regions = new LinkedHashSet<>();
    final Set<String> namedCountries = new HashSet<>();
    private final int datelineEnd;
    private double maxVote;

    ArticleContext(String title, String body) {
        this.title = title;
        this.body = body;
        this.datelineEnd = MentionCues.datelineEnd(body);
    }

    String text(String field) {
        return Mention.TITLE.equals(field) ? title : body;
    }

    /** "MANILA, Philippines —": the place the report was filed from, at the start of the body. */
    boolean inDateline(NameMention m) {
        return Mention.BODY.equals(m.field()) && m.end() <= datelineEnd;
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
