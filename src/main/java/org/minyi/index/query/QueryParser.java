package org.minyi.index.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.minyi.analysis.IndexWord;
import org.minyi.index.query.QuerySyntaxException.Problem;
import org.minyi.index.query.SearchExpression.All;
import org.minyi.index.query.SearchExpression.Any;
import org.minyi.index.query.SearchExpression.Everything;
import org.minyi.index.query.SearchExpression.Phrase;
import org.minyi.index.query.SearchExpression.Words;

/**
 * Reads the search language into a {@link SearchExpression}. Rules:
 * <ul>
 *   <li>Words separated by white space (also the ideographic space) or {@code +} / {@code AND} must all occur.
 *       Plain words typed next to each other form one part, cut into words together.</li>
 *   <li>{@code |} / {@code OR} separates alternatives and binds more loosely than "and":
 *       {@code 路灯 不亮 | 照明} is (路灯 and 不亮) or 照明.</li>
 *   <li>{@code -} / {@code NOT} before a part excludes it. A {@code -} inside a word (A-3, 2019-05) is part of it.</li>
 *   <li>Parentheses group; {@code "…"} or {@code “…”} is a phrase; {@code *} alone is every message.</li>
 *   <li>Full-width forms of the operators work the same (（ ） ｜ ＋ －).</li>
 * </ul>
 * Anything else ends with a {@link QuerySyntaxException} that says where the problem is.
 */
final class QueryParser {

    static final int MAX_LENGTH = 1000;
    static final int MAX_PARTS = 64;
    static final int MAX_DEPTH = 16;

    private enum Kind { WORD, PHRASE, STAR, AND, OR, NOT, OPEN, CLOSE, END }

    private record Token(Kind kind, String text, int position) {
    }

    private final String query;
    private final Function<String, List<IndexWord>> cut;
    private final List<Token> tokens;
    private int next;
    private int parts;
    private int depth;

    QueryParser(String query, Function<String, List<IndexWord>> cut) {
        this.query = query == null ? "" : query;
        this.cut = cut;
        if (this.query.length() > MAX_LENGTH) {
            throw new QuerySyntaxException(this.query, MAX_LENGTH, Problem.TOO_LONG);
        }
        this.tokens = tokenize(this.query);
    }

    SearchExpression parse() {
        if (peek().kind() == Kind.END) {
            return new Everything();
        }
        SearchExpression expression = alternatives();
        Token extra = peek();
        if (extra.kind() == Kind.CLOSE) {
            throw error(extra, Problem.UNOPENED_PARENTHESIS);
        }
        return expression;
    }

    private SearchExpression alternatives() {
        List<SearchExpression> alternatives = new ArrayList<>();
        Token first = peek();
        if (first.kind() == Kind.OR) {
            throw error(first, Problem.OR_WITHOUT_BOTH_SIDES);
        }
        alternatives.add(conjunction());
        while (peek().kind() == Kind.OR) {
            Token or = take();
            if (!startsPart(peek().kind())) {
                throw error(or, Problem.OR_WITHOUT_BOTH_SIDES);
            }
            alternatives.add(conjunction());
        }
        return alternatives.size() == 1 ? alternatives.getFirst() : new Any(alternatives);
    }

    private SearchExpression conjunction() {
        List<SearchExpression> required = new ArrayList<>();
        List<SearchExpression> excluded = new ArrayList<>();
        while (true) {
            Kind kind = peek().kind();
            if (kind == Kind.AND) {
                Token and = take();
                if (!startsPart(peek().kind())) {
                    throw error(and, Problem.AND_WITHOUT_WORDS);
                }
                continue;
            }
            if (kind == Kind.NOT) {
                Token not = take();
                if (!startsPart(peek().kind()) || peek().kind() == Kind.AND) {
                    throw error(not, Problem.NOT_WITHOUT_WORDS);
                }
                excluded.add(unary());
                continue;
            }
            if (!startsPart(kind)) {
                break;
            }
            required.add(unary());
        }
        if (required.size() == 1 && excluded.isEmpty()) {
            return required.getFirst();
        }
        return new All(required, excluded);
    }

    private static boolean startsPart(Kind kind) {
        return switch (kind) {
            case WORD, PHRASE, STAR, OPEN, NOT, AND -> true;
            case OR, CLOSE, END -> false;
        };
    }

