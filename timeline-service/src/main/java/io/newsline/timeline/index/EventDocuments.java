package io.newsline.timeline.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsline.contracts.kafka.Json;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.TimelineEvent;
import io.newsline.timeline.domain.CandidateSource;
import io.newsline.timeline.domain.EventDates;
import io.newsline.timeline.domain.OrderKey;
import io.newsline.timeline.domain.PlaceNames;
import io.newsline.timeline.domain.Revision;
import io.newsline.timeline.domain.RuleView;
import io.newsline.timeline.domain.SearchWords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/**
 * One event id as a Lucene document: the fields the filters query (terms, points, date ranges, words), the
 * fields the timeline order and the sequence sort on, and the stored record the answers are read from.
 */
final class EventDocuments {

    static final String ID = "id";
    static final String KIND = "kind";
    static final String LIVE = "event";
    static final String REMOVED = "removed";
    static final String SEQUENCE = "seq";
    static final String START = "start";
    /** First and last day as one 2-d point: the events that span a day. */
    static final String SPAN = "span";
    static final String PRECISION = "prec";
    static final String SEEN = "seen";
    static final String TYPE = "type";
    static final String STATUS = "status";
    static final String KILLED = "killed";
    static final String GEONAME_ID = "geo";
    static final String PLACE_NAME = "pname";
    static final String ADMIN1 = "admin1";
    static final String ADMIN1_STEM = "astem";
    static final String COUNTRY = "cc";
    static final String POINT = "point";
    static final String ENTITY_WORD = "ew";
    static final String WORD = "word";
    /** What the merger looks its candidates up by ({@link MergeCandidates}): place keys, long day ranges, articles. */
    static final String MERGE_PLACE = "mk";
    static final String MERGE_LONG = "mlong";
    static final String ARTICLE = "art";
    /** What the merge rule reads of a live event, as {@link RuleViews} bytes: a candidate is compared on it alone. */
    static final String RULE = "rule";
    static final String RECORD = "json";
    private static final String LAST_LIVE = "last";
    private static final String FIRST_SEQUENCE = "first";
    private static final String REVISIONS = "revs";
    private static final TypeReference<List<Revision>> REVISION_LIST = new TypeReference<>() {};

    private EventDocuments() {}

    static Document of(StoredEvent s) {
        Document d = new Document();
        d.add(new StringField(ID, s.id(), Field.Store.NO));
        d.add(new SortedDocValuesField(ID, new BytesRef(s.id())));
        long sequence = s.sequence();
        d.add(new LongPoint(SEQUENCE, sequence));
        d.add(new NumericDocValuesField(SEQUENCE, sequence));
        d.add(new StoredField(RECORD, json(s.record())));
        d.add(new StoredField(FIRST_SEQUENCE, s.firstSequence()));
        d.add(new StoredField(REVISIONS, json(s.revisions())));
        if (s.lastLive() != null) {
            d.add(new StoredField(LAST_LIVE, json(s.lastLive())));
        }
        if (!s.isLive()) {
            d.add(new StringField(KIND, REMOVED, Field.Store.NO));
            return d;
        }
        d.add(new StringField(KIND, LIVE, Field.Store.NO));
        addFilterFields(d, s.record());
        return d;
    }

    private static void addFilterFields(Document d, TimelineEvent e) {
        OrderKey key = OrderKey.of(e);
        d.add(new LongPoint(START, key.start().toEpochDay()));
        d.add(new NumericDocValuesField(START, key.start().toEpochDay()));
        long last = EventDates.lastDay(e.date(), e.dateEnd()).toEpochDay();
        d.add(new LongPoint(SPAN, key.start().toEpochDay(), last));
        d.add(new NumericDocValuesField(PRECISION, precision(key)));
        d.add(new NumericDocValuesField(SEEN, nanos(key.firstSeen())));
        if (e.type() != null) {
            d.add(new StringField(TYPE, e.type().name(), Field.Store.NO));
        }
        if (e.status() != null) {
            d.add(new StringField(STATUS, e.status().json(), Field.Store.NO));
        }
        if (e.killed() != null) {
            d.add(new IntPoint(KILLED, e.killed()));
        }
        addPlace(d, e.location());
        Set<String> entityWords = new LinkedHashSet<>();
        if (e.entities() != null) {
            e.entities().forEach(name -> entityWords.addAll(List.of(PlaceNames.normalize(name).split(" "))));
        }
        entityWords.forEach(w -> d.add(new StringField(ENTITY_WORD, w, Field.Store.NO)));
        SearchWords.of(e).forEach(w -> d.add(new StringField(WORD, w, Field.Store.NO)));
        addMergeFields(d, e);
    }

