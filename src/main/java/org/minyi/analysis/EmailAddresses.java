package org.minyi.analysis;

import java.util.List;

/**
 * Finds e-mail addresses in a {@link FoldedText folded} text by looking outwards from each {@code @}: at most
 * {@value #MAX_LOCAL} characters back for the local part and {@value #MAX_DOMAIN} forward for the domain (their
 * RFC 5321 lengths), so every {@code @} costs a bounded number of steps and a hostile text of letters and
 * {@code @}s is scanned in linear time (a regular expression tried every start position of a long run of letters
 * again at every {@code @}: 0.85 MB of {@code "a"*60+"@"} took 35 s).
 *
 * <p>Internationalised addresses count: local parts and domain labels in any script ({@code 张三@例子.中国},
 * {@code user@münchen.de}). A label does not mix Chinese with Latin letters, so an address written straight into
 * Chinese text ({@code 发到zhang@gov.cn谢谢}) ends where the Chinese resumes; a top-level domain in Chinese must be
 * one of {@link #CJK_TOP_LEVEL}.
 */
final class EmailAddresses {

    static final int MAX_LOCAL = 64;
    static final int MAX_LABEL = 63;
    static final int MAX_DOMAIN = 255;

    /** Top-level domains in Chinese script, longest first so a longer one wins over its prefix. */
    private static final List<String> CJK_TOP_LEVEL = List.of("中文网", "中国", "中國", "公司", "网络", "網絡", "在线",
            "商城", "网店", "集团", "政务", "公益", "香港", "台湾", "台灣", "新加坡", "游戏", "企业", "信息", "手机", "网址");

    /** Receives each address found, as a span of the text. */
    interface Found {
        void address(int start, int end);
    }

    private EmailAddresses() {
    }

    static void find(String folded, Found found) {
        int from = 0;
        for (int at = folded.indexOf('@'); at >= 0; at = folded.indexOf('@', Math.max(at + 1, from))) {
            int start = localPartStart(folded, at, from);
            if (start == at) {
                continue;
            }
            int end = domainEnd(folded, at + 1);
            if (end > 0) {
                found.address(start, end);
                from = end;
            }
        }
    }

    /** Where the local part before {@code at} starts (never before {@code floor}); {@code at} when it has none. */
    private static int localPartStart(String t, int at, int floor) {
        int limit = Math.max(floor, at - MAX_LOCAL);
        int i = at;
        if (at > 0 && isAsciiLocal(t.charAt(at - 1))) {
            while (i > limit && isAsciiLocal(t.charAt(i - 1))) {
                i--;
            }
        } else {
            // a local part in another script: it ends where the script changes (A3区张三@… keeps "A3")
            while (i > limit && isWordChar(t.charAt(i - 1)) && isCjk(t.charAt(i - 1)) == isCjk(t.charAt(at - 1))) {
                i--;
            }
        }
        return i;
    }

    /**
     * The end of a domain of two or more labels starting at {@code from} whose last label is a top-level domain, or
     * -1. Labels are read in one pass, never more than {@value #MAX_DOMAIN} characters.
     */
    private static int domainEnd(String t, int from) {
        int limit = Math.min(t.length(), from + MAX_DOMAIN);
        int labels = 0;
        int end = -1;
        int p = from;
        while (p < limit) {
            int labelEnd = labelEnd(t, p, limit);
            if (labelEnd == p) {
                break;
            }
            labels++;
            if (labels >= 2) {
                int tld = topLevelEnd(t, p, labelEnd);
                if (tld > 0) {
                    end = tld;
                }
            }
            if (labelEnd + 1 < limit && t.charAt(labelEnd) == '.' && labelEnd(t, labelEnd + 1, limit) > labelEnd + 1) {
                p = labelEnd + 1;
            } else {
                break;
            }
        }
        return end;
    }

    /** One label: ASCII letters, digits and '-' with letters of other alphabets, or a run of Chinese characters. */
    private static int labelEnd(String t, int from, int limit) {
        int max = Math.min(limit, from + MAX_LABEL);
        int i = from;
        if (i < max && isCjk(t.charAt(i))) {
            while (i < max && isCjk(t.charAt(i))) {
                i++;
            }
            return i;
        }
        while (i < max && !isCjk(t.charAt(i)) && (isAsciiLabel(t.charAt(i)) || Character.isLetterOrDigit(t.charAt(i)))) {
            i++;
        }
        return i;
    }

    /** Where a top-level domain in the label {@code [from, to)} ends, or -1 when the label cannot be one. */
    private static int topLevelEnd(String t, int from, int to) {
        if (isCjk(t.charAt(from))) {
            for (String tld : CJK_TOP_LEVEL) {
                if (t.startsWith(tld, from) && from + tld.length() <= to) {
                    return from + tld.length();
                }
            }
            return -1;
        }
        // the letters it starts with: "qq.com2018年" is qq.com followed by a year
        int i = from;
        while (i < to && Character.isLetter(t.charAt(i))) {
            i++;
        }
        return i - from >= 2 ? i : -1;
    }

    private static boolean isAsciiLocal(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || "._%+*-".indexOf(c) >= 0);
    }

    private static boolean isAsciiLabel(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '-');
    }

    /** A letter or digit of any script (an internationalised local part). */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static boolean isCjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}