    private SearchExpression unary() {
        Token token = peek();
        return switch (token.kind()) {
            case NOT -> {
                take();
                if (!startsPart(peek().kind()) || peek().kind() == Kind.AND) {
                    throw error(token, Problem.NOT_WITHOUT_WORDS);
                }
                yield new All(List.of(), List.of(unary()));
            }
            case OPEN -> group();
            case PHRASE -> {
                take();
                counted(token);
                yield new Phrase(token.text(), cut.apply(token.text()));
            }
            case STAR -> {
                take();
                yield new Everything();
            }
            case WORD -> words();
            default -> throw new IllegalStateException("no part starts with " + token);
        };
    }

    private SearchExpression group() {
        Token open = take();
        if (++depth > MAX_DEPTH) {
            throw error(open, Problem.TOO_COMPLEX);
        }
        if (peek().kind() == Kind.CLOSE) {
            throw error(open, Problem.EMPTY_PARENTHESES);
        }
        if (peek().kind() == Kind.END) {
            throw error(open, Problem.UNCLOSED_PARENTHESIS);
        }
        SearchExpression inside = alternatives();
        if (peek().kind() != Kind.CLOSE) {
            throw error(open, Problem.UNCLOSED_PARENTHESIS);
        }
        take();
        depth--;
        return inside;
    }

    /** Plain words typed one after another form one part, cut into words together as they were typed. */
    private SearchExpression words() {
        Token first = take();
        counted(first);
        int end = first.position() + first.text().length();
        while (peek().kind() == Kind.WORD) {
            Token word = take();
            end = word.position() + word.text().length();
        }
        String typed = query.substring(first.position(), end);
        return new Words(typed, cut.apply(typed));
    }

    private void counted(Token token) {
        if (++parts > MAX_PARTS) {
            throw error(token, Problem.TOO_COMPLEX);
        }
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        return tokens.get(next++);
    }

    private QuerySyntaxException error(Token token, Problem problem) {
        return new QuerySyntaxException(query, token.position(), problem);
    }

    private static List<Token> tokenize(String query) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else if (c == '(' || c == '（') {
                tokens.add(new Token(Kind.OPEN, "(", i++));
            } else if (c == ')' || c == '）') {
                tokens.add(new Token(Kind.CLOSE, ")", i++));
            } else if (c == '|' || c == '｜') {
                tokens.add(new Token(Kind.OR, "|", i++));
            } else if (c == '+' || c == '＋') {
                tokens.add(new Token(Kind.AND, "+", i++));
            } else if ((c == '-' || c == '－') && startsTerm(query, i)) {
                tokens.add(new Token(Kind.NOT, "-", i++));
            } else if (isQuote(c)) {
                int close = i + 1;
                while (close < query.length() && !isQuote(query.charAt(close))) {
                    close++;
                }
                if (close >= query.length()) {
                    throw new QuerySyntaxException(query, i, Problem.UNCLOSED_QUOTE);
                }
                String phrase = query.substring(i + 1, close).strip();
                if (phrase.isEmpty()) {
                    throw new QuerySyntaxException(query, i, Problem.EMPTY_QUOTE);
                }
                tokens.add(new Token(Kind.PHRASE, phrase, i));
                i = close + 1;
            } else {
                int start = i;
                while (i < query.length() && !endsWord(query.charAt(i))) {
                    i++;
                }
                String word = query.substring(start, i);
                tokens.add(switch (word) {
                    case "AND" -> new Token(Kind.AND, word, start);
                    case "OR" -> new Token(Kind.OR, word, start);
                    case "NOT" -> new Token(Kind.NOT, word, start);
                    case "*" -> new Token(Kind.STAR, word, start);
                    default -> new Token(Kind.WORD, word, start);
                });
            }
        }
        tokens.add(new Token(Kind.END, "", query.length()));
        return tokens;
    }

    /** A minus is an operator where a part may start: at the beginning, after a space, an operator or "(". */
    private static boolean startsTerm(String query, int i) {
        if (i == 0) {
            return true;
        }
        char before = query.charAt(i - 1);
        return Character.isWhitespace(before) || Character.isSpaceChar(before) || "(（|｜+＋-－".indexOf(before) >= 0;
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”' || c == '＂';
    }

    private static boolean endsWord(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || "()（）|｜+＋".indexOf(c) >= 0 || isQuote(c);
    }
}