    /** The merger's own look-ups; its days and distance use {@link #SPAN} and {@link #POINT}, as the filters do. */
    private static void addMergeFields(Document d, TimelineEvent e) {
        CandidateSource.Filing filing = CandidateSource.Filing.of(e);
        filing.placeKeys().forEach(k -> d.add(new StringField(MERGE_PLACE, k, Field.Store.NO)));
        if (filing.longDayRange()) {
            d.add(new StringField(MERGE_LONG, "1", Field.Store.NO));
        }
        Set<String> articles = new LinkedHashSet<>();
        if (e.sources() != null) {
            e.sources().stream().filter(s -> s != null && s.articleId() != null).forEach(s -> articles.add(s.articleId()));
        }
        e.referencesOrEmpty().stream().filter(r -> r.articleId() != null).forEach(r -> articles.add(r.articleId()));
        articles.forEach(a -> d.add(new StringField(ARTICLE, a, Field.Store.NO)));
        d.add(new BinaryDocValuesField(RULE, RuleViews.encode(RuleView.of(e))));
    }

    private static void addPlace(Document d, EventLocation l) {
        if (l == null) {
            return;
        }
        if (l.geonameId() != null) {
            d.add(new StringField(GEONAME_ID, Long.toString(l.geonameId()), Field.Store.NO));
        }
        d.add(new StringField(PLACE_NAME, PlaceNames.normalize(l.name()), Field.Store.NO));
        if (l.admin1() != null) {
            d.add(new StringField(ADMIN1, PlaceNames.normalize(l.admin1()), Field.Store.NO));
            d.add(new StringField(ADMIN1_STEM, PlaceNames.regionStem(l.admin1()), Field.Store.NO));
        }
        if (l.countryCode() != null) {
            d.add(new StringField(COUNTRY, l.countryCode().toUpperCase(Locale.ROOT), Field.Store.NO));
        }
        if (l.lat() != null && l.lon() != null && Math.abs(l.lat()) <= 90 && Math.abs(l.lon()) <= 180) {
            d.add(new LatLonPoint(POINT, l.lat(), l.lon()));
            d.add(new LatLonDocValuesField(POINT, l.lat(), l.lon()));
        }
    }

    static StoredEvent read(String id, Document d) {
        TimelineEvent record = parse(d.getBinaryValue(RECORD), TimelineEvent.class);
        BytesRef last = d.getBinaryValue(LAST_LIVE);
        return new StoredEvent(id == null ? record.id() : id, record, last == null ? null : parse(last, TimelineEvent.class),
                d.getField(FIRST_SEQUENCE).numericValue().longValue(), parseRevisions(d.getBinaryValue(REVISIONS)));
    }

    /** Only the record: what a page needs, without the revisions. */
    static TimelineEvent record(Document d) {
        return parse(d.getBinaryValue(RECORD), TimelineEvent.class);
    }

    /** The order of {@link OrderKey}: precision day, month, year, then none. */
    static long precision(OrderKey key) {
        return key.precision() == null ? Integer.MAX_VALUE : key.precision().ordinal();
    }

    static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    private static ObjectMapper mapper() {
        return Json.mapper();
    }

    private static byte[] json(Object value) {
        try {
            return mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T parse(BytesRef bytes, Class<T> type) {
        try {
            return mapper().readValue(bytes.bytes, bytes.offset, bytes.length, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Revision> parseRevisions(BytesRef bytes) {
        try {
            return mapper().readValue(bytes.bytes, bytes.offset, bytes.length, REVISION_LIST);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
