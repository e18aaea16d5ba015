package org.minyi.analysis;

import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces personal data in a text with readable placeholders: mobile numbers 【手机号】, landlines 【电话】, resident
 * ID numbers 【身份证号】, bank cards 【银行卡号】 and e-mail addresses 【邮箱】.
 *
 * <p>Matching reads a {@link FoldedText folded} copy of the text (NFKC: full-width digits, {@code ＠} and letters;
 * every dash, space and dot alike; invisible characters as separators) of the same length, so
 * {@code １３８１２３４５６７８}, {@code 138.1234.5678} or {@code 110101 19900307 4514} are found like their plain
 * forms, and only the personal data changes in the text returned. Digit runs are only masked when their structure
 * says what they are (check digits, birth dates, mobile prefixes, area codes, a telephone word in front, or a cue
 * word such as 身份证 or 卡号 for a number failing its check: see {@link DigitRuns}), so dates, amounts, years,
 * house numbers and message numbers stay. A mobile-shaped number followed by 元/万/亿/块 is still masked (元旦,
 * 万一 …) unless it is a round sum ending in 0000. Thread-safe and stateless; every scan is linear in the text.
 */
public final class PiiMasker {

    public static final String MOBILE = "【手机号】";
    public static final String LANDLINE = "【电话】";
    public static final String ID_NUMBER = "【身份证号】";
    public static final String BANK_CARD = "【银行卡号】";
    public static final String EMAIL = "【邮箱】";

    /** 18 characters (17 digits + digit or X) or 15 digits, not part of a longer digit run. */
    private static final Pattern ID_CANDIDATE = Pattern.compile("(?<![0-9])(?:\\d{17}[0-9Xx]|\\d{15})(?![0-9Xx])");

    /**
     * 16–19 digits, run together or in groups of four split by single spaces or dashes, starting like a card
     * (UnionPay 62, Visa 4, Mastercard 5, JCB/Amex 3, domestic 9): order numbers and time stamps start with 1 or 2
     * and pass the Luhn check one time in ten, so they must not be candidates.
     */
    private static final Pattern CARD_CANDIDATE = Pattern.compile(
            "(?<![0-9])(?=[3-69])(?:\\d{16,19}|\\d{4}(?:[ -]\\d{4}){3}(?:[ -]?\\d{1,3})?)(?![0-9])");

    /** Optional +86/0086/86, then 1[3-9]x and eight digits, optionally grouped 3-4-4. */
    private static final Pattern MOBILE_NUMBER = Pattern.compile(
            "(?<![0-9+])(?:(?:\\+|00)?86[ -]?)?(1[3-9]\\d(?:[ -]?\\d{4}){2})(?![0-9])");

    /** Area code 0xx or 0xxx (optionally in brackets), a 7–8 digit number, optional extension; never a sum. */
    private static final Pattern LANDLINE_WITH_AREA_CODE = Pattern.compile(
            "(?<![0-9])(?:[(]0[1-9]\\d{1,2}[)]|0[1-9]\\d{1,2})[ -]?[2-9]\\d{6,7}"
                    + "(?:(?:[-转]|分机|ext\\.?)\\d{1,5})?(?![0-9])");

    /** A bare 7–8 digit local number, only when a telephone word introduces it. */
    private static final Pattern LOCAL_NUMBER_AFTER_PHONE_WORD = Pattern.compile(
            "(?:电话|座机|固话|联系|致电|拨打|热线|号码|[Tt][Ee][Ll])[^0-9\\n。！？]{0,6}?([2-9]\\d{6,7})(?![0-9])");

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK_CHARS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private record Span(int start, int end, String placeholder) {
    }

