package org.minyi.index.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.minyi.analysis.IndexWord;

/**
 * A search box entry as a tree, with the words of each part already cut as the index cuts text. Both index
 * adapters turn the same tree into their own queries, so the language means the same on either.
 *
 * <p>The language (see {@link QueryParser} for the exact rules): words separated by spaces or {@code +} must all
 * occur; {@code |} (or {@code OR}) offers alternatives; {@code -} (or {@code NOT}) before a part excludes it;
 * parentheses group; {@code "…"} asks for words next to each other in that order; {@code *} alone is everything.
 * {@code 物业 +(噪音|漏水) -表扬}: about 物业, and 噪音 or 漏水, but not 表扬.
 */
public sealed interface SearchExpression {

    /** Every message: {@code *}, or the base a query of exclusions only takes away from. */
    record Everything() implements SearchExpression {
    }

    /**
     * Plain words typed together: every content word must occur in the title, text or mentions, or the whole entry
     * {@code typed} names a keyword, place or department the message is filed under. Without content words (stop
     * words only) only the name can match.
     */
    record Words(String typed, List<IndexWord> words) implements SearchExpression {
        public Words {
            Objects.requireNonNull(typed, "typed");
            words = List.copyOf(words);
        }
    }

    /**
     * Quoted words: they must stand next to each other in this order in the title or the text (stop words such as
     * 的 in between do not count). Inner words ({@link IndexWord#inner()}) share the position of their word.
     */
    record Phrase(String typed, List<IndexWord> words) implements SearchExpression {
        public Phrase {
            Objects.requireNonNull(typed, "typed");
            words = List.copyOf(words);
        }
    }

    /** Every {@code required} part holds and no {@code excluded} part does; no required part means everything. */
    record All(List<SearchExpression> required, List<SearchExpression> excluded) implements SearchExpression {
        public All {
            required = List.copyOf(required);
            excluded = List.copyOf(excluded);
        }
    }

    /** At least one alternative holds. */
    record Any(List<SearchExpression> alternatives) implements SearchExpression {
        public Any {
            alternatives = List.copyOf(alternatives);
        }
    }

    /**
     * Parses a search box entry.
     *
     * @param cut how a stretch of query text is cut into index words
     * @throws QuerySyntaxException when the entry is not a well-formed expression, saying where
     */
    static SearchExpression parse(String text, Function<String, List<IndexWord>> cut) {
        return new QueryParser(text, cut).parse();
    }

    /** Checks the syntax alone (saved searches check their expression when they are stored). */
    static void checkSyntax(String text) {
        parse(text, typed -> List.of());
    }

    /** The words a hit may be highlighted for: those of every part not excluded, each once. */
    static Set<String> wordsToHighlight(SearchExpression expression) {
        Set<String> words = new LinkedHashSet<>();
        collect(expression, words);
        return words;
    }

    private static void collect(SearchExpression expression, Set<String> words) {
        switch (expression) {
            case Words w -> w.words().forEach(word -> words.add(word.text()));
            case Phrase p -> p.words().forEach(word -> words.add(word.text()));
            case All all -> all.required().forEach(part -> collect(part, words));
            case Any any -> any.alternatives().forEach(part -> collect(part, words));
            case Everything e -> { }
        }
    }

    /** The plain word texts of a part, in order, inner words included. */
    static List<String> texts(List<IndexWord> words) {
        List<String> texts = new ArrayList<>(words.size());
        for (IndexWord word : words) {
            texts.add(word.text());
        }
        return texts;
    }
}
