package io.newsline.contracts.text;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stable article ids, so a re-post of the same article is recognised: from the canonical URL when
 * there is one, else from the normalised title and body.
 */
public final class ArticleIds {

    /** Query parameters that track the reader rather than name the article. */
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "msclkid", "igshid", "mc_cid", "mc_eid", "yclid", "_ga", "ref_src", "cmpid");

    private ArticleIds() {}

    /** The id for an article with this URL (may be null) and text. */
    public static String derive(String url, String title, String body) {
        if (url != null && !url.isBlank()) {
            return "u-" + digest("url\n" + canonicalUrl(url));
        }
        return "t-" + digest("text\n" + fold(title) + "\n" + fold(body));
    }

    /**
     * The URL with scheme and host lower-cased, default port, fragment and tracking parameters
     * ({@code utm_*} and the like) removed, and the remaining parameters sorted.
     */
    public static String canonicalUrl(String url) {
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "http" : u.getScheme().toLowerCase(Locale.ROOT);
            String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            int port = u.getPort();
            boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            if (path.length() > 1 && path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            List<String> params = new ArrayList<>();
            if (u.getRawQuery() != null) {
                for (String p : u.getRawQuery().split("&")) {
                    String name = p.split("=", 2)[0].toLowerCase(Locale.ROOT);
                    if (!p.isEmpty() && !name.startsWith("utm_") && !TRACKING.contains(name)) {
                        params.add(p);
                    }
                }
            }
            params.sort(null);
            // Both schemes name the same article; the id should not depend on which one a feed used.
            return "//" + host + (defaultPort ? "" : ":" + port) + path + (params.isEmpty() ? "" : "?" + String.join("&", params));
        } catch (URISyntaxException e) {
            return url.strip();
        }
    }

    private static String fold(String text) {
        return text == null ? "" : TextNormalizer.normalize(text).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
