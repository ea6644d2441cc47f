package gov.commerce.aiexports.notifications.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The X-Signature of a webhook delivery: {@code sha256=} and the lower-case hex HMAC-SHA256 of
 * the exact body bytes, keyed with the subscriber's secret (its UTF-8 bytes).
 */
public final class Signature {

    public static final String HEADER = "X-Signature";
    public static final String PREFIX = "sha256=";

    private Signature() {
    }

    public static String of(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
