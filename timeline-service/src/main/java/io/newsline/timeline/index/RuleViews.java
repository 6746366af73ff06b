package io.newsline.timeline.index;

import io.newsline.contracts.model.DatePrecision;
import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSignature;
import io.newsline.contracts.model.EventType;
import io.newsline.timeline.domain.MergeRule;
import io.newsline.timeline.domain.OrderKey;
import io.newsline.timeline.domain.Publication;
import io.newsline.timeline.domain.RuleView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.BytesRef;

/**
 * A {@link RuleView} as the bytes the index keeps beside a live event (a binary doc value, which Lucene does not
 * compress): some 120 bytes for a one-source event. So it leaves out what the index has already or what follows
 * from the rest: the id (the document's own), the order key's first day and precision (the report's date), an
 * account's date when it is the event's. Days, months and years are numbers, lengths and times variable-length
 * integers, enums their ordinal: {@link #ENUMS} names the enums' constants, and {@link TimelineIndex#LAYOUT}
 * includes it, so an index written with other constants is rebuilt rather than misread. A change of this layout is
 * a change of {@link TimelineIndex#LAYOUT}.
 */
final class RuleViews {

    /** The enums' constants, in order, as a short fingerprint: their ordinals are what the bytes hold. */
    static final String ENUMS = Integer.toHexString(Objects.hash(
            Arrays.toString(EventType.values()), Arrays.toString(DatePrecision.values())));

    private static final int NO_DATE = 0;
    private static final int DAY = 1;
    private static final int MONTH = 2;
    private static final int YEAR = 3;
    private static final int TEXT = 4;

    private static final int LOCATED = 1;
    private static final int LAT = 2;
    private static final int LON = 4;
    private static final int GEONAME = 8;

    private static final int OWN_DATE = 1;
    private static final int OWN_END = 2;
    private static final int SIGNED = 4;
    private static final int PUBLISHED = 8;

    private RuleViews() {}

