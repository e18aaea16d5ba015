package org.minyi.index.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.minyi.analysis.IndexWord;
import org.minyi.index.query.QuerySyntaxException.Problem;
import org.minyi.index.query.SearchExpression.All;
import org.minyi.index.query.SearchExpression.Any;
import org.minyi.index.query.SearchExpression.Everything;
import org.minyi.index.query.SearchExpression.Phrase;
import org.minyi.index.query.SearchExpression.Words;

/** The shape of the tree a search box entry becomes, and where malformed entries are said to go wrong. */
class QueryParserTest {

    @Test
    void plainWordsTypedTogetherAreOnePartCutTogether() {
        Words words = assertInstanceOf(Words.class, parse("路灯 不亮"));
        assertEquals("路灯 不亮", words.typed());
        assertEquals(List.of("路灯", "不亮"), SearchExpression.texts(words.words()));
    }

    @Test
    void theIssuesExampleIsAConjunctionWithAnAlternativeAndAnExclusion() {
        All all = assertInstanceOf(All.class, parse("物业 +(噪音|漏水) -表扬"));
        assertEquals(List.of(words("物业"), new Any(List.of(words("噪音"), words("漏水")))), all.required());
        assertEquals(List.of(words("表扬")), all.excluded());
    }

    @Test
    void orBindsMoreLooselyThanAnd() {
        assertEquals(new Any(List.of(words("路灯 不亮"), words("照明"))), parse("路灯 不亮 | 照明"));
        assertEquals(new Any(List.of(new All(List.of(words("路灯"), words("不亮")), List.of()), words("照明"))),
                parse("路灯 AND 不亮 OR 照明"));
    }

    @Test
    void aMinusInsideAWordIsPartOfTheWord() {
        assertEquals(words("A-3 2019-05"), parse("A-3 2019-05"));
        assertEquals(new All(List.of(words("A")), List.of(words("3"))), parse("A -3"));
    }

    @Test
    void quotesMakeAPhraseAndStarIsEverything() {
        Phrase phrase = assertInstanceOf(Phrase.class, parse("“路灯 坏了”"));
        assertEquals("路灯 坏了", phrase.typed());
        assertEquals(new Everything(), parse("*"));
        assertEquals(new Everything(), parse("   "));
        assertEquals(new All(List.of(), List.of(words("表扬"))), parse("-表扬"));
    }

    @Test
    void onlyTheWordsOfPartsNotExcludedAreHighlighted() {
        assertEquals(List.of("物业", "噪音", "漏水"),
                List.copyOf(SearchExpression.wordsToHighlight(parse("物业 +(噪音|漏水) -表扬"))));
    }

    @Test
    void malformedEntriesNameTheProblemAndItsPlace() {
        assertProblem("物业 +(噪音|漏水 -表扬", 4, Problem.UNCLOSED_PARENTHESIS);
        assertProblem("物业 )", 3, Problem.UNOPENED_PARENTHESIS);
        assertProblem("物业 ()", 3, Problem.EMPTY_PARENTHESES);
        assertProblem("物业 |", 3, Problem.OR_WITHOUT_BOTH_SIDES);
        assertProblem("| 物业", 0, Problem.OR_WITHOUT_BOTH_SIDES);
        assertProblem("物业 | | 噪音", 3, Problem.OR_WITHOUT_BOTH_SIDES);
        assertProblem("物业 +", 3, Problem.AND_WITHOUT_WORDS);
        assertProblem("物业 -", 3, Problem.NOT_WITHOUT_WORDS);
        assertProblem("物业 NOT", 3, Problem.NOT_WITHOUT_WORDS);
        assertProblem("\"物业", 0, Problem.UNCLOSED_QUOTE);
        assertProblem("物业 \"\"", 3, Problem.EMPTY_QUOTE);
        assertProblem("(".repeat(20) + "x" + ")".repeat(20), QueryParser.MAX_DEPTH, Problem.TOO_COMPLEX);
        assertProblem("路灯 ".repeat(600), QueryParser.MAX_LENGTH, Problem.TOO_LONG);
    }

    @Test
    void theExplanationQuotesTheSpotInChineseOrEnglish() {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> parse("物业 (噪音"));
        assertEquals("检索式有误，在第 4 个字符处（物业 【(】噪音）：括号没有闭合，缺少“)”", e.getMessage());
        assertEquals("Query syntax error at character 4 (物业 【(】噪音): the parenthesis is not closed: ')' is missing",
                e.message(Locale.ENGLISH));
        assertEquals("query.syntax", e.code());
    }

    @Test
    void checkingTheSyntaxNeedsNoSegmenter() {
        SearchExpression.checkSyntax("物业 +(噪音|漏水) -表扬");
        assertThrows(QuerySyntaxException.class, () -> SearchExpression.checkSyntax("物业 +(噪音"));
    }

    private static void assertProblem(String query, int position, Problem problem) {
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> parse(query), query);
        assertEquals(problem, e.problem(), query);
        assertEquals(position, e.position(), query + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("第 " + (position + 1) + " 个字符"), e.getMessage());
    }

    private static SearchExpression parse(String query) {
        return SearchExpression.parse(query, QueryParserTest::cut);
    }

    private static Words words(String typed) {
        return new Words(typed, cut(typed));
    }

    /** Cuts at spaces: enough to see which text each part was given. */
    private static List<IndexWord> cut(String text) {
        List<IndexWord> words = new ArrayList<>();
        int start = 0;
        for (String word : text.split(" ")) {
            if (!word.isEmpty()) {
                words.add(new IndexWord(word, start, start + word.length(), false));
            }
            start += word.length() + 1;
        }
        return words;
    }
}
