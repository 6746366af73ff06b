package io.newsline.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.kafka.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a page says a command answers, read from the comments after it: an HTTP status ({@code 401},
 * {@code HTTP/1.1 202 Accepted}) at their start, then a JSON document whose fields the answer must show
 * ({@code …} stands for any text, a bare {@code , …} for more items), or a list of the fields it has
 * ({@code {items, nextCursor, sequence}}). Anything else in the comments describes and is not checked.
 */
record DocumentedOutput(Integer status, JsonNode fields, List<String> fieldNames) {

    private static final Pattern STATUS = Pattern.compile("^(?:HTTP/[\\d.]+\\s+)?([1-5]\\d\\d)\\b");
    private static final Pattern NAMES = Pattern.compile("\\{\\s*[A-Za-z]\\w*(\\s*,\\s*[A-Za-z]\\w*)*\\s*}");
    private static final Pattern MORE = Pattern.compile(",\\s*…\\s*(?=[\\]}])");
    private static final String ANY = "…";

    static DocumentedOutput of(String documented) {
        String text = documented.strip();
        Matcher status = STATUS.matcher(text);
        Integer code = status.find() ? Integer.valueOf(status.group(1)) : null;
        int brace = text.indexOf('{');
        if (brace < 0) {
            return new DocumentedOutput(code, null, List.of());
        }
        String doc = text.substring(brace);
        Matcher names = NAMES.matcher(doc);
        if (names.lookingAt()) {
            List<String> fields = Arrays.stream(doc.substring(1, names.end() - 1).split(","))
                    .map(String::strip).toList();
            return new DocumentedOutput(code, null, fields);
        }
        String json = MORE.matcher(doc.substring(0, doc.lastIndexOf('}') + 1)).replaceAll("");
        try {
            JsonNode fields = Json.mapper().readTree(json);
            if (fields != null && fields.isObject()) {
                return new DocumentedOutput(code, fields, List.of());
            }
        } catch (JsonProcessingException e) {
            // said below
        }
        throw new IllegalArgumentException("the documented answer is neither JSON nor {field, …}: " + doc);
    }

    /** Why the answer does not show what is documented; empty when it does. */
    List<String> mismatches(JsonNode answer) {
        List<String> out = new ArrayList<>();
        if (fields != null) {
            compare("", fields, answer, out);
        }
        for (String name : fieldNames) {
            if (answer == null || !answer.has(name)) {
                out.add("no field " + name);
            }
        }
        return out;
    }

    boolean checksFields() {
        return fields != null || !fieldNames.isEmpty();
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> out) {
        if (actual == null || actual.isMissingNode()) {
            out.add((path.isEmpty() ? "the answer" : path) + " is missing");
        } else if (expected.isObject()) {
            if (!actual.isObject()) {
                out.add(path + " is not an object: " + shorten(actual));
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                compare(path + "." + e.getKey(), e.getValue(), actual.get(e.getKey()), out);
            }
        } else if (expected.isArray()) {
            if (!actual.isArray() || actual.size() < expected.size()) {
                out.add(path + " is not an array of at least " + expected.size() + ": " + shorten(actual));
                return;
            }
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i), out);
            }
        } else if (expected.isTextual() && expected.textValue().contains(ANY)) {
            String pattern = Arrays.stream(expected.textValue().split(ANY, -1)).map(Pattern::quote)
                    .collect(Collectors.joining(".*"));
            if (!actual.isTextual() || !Pattern.compile(pattern, Pattern.DOTALL).matcher(actual.textValue()).matches()) {
                out.add(path + " is " + shorten(actual) + ", documented " + expected);
            }
        } else if (expected.isNumber() ? !actual.isNumber() || expected.decimalValue().compareTo(actual.decimalValue()) != 0
                : !expected.equals(actual)) {
            out.add(path + " is " + shorten(actual) + ", documented " + expected);
        }
    }

    private static String shorten(JsonNode node) {
        String s = String.valueOf(node);
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
