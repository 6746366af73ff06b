package io.newsline.timeline.watch;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsline.contracts.net.OutboundAddressPolicy;
import io.newsline.timeline.domain.TimelineFilter.BadFilterException;
import io.newsline.timeline.domain.TimelineFilter.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code POST /api/watches}: {@code {name, filter, webhook: {url, secret}}}. Every bad field is named in
 * the {@link BadFilterException} it throws ({@code name}, {@code filter.near.km}, {@code webhook.url}, …).
 */
public final class WatchRequest {

    /** Letters, digits, '.', '_' and '-': a name that is its own URL path segment. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 256;
    private static final Set<String> FIELDS = Set.of("name", "filter", "webhook");

    /** What a request asks for, before it is given its creation time and starting sequence. */
    public record Parsed(String name, WatchFilter filter, Webhook webhook) {}

    private final OutboundAddressPolicy policy;

    public WatchRequest(OutboundAddressPolicy policy) {
        this.policy = policy;
    }

    public Parsed read(JsonNode body) {
        List<Violation> bad = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new BadFilterException(List.of(new Violation("", "a watch is a JSON object {name, filter, webhook}")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!FIELDS.contains(field)) {
                bad.add(new Violation(field, "is not a field of a watch: name, filter, webhook"));
            }
        }
        JsonNode n = body.get("name");
        String name = n != null && n.isTextual() ? n.textValue() : null;
        if (name == null || !NAME.matcher(name).matches()) {
            bad.add(new Violation("name", "is required: 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        WatchFilter filter = WatchFilter.read(body.get("filter"), bad);
        Webhook webhook = webhook(body.get("webhook"), bad);
        if (!bad.isEmpty()) {
            throw new BadFilterException(bad);
        }
        return new Parsed(name, filter, webhook);
    }

    private Webhook webhook(JsonNode node, List<Violation> bad) {
        if (node == null || !node.isObject()) {
            bad.add(new Violation("webhook", "is required: {url, secret}"));
            return null;
        }
        String url = null;
        JsonNode u = node.get("url");
        if (u == null || !u.isTextual()) {
            bad.add(new Violation("webhook.url", "is required: an absolute http or https URL"));
        } else {
            try {
                url = policy.validate(u.textValue()).toString();
            } catch (OutboundAddressPolicy.RefusedUrl e) {
                bad.add(new Violation("webhook.url", e.getMessage()));
            }
        }
        String secret = null;
        JsonNode s = node.get("secret");
        if (s == null || !s.isTextual() || s.textValue().length() < MIN_SECRET || s.textValue().length() > MAX_SECRET) {
            // Never echo it back.
            bad.add(new Violation("webhook.secret", "is required: " + MIN_SECRET + " to " + MAX_SECRET
                    + " characters, used to sign every delivery"));
        } else {
            secret = s.textValue();
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!field.equals("url") && !field.equals("secret")) {
                bad.add(new Violation("webhook." + field, "is not a field of a webhook: url, secret"));
            }
        }
        return url == null || secret == null ? null : new Webhook(url, secret);
    }
}
