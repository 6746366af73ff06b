package io.newsline.timeline.index;

import static io.newsline.timeline.index.EventDocuments.*;

import io.newsline.contracts.model.EventType;
import io.newsline.contracts.model.TimelineStatus;
import io.newsline.timeline.domain.KnownRegions;
import io.newsline.timeline.domain.PlaceNames;
import io.newsline.timeline.domain.TimelineFilter;
import java.util.Locale;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A {@link TimelineFilter} as a Lucene query that finds every event the filter passes, and few others: the index
 * narrows, then {@link TimelineFilter#matches} decides, so the index answers exactly what the filter says (the
 * live stream and the watches use the same filter on single events).
 */
final class FilterQueries {

    /** Lucene stores coordinates to about 1e-7 degrees: the box is widened by more, and the filter decides. */
    private static final double BOX_SLACK = 1e-5;
    /** Relative: Lucene's mean Earth radius (6,371,008.8 m) over the filter's (6,371 km) is 1 + 1.4e-6. */
    private static final double NEAR_SLACK = 1e-5;

    private FilterQueries() {}

    /** For reads that rank every match (in an order other than the index's). */
    static Query live(TimelineFilter f, KnownRegions regions) {
        return live(f, regions, 0);
    }

    /**
     * For a read in the index's order that stops after {@code page} hits ({@code 0}: one that ranks every match):
     * then a box or a circle is checked document by document where gathering its matches would cost more
     * ({@link PageScanQuery}).
     */
    static Query live(TimelineFilter f, KnownRegions regions, int page) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(KIND, LIVE)), Occur.FILTER);
        if (f.from() != null) {
            // Ends on or after from: starts on or after it, or spans it. The first is a run of documents in the
            // index's order (found by a binary search, never gathered); the second a few, from a 2-d point.
            long from = f.from().toEpochDay();
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            either.add(startsIn(from, Long.MAX_VALUE), Occur.SHOULD);
            either.add(LongPoint.newRangeQuery(SPAN, new long[] {Long.MIN_VALUE, from},
                    new long[] {from - 1, Long.MAX_VALUE}), Occur.SHOULD);
            b.add(either.build(), Occur.FILTER);
        }
        if (f.to() != null) {
            b.add(startsIn(Long.MIN_VALUE, f.to().toEpochDay()), Occur.FILTER);
        }
        if (f.types() != null) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (EventType t : f.types()) {
                any.add(new TermQuery(new Term(TYPE, t.name())), Occur.SHOULD);
            }
            b.add(any.build(), Occur.FILTER);
        }
        if (f.statuses() != null) {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (TimelineStatus s : f.statuses()) {
                any.add(new TermQuery(new Term(STATUS, s.json())), Occur.SHOULD);
            }
            b.add(any.build(), Occur.FILTER);
        }
        if (f.minKilled() != null) {
            b.add(IntPoint.newRangeQuery(KILLED, f.minKilled(), Integer.MAX_VALUE), Occur.FILTER);
        }
        if (f.bbox() != null) {
            double[] box = f.bbox();
            double minLat = Math.max(-90, box[1] - BOX_SLACK);
            double maxLat = Math.min(90, box[3] + BOX_SLACK);
            double minLon = Math.max(-180, box[0] - BOX_SLACK);
            double maxLon = Math.min(180, box[2] + BOX_SLACK);
            b.add(geo(LatLonPoint.newBoxQuery(POINT, minLat, maxLat, minLon, maxLon),
                    LatLonDocValuesField.newSlowBoxQuery(POINT, minLat, maxLat, minLon, maxLon), page), Occur.FILTER);
        }
        if (f.near() != null) {
            // A little wider than asked (the filter's Earth is 9 m smaller in radius than Lucene's, and Lucene rounds
            // coordinates to a centimetre): the filter's own distance is the one that counts. Barely wider, so it
            // seldom has to drop a hit and read past the page again.
            double metres = f.near().km() * 1000 * (1 + NEAR_SLACK) + 1;
            b.add(geo(LatLonPoint.newDistanceQuery(POINT, f.near().lat(), f.near().lon(), metres),
                    LatLonDocValuesField.newSlowDistanceQuery(POINT, f.near().lat(), f.near().lon(), metres), page),
                    Occur.FILTER);
        }
        if (f.entityWords() != null) {
            for (String w : f.entityWords()) {
                b.add(new TermQuery(new Term(ENTITY_WORD, w)), Occur.FILTER);
            }
        }
        if (f.queryWords() != null) {
            for (String w : f.queryWords()) {
                b.add(w.endsWith("*") ? new PrefixQuery(new Term(WORD, w.substring(0, w.length() - 1)))
                        : new TermQuery(new Term(WORD, w)), Occur.FILTER);
            }
        }
        if (f.placeQuery() != null) {
            b.add(place(f.placeQuery(), regions), Occur.FILTER);
        }
        return b.build();
    }

    /** Events whose first day is in [first, last]: the index is sorted by it, so a run of each segment. */
    private static Query startsIn(long first, long last) {
        return new IndexSortSortedNumericDocValuesRangeQuery(START, first, last,
                LongPoint.newRangeQuery(START, first, last));
    }

    private static Query geo(Query points, Query docValues, int page) {
        return page > 0 ? new PageScanQuery(points, docValues, page) : points;
    }

    /** The places {@code place} names: a GeoNames id (and the region or country it stands for), or a name. */
    private static Query place(TimelineFilter.PlaceQuery q, KnownRegions regions) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (q.geonameId() != null) {
            any.add(new TermQuery(new Term(GEONAME_ID, Long.toString(q.geonameId()))), Occur.SHOULD);
            KnownRegions.Region region = regions.byGeonameId(q.geonameId());
            if (region != null) {
                if (region.countryCode() == null && region.admin1() == null) {
                    return new MatchAllDocsQuery();
                }
                BooleanQuery.Builder inside = new BooleanQuery.Builder();
                if (region.countryCode() != null) {
                    inside.add(new TermQuery(new Term(COUNTRY, region.countryCode().toUpperCase(Locale.ROOT))),
                            Occur.FILTER);
                }
                if (region.admin1() != null) {
                    inside.add(new TermQuery(new Term(ADMIN1_STEM, PlaceNames.regionStem(region.admin1()))),
                            Occur.FILTER);
                }
                any.add(inside.build(), Occur.SHOULD);
            }
            return any.build();
        }
        if (q.name() == null) {
            return new MatchNoDocsQuery();
        }
        any.add(new TermQuery(new Term(PLACE_NAME, q.name())), Occur.SHOULD);
        any.add(new TermQuery(new Term(ADMIN1, q.name())), Occur.SHOULD);
        if (q.namesRegion()) {
            any.add(new TermQuery(new Term(ADMIN1_STEM, q.regionStem())), Occur.SHOULD);
        }
        if (q.countryCode() != null) {
            any.add(new TermQuery(new Term(COUNTRY, q.countryCode().toUpperCase(Locale.ROOT))), Occur.SHOULD);
        }
        return any.build();
    }
}