    /** The text with every recognised piece of personal data replaced by its placeholder; null stays null. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String folded = FoldedText.fold(text);
        // By start: checking a new span against its neighbours only keeps a text with many numbers linear.
        NavigableMap<Integer, Span> spans = new TreeMap<>();
        // Order is priority: a span overlapping an earlier one is dropped.
        EmailAddresses.find(folded, (start, end) -> add(new Span(start, end, EMAIL), spans));
        if (hasDigitRun(folded)) {
            find(ID_CANDIDATE, folded, ID_NUMBER, spans, (digits, end) -> isResidentId(digits));
            find(CARD_CANDIDATE, folded, BANK_CARD, spans, (digits, end) -> isLuhnValid(digits));
            find(MOBILE_NUMBER, folded, MOBILE, spans,
                    (digits, end) -> !isRoundSum(folded, end, digits.substring(digits.length() - 11)));
            find(LANDLINE_WITH_AREA_CODE, folded, LANDLINE, spans, null);
            DigitRuns.find(folded, (start, end, placeholder) -> add(new Span(start, end, placeholder), spans));
            findGroup(LOCAL_NUMBER_AFTER_PHONE_WORD, folded, LANDLINE, spans);
        }
        if (spans.isEmpty()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int from = 0;
        for (Span span : spans.values()) {
            masked.append(text, from, span.start()).append(span.placeholder());
            from = span.end();
            if (from < text.length() && Character.isLowSurrogate(text.charAt(from))) {
                from++; // a digit outside the BMP ends the number: its second half goes too
            }
        }
        return masked.append(text, from, text.length()).toString();
    }

    /** Cheap pre-check: personal numbers have at least seven digits in a row (or close together). */
    private static boolean hasDigitRun(String folded) {
        int run = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (DigitRuns.isDigit(c)) {
                if (++run >= 7) {
                    return true;
                }
            } else if (!DigitRuns.isSeparator(c)) {
                run = 0;
            }
        }
        return false;
    }

    private interface Check {
        boolean test(String digits, int end);
    }

    private static void find(Pattern pattern, String text, String placeholder, NavigableMap<Integer, Span> spans, Check check) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (check == null || check.test(m.group().replaceAll("[^0-9Xx]", ""), m.end())) {
                add(new Span(m.start(), m.end(), placeholder), spans);
            }
        }
    }

    private static void findGroup(Pattern pattern, String text, String placeholder, NavigableMap<Integer, Span> spans) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (!isRoundSum(text, m.end(1), m.group(1))) {
                add(new Span(m.start(1), m.end(1), placeholder), spans);
            }
        }
    }

    /** 11 digits starting 1[3-9]: the shape of every mainland mobile number. */
    static boolean isMobile(String digits) {
        return digits.length() == 11 && digits.charAt(0) == '1' && digits.charAt(1) >= '3' && digits.charAt(1) <= '9';
    }

    /**
     * Whether the number ending at {@code end} is a sum of money rather than a phone number: a unit of money
     * follows and the number is round (ends in 0000). A phone number followed by 元旦 or 万一 is still a phone number.
     */
    static boolean isRoundSum(String text, int end, String digits) {
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && "元万亿块".indexOf(text.charAt(i)) >= 0 && digits.endsWith("0000");
    }

    /** Adds the span unless it overlaps one already taken (spans never overlap, so the neighbours tell). */
    private static boolean add(Span span, NavigableMap<Integer, Span> spans) {
        Map.Entry<Integer, Span> before = spans.floorEntry(span.start());
        if (before != null && before.getValue().end() > span.start()) {
            return false;
        }
        Map.Entry<Integer, Span> after = spans.ceilingEntry(span.start());
        if (after != null && after.getKey() < span.end()) {
            return false;
        }
        spans.put(span.start(), span);
        return true;
    }

    /** 18-digit ID: valid birth date and ISO 7064 MOD 11-2 check character; 15-digit ID: valid 19yy birth date. */
    static boolean isResidentId(String id) {
        if (id.length() == 15) {
            return isBirthDate("19" + id.substring(6, 12));
        }
        if (id.length() != 18 || !isBirthDate(id.substring(6, 14))) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == ID_CHECK_CHARS[sum % 11];
    }

    /** Checked without building a date: an exception per candidate made hostile runs of digits slow. */
    private static boolean isBirthDate(String yyyymmdd) {
        int year = Integer.parseInt(yyyymmdd.substring(0, 4));
        if (year < 1850 || year > 2100) { // GB 11643's own example is born in 1880
            return false;
        }
        int month = Integer.parseInt(yyyymmdd.substring(4, 6));
        int day = Integer.parseInt(yyyymmdd.substring(6, 8));
        return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
    }

    /** Luhn (mod 10) check used by bank card numbers; 16–19 digits only. */
    static boolean isLuhnValid(String digits) {
        if (digits.length() < 16 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
