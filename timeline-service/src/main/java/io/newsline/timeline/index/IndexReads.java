package io.newsline.timeline.index;

import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.domain.KnownRegions;
import io.newsline.timeline.domain.OrderKey;
import io.newsline.timeline.domain.TimelineFilter;
import io.newsline.timeline.domain.TimelinePage;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The reads the timeline answers from its index: pages in timeline order after a cursor, the latest changes
 * first, and records in sequence order. Each narrows with {@link FilterQueries} and keeps only what
 * {@link TimelineFilter#matches} passes.
 */
public final class IndexReads {

    /** The timeline order of {@link OrderKey}: first day, precision, first seen, id. */
    static final Sort TIMELINE = new Sort(new SortField(EventDocuments.START, SortField.Type.LONG),
            new SortField(EventDocuments.PRECISION, SortField.Type.LONG),
            new SortField(EventDocuments.SEEN, SortField.Type.LONG),
            new SortField(EventDocuments.ID, SortField.Type.STRING));
    private static final Sort NEWEST_FIRST = new Sort(new SortField(EventDocuments.SEQUENCE, SortField.Type.LONG, true));
    private static final Sort BY_SEQUENCE = new Sort(new SortField(EventDocuments.SEQUENCE, SortField.Type.LONG));

    private final TimelineIndex index;

    public IndexReads(TimelineIndex index) {
        this.index = index;
    }

    /** One page in timeline order after {@code after} (exclusive) when given. */
    public TimelinePage page(TimelineFilter filter, KnownRegions regions, OrderKey after, int limit, long sequence) {
        Query query = FilterQueries.live(filter, regions, limit + 1);
        return index.search(s -> {
            List<TimelineEvent> items = new ArrayList<>(Math.min(limit, 128));
            if (s.getIndexReader().maxDoc() == 0) {
                return new TimelinePage(items, null, sequence);
            }
            FieldDoc at = after == null ? null : fieldDoc(after, s.getIndexReader().maxDoc() - 1);
            StoredFields fields = s.storedFields();
            while (true) {
                // The index is in this order: each segment stops at its first hit past the page, as the count of
                // hits is not asked for (the default counts the first 1,000).
                TopDocs top = s.search(query, new TopFieldCollectorManager(TIMELINE, limit + 1, at, limit + 1));
                for (ScoreDoc d : top.scoreDocs) {
                    TimelineEvent e = EventDocuments.record(fields.document(d.doc));
                    if (!filter.matches(e, regions)) {
                        continue;
                    }
                    if (items.size() == limit) {
                        return new TimelinePage(items, OrderKey.of(items.get(limit - 1)).toCursor(), sequence);
                    }
                    items.add(e);
                }
                if (top.scoreDocs.length < limit + 1) {
                    return new TimelinePage(items, null, sequence);
                }
                at = (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1];
            }
        });
    }

    /** The {@code limit} most recently changed live events that pass the filter, the latest change first. */
    public List<TimelineEvent> latest(TimelineFilter filter, KnownRegions regions, int limit) {
        Query query = FilterQueries.live(filter, regions);
        return index.search(s -> {
            List<TimelineEvent> items = new ArrayList<>();
            FieldDoc at = null;
            StoredFields fields = s.storedFields();
            while (true) {
                TopDocs top = at == null ? s.search(query, limit, NEWEST_FIRST)
                        : s.searchAfter(at, query, limit, NEWEST_FIRST);
                for (ScoreDoc d : top.scoreDocs) {
                    TimelineEvent e = EventDocuments.record(fields.document(d.doc));
                    if (filter.matches(e, regions)) {
                        items.add(e);
                        if (items.size() == limit) {
                            return items;
                        }
                    }
                }
                if (top.scoreDocs.length < limit) {
                    return items;
                }
                at = (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1];
            }
        });
    }

    /** Up to {@code max} ids whose latest record lies in ({@code after}, {@code upTo}], in sequence order. */
    public List<StoredEvent> bySequence(long after, long upTo, int max) {
        if (after >= upTo) {
            return List.of();
        }
        Query query = LongPoint.newRangeQuery(EventDocuments.SEQUENCE, after + 1, upTo);
        return index.search(s -> {
            TopFieldDocs top = s.search(query, max, BY_SEQUENCE);
            List<StoredEvent> out = new ArrayList<>(top.scoreDocs.length);
            StoredFields fields = s.storedFields();
            for (ScoreDoc d : top.scoreDocs) {
                out.add(EventDocuments.read(null, fields.document(d.doc)));
            }
            return out;
        });
    }

    private static FieldDoc fieldDoc(OrderKey k, int lastDoc) {
        // At the last document: every document with the same sort values counts as before it, so the cursor's own
        // event is not repeated.
        return new FieldDoc(lastDoc, Float.NaN, new Object[] {k.start().toEpochDay(),
                EventDocuments.precision(k), EventDocuments.nanos(k.firstSeen()), new BytesRef(k.id())});
    }
}
