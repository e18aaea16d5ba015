package org.minyi.collect.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a row error shows a value it could not use: by its shape, never the value. A cell may hold anybody's phone
 * number or ID, and row errors travel to the job status, the inbox's error files and logs. The shape still tells a
 * user what went wrong: {@code 2019/13/45 8:00} becomes {@code '9999/99/99 9:99'} (a date format the mapping does
 * not expect), {@code 张三} becomes {@code '字字'}, {@code abc} becomes {@code 'aaa'}.
 */
final class ValueShape {

    private static final int MAX_SHOWN = 24;
    /** A quoted value inside a parser's message, such as Jackson's "Unrecognized token 'zhang13812345678'". */
    private static final Pattern QUOTED = Pattern.compile("'([^'\\n]{0,200})'");

    private ValueShape() {
    }

    /** The shape of a value, quoted, with its length when it is cut: {@code '9999-99-99'}. */
    static String of(String value) {
        if (value == null) {
            return "nothing";
        }
        StringBuilder shape = new StringBuilder(Math.min(value.length(), MAX_SHOWN) + 2).append('\'');
        int shown = 0;
        for (int i = 0; i < value.length() && shown < MAX_SHOWN; i++, shown++) {
            char c = value.charAt(i);
            if (Character.isDigit(c)) {
                shape.append('9');
            } else if (c < 0x80 && Character.isLetter(c)) {
                shape.append(Character.isUpperCase(c) ? 'A' : 'a');
            } else if (Character.isLetter(c)) {
                shape.append('字');
            } else if (Character.isWhitespace(c)) {
                shape.append(' ');
            } else {
                shape.append(c);
            }
        }
        shape.append('\'');
        if (value.length() > MAX_SHOWN) {
            shape.append(String.format(" (%,d characters)", value.length()));
        }
        return shape.toString();
    }

    /** A parser's message with every value it quotes replaced by that value's shape. */
    static String inMessage(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = QUOTED.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(of(m.group(1))));
        }
        return m.appendTail(out).toString();
    }
}
