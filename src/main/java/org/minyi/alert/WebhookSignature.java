package org.minyi.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How MinYi signs webhook requests, and how a receiver checks them. The request carries
 * {@value #TIMESTAMP_HEADER} (Unix seconds) and {@value #SIGNATURE_HEADER}: {@code sha256=} + hex
 * HMAC-SHA256(secret, timestamp + "." + body). Signing the timestamp with the body lets a receiver refuse replays of
 * an old request.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-MinYi-Timestamp";
    public static final String SIGNATURE_HEADER = "X-MinYi-Signature";
    public static final String ALERT_ID_HEADER = "X-MinYi-Alert-Id";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestampSeconds, String body) {
        return "sha256=" + HexFormat.of().formatHex(
                hmacSha256(secret, timestampSeconds + "." + body));
    }

    /** True when the signature is right and the timestamp is within {@code tolerance} of {@code now}. */
    public static boolean verify(String secret, String timestamp, String body, String signature, Instant now,
                                 Duration tolerance) {
        if (timestamp == null || signature == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(sign(secret, seconds, body).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] hmacSha256(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
