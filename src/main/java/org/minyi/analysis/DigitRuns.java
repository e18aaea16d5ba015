package org.minyi.analysis;

import java.util.List;

/**
 * Personal numbers written in groups: {@code 138.1234.5678}, {@code 1381 2345 678}, {@code 110101 19900307 4514},
 * {@code 6222-0202-0000-1234-562}, digits spaced one by one, or split by invisible characters. Reads a
 * {@link FoldedText folded} text as runs of digit groups joined by one or two separator characters (space, dot,
 * dash, invisible) and tries every stretch of whole groups, so a number next to another number is still found.
 *
 * <p>A stretch counts only when the separators inside it are all the same: a phone number is grouped one way
 * throughout, while a list of decimals ({@code 1.3 1.5 1.8}) or a date and time are not.
 *
 * <p>Policy for numbers that fail their check (see README, "Security"): after a cue word ({@code 身份证},
 * {@code 证件号} … for IDs; {@code 卡号}, {@code 银行卡}, {@code 账号} … for cards) an ID-shaped number with a wrong
 * check character or birth date, and a card-length number failing the Luhn check, are masked all the same — a
 * mistyped number still points at one person. Without a cue the check must hold, so order numbers and time stamps
 * stay readable.
 */
final class DigitRuns {

    /** Longer runs are cut; no personal number has that many groups. */
    private static final int MAX_GROUPS = 24;
    /** The longest number looked for: a 19-digit card. */
    private static final int MAX_DIGITS = 19;
    /** How far before a number a cue word may stand. */
    private static final int CUE_WINDOW = 12;

    private static final List<String> ID_CUES = List.of("身份证", "身份号", "证件号", "证件号码", "公民身份", "身份证号");
    private static final List<String> CARD_CUES = List.of("卡号", "银行卡", "储蓄卡", "信用卡", "借记卡", "账号", "帐号",
            "账户", "帐户", "存折");

    /** Receives a span and what it is; false when it was dropped for overlapping a span taken before. */
    interface Spans {
        boolean add(int start, int end, String placeholder);
    }

    private DigitRuns() {
    }

    static void find(String t, Spans spans) {
        int[] starts = new int[MAX_GROUPS];
        int[] ends = new int[MAX_GROUPS];
        int i = 0;
        int n = t.length();
        while (i < n) {
            if (!isDigit(t.charAt(i))) {
                i++;
                continue;
            }
            int groups = 0;
            int p = i;
            while (true) {
                starts[groups] = p;
                while (p < n && isDigit(t.charAt(p))) {
                    p++;
                }
                boolean checkCharacter = p < n && (t.charAt(p) == 'X' || t.charAt(p) == 'x')
                        && (p + 1 >= n || !Character.isLetterOrDigit(t.charAt(p + 1)));
                if (checkCharacter) {
                    p++; // the X of an ID number ends its run
                }
                ends[groups++] = p;
                if (checkCharacter || groups == MAX_GROUPS) {
                    break;
                }
                int q = p;
                while (q < n && q - p < 2 && isSeparator(t.charAt(q))) {
                    q++;
                }
                if (q == p || q >= n || !isDigit(t.charAt(q))) {
                    break;
                }
                p = q;
            }
            run(t, starts, ends, groups, spans);
            i = p;
        }
    }

    private static void run(String t, int[] starts, int[] ends, int groups, Spans spans) {
        StringBuilder digits = new StringBuilder();
        int[] offset = new int[groups + 1];
        for (int g = 0; g < groups; g++) {
            digits.append(t, starts[g], ends[g]);
            offset[g + 1] = digits.length();
        }
        if (digits.length() < 7) {
            return;
        }
        boolean idCue = cueBefore(t, starts[0], ID_CUES);
        boolean cardCue = cueBefore(t, starts[0], CARD_CUES);
        int[] lastOfStretch = new int[groups];
        for (int a = 0; a < groups; a++) {
            lastOfStretch[a] = lastGroupOfStretch(t, starts, ends, groups, a);
        }
        boolean[] taken = new boolean[groups];
        // In order of priority, longest stretch first; groups once taken are not tried again.
        for (Kind kind : Kind.values()) {
            for (int a = 0; a < groups; a++) {
                int last = a;
                while (!taken[a] && last < lastOfStretch[a] && !taken[last + 1]) {
                    last++;
                }
                for (int b = taken[a] ? a - 1 : last; b >= a; b--) {
                    int length = offset[b + 1] - offset[a];
                    if (kind.couldBe(digits, offset[a], length, idCue, cardCue)
                            && kind.matches(digits.substring(offset[a], offset[b + 1]), t, starts, ends, a, b, idCue,
                            cardCue)
                            && spans.add(start(t, starts[a], kind), ends[b], kind.placeholder)) {
                        java.util.Arrays.fill(taken, a, b + 1, true);
                        break;
                    }
                }
            }
        }
    }

    /**
     * The last group of the longest stretch from group {@code a} that has at most {@value #MAX_DIGITS} digits and
     * the same separator throughout (a country code in front may be followed by another).
     */
    private static int lastGroupOfStretch(String t, int[] starts, int[] ends, int groups, int a) {
        int digits = ends[a] - starts[a];
        int reference = isCountryCode(t, starts[a], ends[a]) && a + 2 < groups ? a + 1 : a;
        int b = a;
        while (b + 1 < groups && digits + ends[b + 1] - starts[b + 1] <= MAX_DIGITS
                && (b < reference || sameSeparator(t, ends[reference], starts[reference + 1], ends[b], starts[b + 1]))) {
            b++;
            digits += ends[b] - starts[b];
        }
        return b;
    }

