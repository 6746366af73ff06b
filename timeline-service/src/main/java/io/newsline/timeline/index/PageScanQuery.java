package io.newsline.timeline.index;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * One condition in two equivalent forms, for a page read in the index's own order that stops after {@code wanted}
 * hits: {@code visit} walks a points tree and gathers every document it matches before the first is read (its cost
 * is the number of matches), {@code check} tests each document the other conditions reach, from doc values, and
 * stops with the page (its cost is the documents read until the page is full: about {@code wanted} times the
 * documents per match). A circle or box holding a sixth of a million events is 160,000 documents to gather
 * for a page of 100, but some 600 to check.
 *
 * <p>Chosen per segment. The check reads about {@code wanted × maxDoc / matches} documents (the conditions it
 * runs with reach no more than {@code leadCost}) and costs some eight times more per document than a visit
 * ({@link org.apache.lucene.search.IndexOrDocValuesQuery}'s rule of thumb); a condition that matches few
 * documents, or none, is visited. Only for reads that stop early: one that ranks every match in another order
 * (the latest changes first) would check every document.
 */
final class PageScanQuery extends Query {

    /** A doc-values check costs about this many times what a points visit costs per document. */
    private static final long CHECK_COST = 8;

    private final Query visit;
    private final Query check;
    private final int wanted;

    PageScanQuery(Query visit, Query check, int wanted) {
        this.visit = Objects.requireNonNull(visit);
        this.check = Objects.requireNonNull(check);
        this.wanted = wanted;
    }

    /** Whether to check rather than visit, in a segment of {@code maxDoc} where the visit matches {@code matches}. */
    static boolean checks(long matches, long maxDoc, long leadCost, int wanted) {
        long perMatch = matches == 0 ? maxDoc : Math.max(1, maxDoc / matches);
        long read = Math.min(leadCost, Math.min(maxDoc, (long) wanted * perMatch));
        return CHECK_COST * read < matches;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query v = visit.rewrite(searcher);
        Query c = check.rewrite(searcher);
        return v == visit && c == check ? this : new PageScanQuery(v, c, wanted);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode mode, float boost) throws IOException {
        Weight visitWeight = visit.createWeight(searcher, mode, boost);
        Weight checkWeight = check.createWeight(searcher, mode, boost);
        return new Weight(this) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext leaf) throws IOException {
                ScorerSupplier visits = visitWeight.scorerSupplier(leaf);
                if (visits == null) {
                    return null; // nothing in this segment has the field
                }
                ScorerSupplier checks = checkWeight.scorerSupplier(leaf);
                if (checks == null) {
                    return visits;
                }
                long maxDoc = leaf.reader().maxDoc();
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        return checks(visits.cost(), maxDoc, leadCost, wanted) ? checks.get(leadCost)
                                : visits.get(leadCost);
                    }

                    @Override
                    public long cost() {
                        return visits.cost();
                    }
                };
            }

            @Override
            public Scorer scorer(LeafReaderContext leaf) throws IOException {
                ScorerSupplier s = scorerSupplier(leaf);
                return s == null ? null : s.get(Long.MAX_VALUE);
            }

            @Override
            public Explanation explain(LeafReaderContext leaf, int doc) throws IOException {
                return visitWeight.explain(leaf, doc);
            }

            @Override
            public Matches matches(LeafReaderContext leaf, int doc) throws IOException {
                return visitWeight.matches(leaf, doc);
            }

            @Override
            public int count(LeafReaderContext leaf) throws IOException {
                return visitWeight.count(leaf);
            }

            @Override
            public boolean isCacheable(LeafReaderContext leaf) {
                return visitWeight.isCacheable(leaf) && checkWeight.isCacheable(leaf);
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        QueryVisitor v = visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this);
        visit.visit(v);
        check.visit(v);
    }

    @Override
    public String toString(String field) {
        return "PageScan(" + visit.toString(field) + " | " + check.toString(field) + ", " + wanted + ")";
    }

    @Override
    public boolean equals(Object o) {
        return sameClassAs(o) && visit.equals(((PageScanQuery) o).visit) && check.equals(((PageScanQuery) o).check)
                && wanted == ((PageScanQuery) o).wanted;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), visit, check, wanted);
    }
}
