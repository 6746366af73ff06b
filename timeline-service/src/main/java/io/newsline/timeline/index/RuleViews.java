package io.newsline.timeline.index;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSignature;
import io.newsline.contracts.model.EventType;
import io.newsline.timeline.domain.MergeRule;
import io.newsline.timeline.domain.OrderKey;
import io.newsline.timeline.domain.Publication;
import io.newsline.timeline.domain.RuleView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.util.BytesRef;

/**
 * A {@link RuleView} as the bytes the index keeps beside a live event (a binary doc value): a few hundred bytes
 * against the record's kilobytes of JSON, read in microseconds. Field by field, in the record's order; a value
 * that may be absent is preceded by whether it is there; enums by name. A change of this layout is a change of
 * {@link TimelineIndex#LAYOUT}.
 */
final class RuleViews {

    private RuleViews() {}

    static BytesRef encode(RuleView view) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            MergeRule.Report r = view.report();
            writeString(out, r.type() == null ? null : r.type().name());
            writeString(out, r.date());
            writeString(out, r.dateEnd());
            writeString(out, r.precision() == null ? null : r.precision().name());
            writeLocation(out, r.location());
            out.writeInt(r.accounts().size());
            for (MergeRule.Account a : r.accounts()) {
                writeString(out, a.date());
                writeString(out, a.dateEnd());
                writeSignature(out, a.signature());
                out.writeBoolean(a.published() != null);
                if (a.published() != null) {
                    writeInstant(out, a.published().from());
                    writeInstant(out, a.published().to());
                }
            }
            OrderKey k = view.order();
            writeString(out, k.start() == null ? null : k.start().toString());
            writeString(out, k.precision() == null ? null : k.precision().name());
            out.writeBoolean(k.firstSeen() != null);
            if (k.firstSeen() != null) {
                writeInstant(out, k.firstSeen());
            }
            writeString(out, k.id());
            out.writeInt(view.sourceArticles().size());
            for (String a : view.sourceArticles()) {
                writeString(out, a);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BytesRef(bytes.toByteArray());
    }

    static RuleView decode(BytesRef bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.bytes, bytes.offset, bytes.length))) {
            String type = readString(in);
            String date = readString(in);
            String dateEnd = readString(in);
            String precision = readString(in);
            EventLocation location = readLocation(in);
            int n = in.readInt();
            List<MergeRule.Account> accounts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String accountDate = readString(in);
                String accountEnd = readString(in);
                EventSignature signature = readSignature(in);
                Publication published = in.readBoolean() ? new Publication(readInstant(in), readInstant(in)) : null;
                accounts.add(new MergeRule.Account(accountDate, accountEnd, signature, published));
            }
            String start = readString(in);
            String orderPrecision = readString(in);
            Instant seen = in.readBoolean() ? readInstant(in) : null;
            String id = readString(in);
            int m = in.readInt();
            List<String> articles = new ArrayList<>(m);
            for (int i = 0; i < m; i++) {
                articles.add(readString(in));
            }
            MergeRule.Report report = new MergeRule.Report(type == null ? null : EventType.valueOf(type), date, dateEnd,
                    precision == null ? null : DatePrecision.valueOf(precision), location, List.copyOf(accounts));
            OrderKey order = new OrderKey(start == null ? null : LocalDate.parse(start),
                    orderPrecision == null ? null : DatePrecision.valueOf(orderPrecision), seen, id);
            return new RuleView(report, order, articles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeLocation(DataOutputStream out, EventLocation l) throws IOException {
        out.writeBoolean(l != null);
        if (l == null) {
            return;
        }
        writeString(out, l.name());
        writeDouble(out, l.lat());
        writeDouble(out, l.lon());
        writeString(out, l.countryCode());
        out.writeBoolean(l.geonameId() != null);
        if (l.geonameId() != null) {
            out.writeLong(l.geonameId());
        }
        writeString(out, l.precision());
        writeString(out, l.admin1());
    }

    private static EventLocation readLocation(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        String name = readString(in);
        Double lat = readDouble(in);
        Double lon = readDouble(in);
        String country = readString(in);
        Long geonameId = in.readBoolean() ? in.readLong() : null;
        String precision = readString(in);
        String admin1 = readString(in);
        return new EventLocation(name, lat, lon, country, geonameId, precision, admin1);
    }

    private static void writeSignature(DataOutputStream out, EventSignature s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeString(out, s.timeOfDay());
            writeString(out, s.time());
            writeString(out, s.timeEnd());
            writeString(out, s.target());
            writeString(out, s.weapon());
            writeString(out, s.district());
        }
    }

    private static EventSignature readSignature(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new EventSignature(readString(in), readString(in), readString(in), readString(in), readString(in),
                readString(in));
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void writeDouble(DataOutputStream out, Double d) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) {
            out.writeDouble(d);
        }
    }

    private static Double readDouble(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    private static void writeInstant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}
