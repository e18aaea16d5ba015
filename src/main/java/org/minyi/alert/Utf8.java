package org.minyi.alert;

import java.nio.charset.StandardCharsets;

/** Robots limit message size in UTF-8 bytes, not characters. */
final class Utf8 {

    private Utf8() {
    }

    static String truncate(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        int budget = maxBytes - 3; // room for "…"
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return kept.append('…').toString();
    }
}
