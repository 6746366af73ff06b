package io.newsline.timeline.domain;

import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.TimelineEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * An event as the merge compares it with a report: what {@link MergeRule} reads of it (one account per source),
 * its place in the timeline order (to break ties), and the articles it is a source of (an article's two reports
 * are two happenings). The timeline index keeps one beside each live event, so the merger compares a candidate
 * without reading the whole record; the record is read only for the events a report joins.
 */
public record RuleView(MergeRule.Report report, OrderKey order, List<String> sourceArticles) {

    public RuleView {
        sourceArticles = List.copyOf(sourceArticles);
    }

    public static RuleView of(TimelineEvent e) {
        List<MergeRule.Account> accounts = new ArrayList<>();
        List<String> articles = new ArrayList<>();
        for (EventSource s : e.sources() == null ? List.<EventSource>of() : e.sources()) {
            if (s == null) {
                continue;
            }
            boolean ownDate = s.date() != null && !s.date().equals(e.date());
            accounts.add(new MergeRule.Account(ownDate ? s.date() : e.date(), ownDate ? null : e.dateEnd(),
                    s.signature(), Publication.parse(s.publishedAt())));
            if (s.articleId() != null) {
                articles.add(s.articleId());
            }
        }
        return new RuleView(new MergeRule.Report(e.type(), e.date(), e.dateEnd(), e.datePrecision(), e.location(),
                List.copyOf(accounts)), OrderKey.of(e), articles);
    }

    public String id() {
        return order.id();
    }

    /** Whether this article is one of the event's sources. */
    public boolean reportedBy(String articleId) {
        return sourceArticles.contains(articleId);
    }
}
