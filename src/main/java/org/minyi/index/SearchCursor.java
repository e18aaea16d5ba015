package org.minyi.index;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Where the next page of a search starts: the sort values of the last hit of the page before (search-after).
 * Paging by page number makes an index collect every hit up to the page's end, so page numbers are capped
 * ({@link SearchQuery#MAX_WINDOW}); a cursor pages through any number of hits at the cost of one page each.
 *
 * <p>The values are the index's own (each adapter writes and reads them, tagged with their type) and travel to
 * clients as an opaque {@link #token()}; a token that does not decode, or whose values an index cannot use, is bad
 * input.
 *
 * @param order  the order the values were taken in; a cursor only continues a search in that order
 * @param values the last hit's sort values, each a type letter, ':' and the value ({@code l:1709254800000})
 */
public record SearchCursor(SearchOrder order, List<String> values) {

    private static final int MAX_TOKEN_CHARS = 4_096;

    public SearchCursor {
        Objects.requireNonNull(order, "order");
        values = List.copyOf(values);
    }

    /** The cursor as one URL-safe string. */
    public String token() {
        StringBuilder plain = new StringBuilder(order.name());
        for (String value : values) {
            plain.append('\n').append(value.replace("\\", "\\\\").replace("\n", "\\n"));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a {@link #token()}.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static SearchCursor parse(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
            throw bad();
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw bad();
        }
        String[] lines = plain.split("\n", -1);
        SearchOrder order;
        try {
            order = SearchOrder.valueOf(lines[0]);
        } catch (IllegalArgumentException e) {
            throw bad();
        }
        List<String> values = new ArrayList<>(lines.length - 1);
        for (int i = 1; i < lines.length; i++) {
            values.add(unescape(lines[i]));
        }
        return new SearchCursor(order, values);
    }

    /** The cursor does not fit the search it was given to: another order, or values the index cannot read. */
    public static IllegalArgumentException bad() {
        return new IllegalArgumentException("'after' is not a cursor of this search; give the 'next' of the page "
                + "before, from a search with the same order");
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
