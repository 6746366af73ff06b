package io.newsline.ingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonLinesTest {

    private static List<String> lines(String text, int max) throws IOException {
        NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
        List<String> out = new ArrayList<>();
        NdjsonLines.Line l;
        while ((l = lines.next()) != null) {
            out.add(l.tooLong() ? "<too long>" : new String(l.bytes(), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void splitsOnLineBreaksSkippingBlankLinesAndCarriageReturns() throws IOException {
        assertEquals(List.of("a", "b", "c"), lines("a\n\n  \r\nb\r\nc", 100));
        assertEquals(List.of("a"), lines("a\n", 100));
        assertTrue(lines("", 100).isEmpty());
        assertTrue(lines("\n\n", 100).isEmpty());
    }

    @Test
    void aLineOverTheLimitIsReportedWithoutBeingKept() throws IOException {
        assertEquals(List.of("ok", "<too long>", "ok2"), lines("ok\n" + "x".repeat(200_000) + "\nok2\n", 1_000));
    }

    @Test
    void readsAStreamThatArrivesInSmallPieces() throws IOException {
        byte[] data = "first\nsecond\n".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            int i;

            @Override
            public int read() {
                return i < data.length ? data[i++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= data.length) {
                    return -1;
                }
                b[off] = data[i++];
                return 1;
            }
        };
        NdjsonLines lines = new NdjsonLines(trickle, 100);
        assertEquals("first", new String(lines.next().bytes(), StandardCharsets.UTF_8));
        assertEquals("second", new String(lines.next().bytes(), StandardCharsets.UTF_8));
        assertNull(lines.next());
    }
}
