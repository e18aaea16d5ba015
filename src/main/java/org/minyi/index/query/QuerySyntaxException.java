package org.minyi.index.query;

import java.util.Locale;
import org.minyi.LocalizedError;

/**
 * A search box entry that is not a well-formed expression: what is wrong and where (a character position counted
 * from 0; messages count from 1 as people do). {@link #getMessage()} is the Chinese explanation.
 */
public final class QuerySyntaxException extends IllegalArgumentException implements LocalizedError {

    /** What can be wrong, in both languages. */
    public enum Problem {
        UNCLOSED_QUOTE("引号没有闭合", "the quote is not closed"),
        EMPTY_QUOTE("引号里没有内容", "the quotes hold nothing"),
        UNCLOSED_PARENTHESIS("括号没有闭合，缺少“)”", "the parenthesis is not closed: ')' is missing"),
        UNOPENED_PARENTHESIS("多了一个“)”，前面没有对应的“(”", "')' has no '(' before it"),
        EMPTY_PARENTHESES("括号里没有检索词", "the parentheses hold no search words"),
        OR_WITHOUT_BOTH_SIDES("“|”（或 OR）两边都要有检索词", "'|' (or OR) needs search words on both sides"),
        AND_WITHOUT_WORDS("“+”（或 AND）后面缺少检索词", "'+' (or AND) must be followed by search words"),
        NOT_WITHOUT_WORDS("“-”（或 NOT）后面缺少要排除的检索词", "'-' (or NOT) must be followed by the words to exclude"),
        TOO_LONG("检索式太长，最多 " + QueryParser.MAX_LENGTH + " 个字符", "the query is longer than "
                + QueryParser.MAX_LENGTH + " characters"),
        TOO_COMPLEX("检索式太复杂：最多 " + QueryParser.MAX_PARTS + " 组检索词、" + QueryParser.MAX_DEPTH + " 层括号",
                "the query is too complex: at most " + QueryParser.MAX_PARTS + " parts and " + QueryParser.MAX_DEPTH
                        + " levels of parentheses");

        private final String chinese;
        private final String english;

        Problem(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }
    }

    private final String query;
    private final int position;
    private final Problem problem;

    QuerySyntaxException(String query, int position, Problem problem) {
        super(describe(query, position, problem, Locale.CHINESE));
        this.query = query;
        this.position = position;
        this.problem = problem;
    }

    public String query() {
        return query;
    }

    /** Where the problem is, counted from 0. */
    public int position() {
        return position;
    }

    public Problem problem() {
        return problem;
    }

    @Override
    public String code() {
        return "query.syntax";
    }

    @Override
    public String message(Locale locale) {
        return describe(query, position, problem, locale);
    }

    private static String describe(String query, int position, Problem problem, Locale locale) {
        String near = excerpt(query, position);
        return LocalizedError.english(locale)
                ? "Query syntax error at character " + (position + 1) + " (" + near + "): " + problem.english
                : "检索式有误，在第 " + (position + 1) + " 个字符处（" + near + "）：" + problem.chinese;
    }

    /** A few characters on each side of the spot, the spot marked with 【】 so it can be found in a long entry. */
    private static String excerpt(String query, int position) {
        int from = Math.max(0, position - 8);
        int to = Math.min(query.length(), position + 9);
        String at = position < query.length() ? query.substring(position, position + 1) : "";
        return (from > 0 ? "…" : "") + query.substring(from, Math.min(position, query.length())) + "【" + at + "】"
                + (position + 1 < to ? query.substring(position + 1, to) : "") + (to < query.length() ? "…" : "");
    }
}
