package io.newsline.contracts.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Where Newsline may send a request on a user's behalf (a webhook, a feed to poll): absolute http or https
 * URLs only and, unless the operator turned it off, never to a loopback, link-local, private or otherwise
 * internal address, so that a URL someone hands in cannot reach the machine's own services, a cloud's
 * metadata endpoint or the local network (server-side request forgery). One policy for every service.
 *
 * <p>The address check resolves the host itself. The JDK's HTTP client resolves it again when it connects,
 * through the same JVM-wide cache of lookups (30 s by default), so a name that answers a public address to
 * the check and a private one to the connection (DNS rebinding) only gets through if its cache entry
 * expires between the two calls, microseconds apart.
 */
public final class OutboundAddressPolicy {

    /** The setting (env {@code NEWSLINE_OUTBOUND_REFUSE_PRIVATE_ADDRESSES}); on unless set to false. */
    public static final String SETTING = "newsline.outbound.refuse-private-addresses";
    public static final int MAX_URL_LENGTH = 2048;

    private final boolean refusePrivate;

    private OutboundAddressPolicy(boolean refusePrivate) {
        this.refusePrivate = refusePrivate;
    }

    /** The policy; {@code refusePrivate} false allows internal addresses (a receiver on the same machine). */
    public static OutboundAddressPolicy of(boolean refusePrivate) {
        return new OutboundAddressPolicy(refusePrivate);
    }

    public boolean refusesPrivateAddresses() {
        return refusePrivate;
    }

    /** A URL or address this policy does not let a service request. */
    public static final class RefusedUrl extends Exception {
        public RefusedUrl(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Checks a URL a user hands in (to store it): its form and, when its host resolves now, every address it
     * resolves to. A host that does not resolve yet is let through: each request checks it again.
     */
    public URI validate(String url) throws RefusedUrl {
        URI uri = parse(url);
        if (refusePrivate) {
            try {
                checkAddresses(uri.getHost());
            } catch (UnknownHostException notYet) {
                // Checked again before every request, when it must resolve.
            }
        }
        return uri;
    }

    /** Checks a URL just before a request goes to it: its form and every address its host resolves to. */
    public void requireAllowed(URI uri) throws RefusedUrl {
        URI checked = parse(uri.toString());
        if (!refusePrivate) {
            return;
        }
        try {
            checkAddresses(checked.getHost());
        } catch (UnknownHostException e) {
            throw new RefusedUrl("host " + checked.getHost() + " does not resolve");
        }
    }

    private static URI parse(String url) throws RefusedUrl {
        if (url == null || url.isBlank()) {
            throw new RefusedUrl("is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new RefusedUrl("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new RefusedUrl("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new RefusedUrl("must be an absolute http or https URL");
        }
        return uri;
    }

    private static void checkAddresses(String host) throws UnknownHostException, RefusedUrl {
        // URI keeps the brackets of an IPv6 literal; InetAddress wants the address alone.
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (InetAddress a : InetAddress.getAllByName(bare)) {
            String why = whyRefused(a);
            if (why != null) {
                throw new RefusedUrl("resolves to " + a.getHostAddress() + ", a " + why + " address, which "
                        + SETTING + " refuses");
            }
        }
    }

    /** Why an address is internal (loopback, private, …), or null when it is a public one. */
    public static String whyRefused(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress()) {
            return "private";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            return whyRefusedV4(b);
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return "unique-local (private)";
            }
            // IPv4 addresses carried inside IPv6 ones reach the IPv4 host they embed.
            if (allZero(b, 0, 10) && (allZero(b, 10, 12) || (b[10] & b[11] & 0xff) == 0xff)) {
                return whyRefused(v4(b, 12));
            }
            if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                    && allZero(b, 4, 12)) {
                return whyRefused(v4(b, 12));
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return whyRefused(v4(b, 2));
            }
        }
        return null;
    }

    private static String whyRefusedV4(byte[] b) {
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return "this-network";
        }
        if (first == 100 && (second & 0xc0) == 64) {
            return "shared (carrier-grade NAT)";
        }
        if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
            return "IETF protocol";
        }
        if (first == 198 && (second & 0xfe) == 18) {
            return "benchmarking";
        }
        if (first >= 240) {
            return "reserved";
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress v4(byte[] b, int at) {
        try {
            return InetAddress.getByAddress(new byte[] {b[at], b[at + 1], b[at + 2], b[at + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    @Override
    public String toString() {
        return "OutboundAddressPolicy[" + (refusePrivate ? "public addresses only" : "any address") + "]";
    }
}
