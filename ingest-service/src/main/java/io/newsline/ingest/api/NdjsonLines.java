package io.newsline.ingest.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits an NDJSON stream into lines as it arrives, holding one line at a time; a line longer than the
 * limit is skipped to its end and reported as too long rather than buffered.
 */
final class NdjsonLines {

    /** One line: its bytes (without the line break), or {@code tooLong} with no bytes. */
    record Line(byte[] bytes, boolean tooLong) {}

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int limit;
    private boolean eof;

    NdjsonLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next non-blank line, or null at the end of the stream. */
    Line next() throws IOException {
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean tooLong = false;
            boolean sawAny = false;
            while (true) {
                if (pos == limit) {
                    if (eof || !fill()) {
                        break;
                    }
                }
                int start = pos;
                while (pos < limit && buffer[pos] != '\n') {
                    pos++;
                }
                int n = pos - start;
                sawAny |= n > 0;
                if (!tooLong) {
                    if (line.size() + n > maxLineBytes) {
                        tooLong = true;
                        line.reset();
                    } else {
                        line.write(buffer, start, n);
                    }
                }
                if (pos < limit) {
                    pos++; // the '\n'
                    sawAny = true;
                    break;
                }
            }
            if (!sawAny && eof && pos == limit) {
                return null;
            }
            if (tooLong) {
                return new Line(new byte[0], true);
            }
            byte[] bytes = line.toByteArray();
            int end = bytes.length;
            if (end > 0 && bytes[end - 1] == '\r') {
                end--;
            }
            if (!isBlank(bytes, end)) {
                return new Line(end == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, end), false);
            }
            if (eof && pos == limit) {
                return null;
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n < 0) {
            eof = true;
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private static boolean isBlank(byte[] bytes, int end) {
        for (int i = 0; i < end; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
