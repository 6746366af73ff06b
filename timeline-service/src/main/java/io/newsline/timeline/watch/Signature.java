package io.newsline.timeline.watch;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** {@code X-Newsline-Signature}: {@code sha256=} and the hex HMAC-SHA256 of the body, keyed with the watch's secret. */
public final class Signature {

    public static final String HEADER = "X-Newsline-Signature";
    public static final String PREFIX = "sha256=";

    public static String of(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            // Every Java platform provides HmacSHA256.
            throw new IllegalStateException(e);
        }
    }

    private Signature() {}
}