    static BytesRef encode(RuleView view) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput(128);
        try {
            MergeRule.Report r = view.report();
            out.writeByte(ordinal(r.type()));
            writeDate(out, r.date());
            writeDate(out, r.dateEnd());
            out.writeByte(ordinal(r.precision()));
            writeLocation(out, r.location());
            out.writeVInt(r.accounts().size());
            for (MergeRule.Account a : r.accounts()) {
                boolean ownDate = !Objects.equals(a.date(), r.date());
                boolean ownEnd = !Objects.equals(a.dateEnd(), r.dateEnd());
                out.writeByte((byte) ((ownDate ? OWN_DATE : 0) | (ownEnd ? OWN_END : 0)
                        | (a.signature() != null ? SIGNED : 0) | (a.published() != null ? PUBLISHED : 0)));
                if (ownDate) {
                    writeDate(out, a.date());
                }
                if (ownEnd) {
                    writeDate(out, a.dateEnd());
                }
                if (a.signature() != null) {
                    writeSignature(out, a.signature());
                }
                if (a.published() != null) {
                    writeInstant(out, a.published().from());
                    out.writeZLong(a.published().to().getEpochSecond() - a.published().from().getEpochSecond());
                    out.writeVInt(a.published().to().getNano());
                }
            }
            writeInstant(out, view.order().firstSeen());
            out.writeVInt(view.sourceArticles().size());
            for (String article : view.sourceArticles()) {
                writeString(out, article);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BytesRef(out.toArrayCopy());
    }

    /** The view of event {@code id} from its bytes. */
    static RuleView decode(BytesRef bytes, String id) {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
        EventType type = enumAt(EventType.values(), in.readByte());
        String date = readDate(in);
        String dateEnd = readDate(in);
        DatePrecision precision = enumAt(DatePrecision.values(), in.readByte());
        EventLocation location = readLocation(in);
        int n = in.readVInt();
        List<MergeRule.Account> accounts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int flags = in.readByte();
            String accountDate = (flags & OWN_DATE) != 0 ? readDate(in) : date;
            String accountEnd = (flags & OWN_END) != 0 ? readDate(in) : dateEnd;
            EventSignature signature = (flags & SIGNED) != 0 ? readSignature(in) : null;
            Publication published = null;
            if ((flags & PUBLISHED) != 0) {
                Instant from = readInstant(in);
                Instant to = Instant.ofEpochSecond(from.getEpochSecond() + readZLong(in), in.readVInt());
                published = new Publication(from, to);
            }
            accounts.add(new MergeRule.Account(accountDate, accountEnd, signature, published));
        }
        Instant seen = readInstant(in);
        int m = in.readVInt();
        List<String> articles = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            articles.add(readString(in));
        }
        MergeRule.Report report = new MergeRule.Report(type, date, dateEnd, precision, location, List.copyOf(accounts));
        return new RuleView(report, OrderKey.of(date, precision, seen, id), articles);
    }

    private static byte ordinal(Enum<?> value) {
        return (byte) (value == null ? 0 : value.ordinal() + 1);
    }

    private static <E> E enumAt(E[] values, int code) {
        return code == 0 ? null : values[code - 1];
    }

    /** An ISO day, month or year as a number when it reads back as the same text; anything else as its text. */
    private static void writeDate(ByteBuffersDataOutput out, String date) throws IOException {
        if (date == null) {
            out.writeByte((byte) NO_DATE);
            return;
        }
        try {
            if (date.length() == 10) {
                LocalDate day = LocalDate.parse(date);
                if (day.toString().equals(date)) {
                    out.writeByte((byte) DAY);
                    out.writeZLong(day.toEpochDay());
                    return;
                }
            } else if (date.length() == 7 && date.charAt(4) == '-') {
                int year = Integer.parseInt(date.substring(0, 4));
                int month = Integer.parseInt(date.substring(5));
                if (month >= 1 && month <= 12 && String.format("%04d-%02d", year, month).equals(date)) {
                    out.writeByte((byte) MONTH);
                    out.writeVInt(year * 12 + month - 1);
                    return;
                }
            } else if (date.length() == 4 && String.format("%04d", Integer.parseInt(date)).equals(date)) {
                out.writeByte((byte) YEAR);
                out.writeVInt(Integer.parseInt(date));
                return;
            }
        } catch (DateTimeParseException | NumberFormatException notIso) {
            // kept as text below
        }
        out.writeByte((byte) TEXT);
        writeString(out, date);
    }

    private static String readDate(ByteArrayDataInput in) {
        return switch (in.readByte()) {
            case NO_DATE -> null;
            case DAY -> LocalDate.ofEpochDay(readZLong(in)).toString();
            case MONTH -> {
                int months = in.readVInt();
                yield String.format("%04d-%02d", months / 12, months % 12 + 1);
            }
            case YEAR -> String.format("%04d", in.readVInt());
            default -> readString(in);
        };
    }

    private static void writeLocation(ByteBuffersDataOutput out, EventLocation l) throws IOException {
        if (l == null) {
            out.writeByte((byte) 0);
            return;
        }
        out.writeByte((byte) (LOCATED | (l.lat() != null ? LAT : 0) | (l.lon() != null ? LON : 0)
                | (l.geonameId() != null ? GEONAME : 0)));
        writeString(out, l.name());
        if (l.lat() != null) {
            out.writeLong(Double.doubleToLongBits(l.lat()));
        }
        if (l.lon() != null) {
            out.writeLong(Double.doubleToLongBits(l.lon()));
        }
        writeString(out, l.countryCode());
        if (l.geonameId() != null) {
            out.writeZLong(l.geonameId());
        }
        writeString(out, l.precision());
        writeString(out, l.admin1());
    }

    private static EventLocation readLocation(ByteArrayDataInput in) {
        int flags = in.readByte();
        if ((flags & LOCATED) == 0) {
            return null;
        }
        String name = readString(in);
        Double lat = (flags & LAT) != 0 ? Double.longBitsToDouble(in.readLong()) : null;
        Double lon = (flags & LON) != 0 ? Double.longBitsToDouble(in.readLong()) : null;
        String country = readString(in);
        Long geonameId = (flags & GEONAME) != 0 ? readZLong(in) : null;
        return new EventLocation(name, lat, lon, country, geonameId, readString(in), readString(in));
    }

    private static void writeSignature(ByteBuffersDataOutput out, EventSignature s) throws IOException {
        writeString(out, s.timeOfDay());
        writeString(out, s.time());
        writeString(out, s.timeEnd());
        writeString(out, s.target());
        writeString(out, s.weapon());
        writeString(out, s.district());
    }

    private static EventSignature readSignature(ByteArrayDataInput in) {
        return new EventSignature(readString(in), readString(in), readString(in), readString(in), readString(in),
                readString(in));
    }

    /** A text as its UTF-8 length plus one (zero: none) and its bytes. */
    private static void writeString(ByteBuffersDataOutput out, String s) throws IOException {
        if (s == null) {
            out.writeVInt(0);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeVInt(utf8.length + 1);
        out.writeBytes(utf8, utf8.length);
    }

    private static String readString(ByteArrayDataInput in) {
        int n = in.readVInt();
        if (n == 0) {
            return null;
        }
        byte[] utf8 = new byte[n - 1];
        in.readBytes(utf8, 0, utf8.length);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void writeInstant(ByteBuffersDataOutput out, Instant t) throws IOException {
        out.writeZLong(t.getEpochSecond());
        out.writeVInt(t.getNano());
    }

    /** {@link ByteArrayDataInput} reads a zig-zag long through the general, throwing path; this one does not. */
    private static long readZLong(ByteArrayDataInput in) {
        return BitUtil.zigZagDecode(in.readVLong());
    }

    private static Instant readInstant(ByteArrayDataInput in) {
        return Instant.ofEpochSecond(readZLong(in), in.readVInt());
    }
}
