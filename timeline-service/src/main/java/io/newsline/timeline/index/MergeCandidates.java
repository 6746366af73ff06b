package io.newsline.timeline.index;

import static io.newsline.timeline.index.EventDocuments.ARTICLE;
import static io.newsline.timeline.index.EventDocuments.ID;
import static io.newsline.timeline.index.EventDocuments.KIND;
import static io.newsline.timeline.index.EventDocuments.LIVE;
import static io.newsline.timeline.index.EventDocuments.MERGE_LONG;
import static io.newsline.timeline.index.EventDocuments.MERGE_PLACE;
import static io.newsline.timeline.index.EventDocuments.POINT;
import static io.newsline.timeline.index.EventDocuments.MERGE_POINT;
import static io.newsline.timeline.index.EventDocuments.MERGE_SPAN;

import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.domain.CandidateSource;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The merger's look-ups in the timeline index: the live events in a report's neighbourhood (place keys or
 * distance, and days), whether the index holds a record yet, and whether an article is among its events' sources.
 * Reads the searcher of the last refresh, as every reader does; the merger's working set covers what came since.
 */
public final class MergeCandidates implements CandidateSource {

    /** Lucene's distance and the rule's differ in the last digits: the query reaches a little further, the rule decides. */
    private static final double DISTANCE_SLACK = 1.01;

    /** The version of the index's fields ({@code format} in each commit's user data); an older index is rebuilt. */
    public static final String INDEX_FORMAT = EventDocuments.FORMAT;

    private final TimelineIndex index;

    public MergeCandidates(TimelineIndex index) {
        this.index = index;
    }

    @Override
    public void near(Neighbourhood where, Hit hit) {
        Query query = query(where);
        index.search(s -> {
            visit(s, query, hit);
            return null;
        });
    }

    static Query query(Neighbourhood where) {
        BooleanQuery.Builder place = new BooleanQuery.Builder();
        for (String key : where.placeKeys()) {
            place.add(new TermQuery(new Term(MERGE_PLACE, key)), Occur.SHOULD);
        }
        if (where.lat() != null && where.lon() != null) {
            double metres = where.km() * 1000 * DISTANCE_SLACK + 100;
            // By the points tree when few events are that close, else by each dated candidate's doc values.
            place.add(new IndexOrDocValuesQuery(LatLonPoint.newDistanceQuery(POINT, where.lat(), where.lon(), metres),
                    LatLonDocValuesField.newSlowDistanceQuery(MERGE_POINT, where.lat(), where.lon(), metres)),
                    Occur.SHOULD);
        }
        BooleanQuery.Builder days = new BooleanQuery.Builder();
        // Starts by the last day and ends on or after the first: one box of the (first day, last day) points.
        days.add(LongPoint.newRangeQuery(MERGE_SPAN, new long[] {Long.MIN_VALUE, where.from().toEpochDay()},
                new long[] {where.to().toEpochDay(), Long.MAX_VALUE}), Occur.SHOULD);
        if (where.longDayRanges()) {
            days.add(new TermQuery(new Term(MERGE_LONG, "1")), Occur.SHOULD);
        }
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, LIVE)), Occur.FILTER)
                .add(place.build(), Occur.FILTER)
                .add(days.build(), Occur.FILTER)
                .build();
    }

    /** Every live document the query matches, with its id; its record is read only when the hit asks. */
    private static void visit(IndexSearcher s, Query query, Hit hit) throws java.io.IOException {
        Weight weight = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            SortedDocValues ids = leaf.reader().getSortedDocValues(ID);
            StoredFields stored = leaf.reader().storedFields();
            DocIdSetIterator docs = scorer.iterator();
            for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
                if (live != null && !live.get(d) || ids == null || !ids.advanceExact(d)) {
                    continue;
                }
                String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
                int doc = d;
                hit.found(id, () -> {
                    try {
                        return EventDocuments.record(stored.document(doc));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        }
    }

    @Override
    public boolean shows(TimelineEvent record) {
        // Only the record is read, not the revisions stored beside it.
        Query byId = new TermQuery(new Term(ID, record.id()));
        TimelineEvent[] held = new TimelineEvent[1];
        index.search(s -> {
            visit(s, byId, (id, read) -> held[0] = read.get());
            return null;
        });
        if (held[0] == null) {
            return false;
        }
        if (record.isRemoved()) {
            return held[0].isRemoved();
        }
        return !held[0].isRemoved() && held[0].revision() >= record.revision();
    }

    @Override
    public boolean folded(String articleId) {
        return index.search(s -> s.count(new TermQuery(new Term(ARTICLE, articleId))) > 0);
    }
}
