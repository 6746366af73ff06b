package io.newsline.ingest.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.newsline.contracts.problem.Problem;
import io.newsline.contracts.problem.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads request bodies defensively: media type checked, size bounded while reading, UTF-8 decoded
 * strictly (invalid bytes are a 400, not a replacement character), JSON parsed strictly (duplicate
 * keys, trailing data and deep nesting refused). Each failure is a {@link ProblemException}.
 */
final class RequestBodies {

    /** Articles are flat; anything nested deeper than this is not an article. */
    static final int MAX_NESTING = 32;

    static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Reads one element of a streamed array: the array's remaining elements are not "trailing tokens". */
    static final ObjectReader ELEMENT = STRICT.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RequestBodies() {}

    /** Refuses anything but the given media types, and any charset but UTF-8; answers the matching type. */
    static String requireMediaType(String contentType, String... accepted) {
        if (contentType == null || contentType.isBlank()) {
            throw new ProblemException(Problem.unsupportedMediaType("no Content-Type; send " + String.join(" or ", accepted)));
        }
        String[] parts = contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        String match = null;
        for (String a : accepted) {
            if (a.equals(type)) {
                match = a;
            }
        }
        if (match != null) {
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) {
                    String charset = kv[1].strip().replace("\"", "");
                    if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                        throw new ProblemException(Problem.unsupportedMediaType("charset " + shorten(charset)
                                + " is not supported; send UTF-8"));
                    }
                }
            }
            return match;
        }
        throw new ProblemException(Problem.unsupportedMediaType("Content-Type " + shorten(type)
                + " is not accepted here; send " + String.join(" or ", accepted)));
    }

    /** Reads at most {@code max} bytes; more (announced or sent) is a 413. */
    static byte[] readLimited(InputStream in, long contentLength, int max) {
        if (contentLength > max) {
            throw new ProblemException(Problem.tooLarge("the body has " + contentLength + " bytes; the limit is " + max));
        }
        try {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new ProblemException(Problem.tooLarge("the body is larger than the limit of " + max + " bytes"));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Strict UTF-8 decoding; the problem names the first bad byte's offset. */
    static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.badEncoding("invalid UTF-8 at byte offset " + in.position()));
        }
    }

    static JsonNode json(String text) {
        if (text.isBlank()) {
            throw new ProblemException(Problem.badJson("the body is empty; send one article as a JSON object"));
        }
        try {
            return STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.badJson(describe(e)));
        }
    }

    /** A parse error as a person reads it: what is wrong, and where. */
    static String describe(JsonProcessingException e) {
        String what = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
        what = shorten(what.split("\n")[0]);
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            return what + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return what;
    }

    static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 120 ? clean : clean.substring(0, 120) + "…";
    }
}
