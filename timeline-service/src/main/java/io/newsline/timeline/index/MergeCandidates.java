package io.newsline.timeline.index;

import static io.newsline.timeline.index.EventDocuments.ARTICLE;
import static io.newsline.timeline.index.EventDocuments.ID;
import static io.newsline.timeline.index.EventDocuments.KIND;
import static io.newsline.timeline.index.EventDocuments.LIVE;
import static io.newsline.timeline.index.EventDocuments.MERGE_LONG;
import static io.newsline.timeline.index.EventDocuments.MERGE_PLACE;
import static io.newsline.timeline.index.EventDocuments.POINT;
import static io.newsline.timeline.index.EventDocuments.RULE;
import static io.newsline.timeline.index.EventDocuments.SPAN;

import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.domain.CandidateSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
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
import org.apache.lucene.search.TopDocs;
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
    private static final double EARTH_RADIUS_KM = 6371.0;

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
            // The box around the circle, not the circle: a distance query builds a grid of its shape on every
            // query, which costs more than the look-up; the rule measures the distance of what the box finds.
            double[] box = boxAround(where.lat(), where.lon(), where.km());
            place.add(new IndexOrDocValuesQuery(LatLonPoint.newBoxQuery(POINT, box[0], box[1], box[2], box[3]),
                    LatLonDocValuesField.newSlowBoxQuery(POINT, box[0], box[1], box[2], box[3])), Occur.SHOULD);
        }
        BooleanQuery.Builder days = new BooleanQuery.Builder();
        // Starts by the last day and ends on or after the first: one box of the (first day, last day) points.
        days.add(LongPoint.newRangeQuery(SPAN, new long[] {Long.MIN_VALUE, where.from().toEpochDay()},
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

    /**
     * {minLat, maxLat, minLon, maxLon} of a box holding every point within {@code km} of the point (a little more):
     * two points d apart differ by at most d/R in latitude, and cos φ1 · cos φ2 · sin²(Δλ/2) ≤ sin²(d/2R) bounds
     * their longitudes, loosest at the box's latitude nearest a pole. A box across the antimeridian has
     * minLon > maxLon; near a pole it takes every longitude.
     */
    static double[] boxAround(double lat, double lon, double km) {
        double radians = Math.min(Math.PI, km * DISTANCE_SLACK / EARTH_RADIUS_KM + 1e-6);
        double dLat = Math.toDegrees(radians);
        double south = Math.max(-90, lat - dLat);
        double north = Math.min(90, lat + dLat);
        double coldest = Math.cos(Math.toRadians(Math.max(Math.abs(south), Math.abs(north))));
        double sine = coldest <= 0 ? 2 : Math.sin(radians / 2) / coldest;
        double dLon = sine >= 1 ? 180 : Math.toDegrees(2 * Math.asin(sine)) * DISTANCE_SLACK;
        if (dLon >= 180) {
            return new double[] {south, north, -180, 180};
        }
        double west = lon - dLon;
        double east = lon + dLon;
        return new double[] {south, north, west < -180 ? west + 360 : west, east > 180 ? east - 360 : east};
    }

    /** Every live document the query matches, with its id; what the rule reads of it is decoded only when asked. */
    private static void visit(IndexSearcher s, Query query, Hit hit) throws IOException {
        Weight weight = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            SortedDocValues ids = leaf.reader().getSortedDocValues(ID);
            BinaryDocValues views = leaf.reader().getBinaryDocValues(RULE);
            DocIdSetIterator docs = scorer.iterator();
            for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
                if (live != null && !live.get(d) || ids == null || !ids.advanceExact(d) || views == null) {
                    continue;
                }
                String id = ids.lookupOrd(ids.ordValue()).utf8ToString();
                int doc = d;
                hit.found(id, () -> {
                    try {
                        return views.advanceExact(doc) ? RuleViews.decode(views.binaryValue(), id) : null;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    @Override
    public TimelineEvent read(String id) {
        TimelineEvent record = record(id);
        return record == null || record.isRemoved() ? null : record;
    }

    @Override
    public boolean shows(TimelineEvent record) {
        TimelineEvent held = record(record.id());
        if (held == null) {
            return false;
        }
        if (record.isRemoved()) {
            return held.isRemoved();
        }
        return !held.isRemoved() && held.revision() >= record.revision();
    }

    /** The record of this id, live or a removal; only the record is read, not the revisions stored beside it. */
    private TimelineEvent record(String id) {
        Query byId = new TermQuery(new Term(ID, id));
        return index.search(s -> {
            TopDocs top = s.search(byId, 1);
            return top.scoreDocs.length == 0 ? null
                    : EventDocuments.record(s.storedFields().document(top.scoreDocs[0].doc, Set.of(EventDocuments.RECORD)));
        });
    }

    @Override
    public boolean folded(String articleId) {
        return index.search(s -> s.count(new TermQuery(new Term(ARTICLE, articleId))) > 0);
    }
}
