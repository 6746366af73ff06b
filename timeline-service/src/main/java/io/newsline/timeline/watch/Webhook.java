package io.newsline.timeline.watch;

import java.net.URI;

/**
 * Where a watch's deliveries go and the secret they are signed with. The secret is kept only to sign:
 * {@link #toString()} and {@link #shown()} leave it out, so no log line or answer carries it.
 */
public record Webhook(String url, String secret) {

    /**
     * The URL as answers show it: scheme, host and port only. A webhook URL's path and query often carry a
     * credential of their own (chat services put the channel's token there), so they are not shown either.
     */
    public String shown() {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getRawAuthority().substring(u.getRawAuthority().lastIndexOf('@') + 1)
                + (u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/") ? "/" : "/…");
    }

    @Override
    public String toString() {
        return "Webhook[" + shown() + ", secret redacted]";
    }
}