    private static boolean isCountryCode(String t, int start, int end) {
        return t.startsWith("86", start) && end - start == 2 || t.startsWith("0086", start) && end - start == 4;
    }

    /** A mobile number's span takes a '+' in front of its country code along. */
    private static int start(String t, int start, Kind kind) {
        return kind == Kind.MOBILE && start > 0 && t.charAt(start - 1) == '+' ? start - 1 : start;
    }

    private enum Kind {
        ID(PiiMasker.ID_NUMBER) {
            /** 15 or 18 digits; without a cue word, a birth month 01–12 and an 18-digit one born 18xx–21xx. */
            @Override
            boolean couldBe(CharSequence d, int from, int length, boolean idCue, boolean cardCue) {
                if (length != 15 && length != 18) {
                    return false;
                }
                if (idCue) {
                    return true;
                }
                int month = length == 15 ? from + 8 : from + 10;
                boolean plausibleMonth = d.charAt(month) == '0' || d.charAt(month) == '1' && d.charAt(month + 1) <= '2';
                return plausibleMonth && (length == 15 || d.charAt(from + 6) == '1' && d.charAt(from + 7) >= '8'
                        || d.charAt(from + 6) == '2' && d.charAt(from + 7) <= '1');
            }

            @Override
            boolean matches(String n, String t, int[] s, int[] e, int a, int b, boolean idCue, boolean cardCue) {
                return isIdShaped(n) && (idCue || PiiMasker.isResidentId(n));
            }
        },
        CARD(PiiMasker.BANK_CARD) {
            @Override
            boolean couldBe(CharSequence d, int from, int length, boolean idCue, boolean cardCue) {
                return cardCue ? length >= 13 && length <= 19
                        : length >= 16 && length <= 19 && "34569".indexOf(d.charAt(from)) >= 0;
            }

            @Override
            boolean matches(String n, String t, int[] s, int[] e, int a, int b, boolean idCue, boolean cardCue) {
                if (!allDigits(n)) {
                    return false;
                }
                if (cardCue) {
                    return n.length() >= 13;
                }
                return n.length() >= 16 && "34569".indexOf(n.charAt(0)) >= 0 && PiiMasker.isLuhnValid(n);
            }
        },
        MOBILE(PiiMasker.MOBILE) {
            @Override
            boolean couldBe(CharSequence d, int from, int length, boolean idCue, boolean cardCue) {
                return length == 11 && d.charAt(from) == '1' || length == 13 && d.charAt(from) == '8'
                        || length == 15 && d.charAt(from) == '0';
            }

            @Override
            boolean matches(String n, String t, int[] s, int[] e, int a, int b, boolean idCue, boolean cardCue) {
                String national = n.startsWith("0086") ? n.substring(4) : n.startsWith("86") ? n.substring(2) : n;
                return allDigits(n) && PiiMasker.isMobile(national) && !PiiMasker.isRoundSum(t, e[b], national);
            }
        },
        LANDLINE(PiiMasker.LANDLINE) {
            @Override
            boolean couldBe(CharSequence d, int from, int length, boolean idCue, boolean cardCue) {
                return length >= 10 && length <= 12 && d.charAt(from) == '0';
            }

            /** The first group is the area code, the rest is the 7 or 8 digit number. */
            @Override
            boolean matches(String n, String t, int[] s, int[] e, int a, int b, boolean idCue, boolean cardCue) {
                int areaCode = e[a] - s[a];
                int local = n.length() - areaCode;
                return b > a && allDigits(n) && (areaCode == 3 || areaCode == 4) && n.charAt(0) == '0'
                        && n.charAt(1) != '0' && (local == 7 || local == 8) && n.charAt(areaCode) >= '2';
            }
        };

        final String placeholder;

        Kind(String placeholder) {
            this.placeholder = placeholder;
        }

        /**
         * Whether the {@code length} digits from {@code from} can be of this kind, by their count and first digits:
         * most stretches fail here, before a string is built for {@link #matches}.
         */
        abstract boolean couldBe(CharSequence digits, int from, int length, boolean idCue, boolean cardCue);

        abstract boolean matches(String number, String text, int[] starts, int[] ends, int a, int b,
                                 boolean idCue, boolean cardCue);
    }

    private static boolean sameSeparator(String t, int from1, int to1, int from2, int to2) {
        return to1 - from1 == to2 - from2 && t.regionMatches(from1, t, from2, to1 - from1);
    }

    private static boolean isIdShaped(CharSequence n) {
        if (n.length() == 15) {
            return allDigits(n);
        }
        if (n.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!isDigit(n.charAt(i))) {
                return false;
            }
        }
        char last = n.charAt(17);
        return isDigit(last) || last == 'X' || last == 'x';
    }

    private static boolean allDigits(CharSequence n) {
        for (int i = 0; i < n.length(); i++) {
            if (!isDigit(n.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean cueBefore(String t, int start, List<String> cues) {
        for (int p = Math.max(0, start - CUE_WINDOW); p < start; p++) {
            for (String cue : cues) {
                if (p + cue.length() <= start && t.startsWith(cue, p)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == FoldedText.IGNORABLE;
    }
}
