package io.newsline.timeline.index;

import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.domain.KnownRegions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.jboss.logging.Logger;

/**
 * The timeline's Lucene index: one document per event id ({@link EventDocuments}), one per region the place
 * filter knows, and, in each commit's user data, how far into {@code news.timeline} the commit reaches. Written by
 * one thread; searched by any number, each through the searcher of the last {@link #refresh}.
 *
 * <p>An index that cannot be opened (corrupt, or of a format this Lucene does not read) is emptied and starts
 * again: {@code news.timeline} is the source of truth, and the loader rebuilds from it.
 */
public final class TimelineIndex implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TimelineIndex.class);
    private static final String REGION = "region";
    private static final String REGION_COUNTRY = "region_cc";
    private static final String REGION_ADMIN1 = "region_admin1";

    /**
     * The fields a document has ({@link EventDocuments}), written into every commit: an index of another layout
     * (an older version's) is emptied at open and rebuilt. Raise it whenever a query needs a field older documents
     * lack. 2: the coordinates as doc values and the first and last day as one 2-d point; 3: the merger reads
     * those same fields, not copies of its own; 4: what the merge rule reads of an event, as a doc value; 5: that
     * view in half the bytes, with a fingerprint of the enums whose ordinals it holds.
     */
    static final String LAYOUT = "5-" + RuleViews.ENUMS;
    static final String LAYOUT_KEY = "layout";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Path path;

    private TimelineIndex(Directory directory, Path path) throws IOException {
        this.directory = directory;
        this.path = path;
        IndexWriterConfig config = new IndexWriterConfig();
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        // Bounded: what the writer buffers before it writes a segment counts against the service's heap.
        config.setRAMBufferSizeMB(32);
        config.setCommitOnClose(false);
        // Segments kept in timeline order: a page in that order stops after its hits instead of ranking every
        // match (an index written in another order cannot be opened with this one: it is rebuilt).
        config.setIndexSort(IndexReads.TIMELINE);
        this.writer = new IndexWriter(directory, config);
        try {
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            throw e;
        }
    }

    /** The index in this folder, created when absent, emptied when it cannot be read. */
    public static TimelineIndex open(Path folder) {
        try {
            Files.createDirectories(folder);
            try {
                TimelineIndex index = new TimelineIndex(FSDirectory.open(folder), folder);
                String layout = index.committed().get(LAYOUT_KEY);
                if (DirectoryReader.indexExists(index.directory) && !LAYOUT.equals(layout)) {
                    // Written with other fields: its queries would miss events. Rebuilt, like an unreadable one.
                    LOG.warnf("the timeline index in %s has layout %s, this version writes %s: emptied, it is rebuilt "
                            + "from news.timeline", folder, layout, LAYOUT);
                    index.writer.deleteAll();
                    index.commit(Map.of());
                }
                index.searchers.maybeRefreshBlocking();
                return index;
            } catch (LockObtainFailedException inUse) {
                // Another process writes this index: never empty it under that one's feet.
                throw new IllegalStateException("the timeline index in " + folder + " is in use by another "
                        + "instance; give each instance a folder of its own (timeline.index.dir)", inUse);
            } catch (IOException | RuntimeException unreadable) {
                LOG.warnf("the timeline index in %s cannot be read (%s): emptied, it is rebuilt from news.timeline",
                        folder, unreadable.toString());
                empty(folder);
                return new TimelineIndex(FSDirectory.open(folder), folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the timeline index in " + folder, e);
        }
    }

    /** An index in memory only, for tests and for instances without a data folder. */
    public static TimelineIndex inMemory() {
        try {
            return new TimelineIndex(new ByteBuffersDirectory(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void empty(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p)) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The user data of the last commit: what {@link #commit} was given ({@code sequence}, {@code offset}, …). */
    public Map<String, String> committed() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return Map.of();
            }
            return SegmentInfos.readLatestCommit(directory).getUserData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes what the index holds of an id. {@code replaces}: the index may hold the id already (else it is added
     * without looking for an old document to delete: a rebuild adds a million ids it has never seen).
     */
    public void put(StoredEvent e, boolean replaces) {
        try {
            if (!replaces) {
                writer.addDocument(EventDocuments.of(e));
                return;
            }
            writer.updateDocument(new Term(EventDocuments.ID, e.id()), EventDocuments.of(e));
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    public void putRegion(long geonameId, KnownRegions.Region region) {
        Document d = new Document();
        String id = REGION + ":" + geonameId;
        d.add(new StringField(EventDocuments.ID, id, Field.Store.NO));
        // Every document gives a field the same kinds of value (Lucene's rule), so the id's sort value too.
        d.add(new SortedDocValuesField(EventDocuments.ID, new BytesRef(id)));
        d.add(new StringField(EventDocuments.KIND, REGION, Field.Store.NO));
        d.add(new StoredField(REGION, geonameId));
        if (region.countryCode() != null) {
            d.add(new StoredField(REGION_COUNTRY, region.countryCode()));
        }
        if (region.admin1() != null) {
            d.add(new StoredField(REGION_ADMIN1, region.admin1()));
        }
        try {
            writer.updateDocument(new Term(EventDocuments.ID, id), d);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** Every region stored. */
    public Map<Long, KnownRegions.Region> regions() {
        return search(s -> {
            Map<Long, KnownRegions.Region> out = new HashMap<>();
            TopDocs top = s.search(new TermQuery(new Term(EventDocuments.KIND, REGION)), Integer.MAX_VALUE);
            StoredFields fields = s.storedFields();
            for (ScoreDoc d : top.scoreDocs) {
                Document doc = fields.document(d.doc);
                out.put(doc.getField(REGION).numericValue().longValue(),
                        new KnownRegions.Region(doc.get(REGION_COUNTRY), doc.get(REGION_ADMIN1)));
            }
            return out;
        });
    }

    /**
     * What the index holds of an id, as of the last refresh; null when nothing. Looked up in the id's postings
     * segment by segment rather than by a search: the loader asks this for every record it applies.
     */
    public StoredEvent get(String id) {
        BytesRef term = new BytesRef(id);
        return search(s -> {
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(EventDocuments.ID);
                if (terms == null) {
                    continue;
                }
                TermsEnum te = terms.iterator();
                if (!te.seekExact(term)) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                PostingsEnum docs = te.postings(null, PostingsEnum.NONE);
                for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
                    if (live == null || live.get(d)) {
                        return EventDocuments.read(id, leaf.reader().storedFields().document(d));
                    }
                }
            }
            return null;
        });
    }

    /** Every live event, in no order. */
    public List<TimelineEvent> liveEvents() {
        return search(s -> {
            List<TimelineEvent> out = new ArrayList<>();
            TopDocs top = s.search(new TermQuery(new Term(EventDocuments.KIND, EventDocuments.LIVE)), Integer.MAX_VALUE);
            StoredFields fields = s.storedFields();
            for (ScoreDoc d : top.scoreDocs) {
                out.add(EventDocuments.record(fields.document(d.doc)));
            }
            return out;
        });
    }

    public int countLive() {
        return search(s -> s.count(new TermQuery(new Term(EventDocuments.KIND, EventDocuments.LIVE))));
    }

    /** Runs a search on the searcher of the last refresh. */
    public <T> T search(IoFunction<IndexSearcher, T> query) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return query.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes what was put so far visible to searches. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes what was put so far to disk, durably, with this user data; the next start reads it back. */
    public void commit(Map<String, String> userData) {
        try {
            Map<String, String> data = new HashMap<>(userData);
            data.put(LAYOUT_KEY, LAYOUT);
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops every document (committed with the next {@link #commit}). */
    public void clear() {
        try {
            writer.deleteAll();
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes the index takes in its folder; 0 in memory. */
    public long diskBytes() {
        if (path == null) {
            return 0;
        }
        long total = 0;
        try {
            for (String f : directory.listAll()) {
                total += Files.size(path.resolve(f));
            }
        } catch (IOException e) {
            // A file merged away while listing: the next reading counts again.
        }
        return total;
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A search step that may fail with an I/O error. */
    @FunctionalInterface
    public interface IoFunction<A, B> {
        B apply(A a) throws IOException;
    }
}
