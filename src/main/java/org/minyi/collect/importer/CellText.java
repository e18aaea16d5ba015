package org.minyi.collect.importer;

/** Tidies cell values: scraped cells come wrapped in tabs, newlines, no-break and ideographic spaces. */
final class CellText {

    private CellText() {
    }

    /** The value without surrounding blanks (inner line breaks kept), or null when nothing is left. */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        int end = value.length();
        while (start < end && isBlank(value.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(value.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : value.substring(start, end);
    }

    // Character.isWhitespace leaves out no-break spaces, which government sites use for indentation; control
    // characters (NUL, BEL…) show nothing, so a cell of only those is empty too.
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || c == '\uFEFF' || c == '\u200B';
    }
}
