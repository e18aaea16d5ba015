package org.minyi.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a search may ask for, checked before any index is asked. */
class SearchQueryTest {

    /** The probe's requests: the first threw OutOfMemoryError, the second allocated 1.2 GB in the Lucene index. */
    @Test
    void aPageReachingPastTheWindowIsRefusedWhateverItsNumbers() {
        for (int[] pageAndSize : new int[][]{{1_000_000_000, 20}, {31_210_682, 128}, {Integer.MAX_VALUE, 200},
                {50, 200}, {10_000, 1}}) {
            assertThatThrownBy(() -> new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, pageAndSize[0],
                    pageAndSize[1], Set.of(), 10))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("10,000").hasMessageContaining("'after'");
        }
    }

    @Test
    void pagesUpToTheWindowAndCountsWithoutHitsAreFine() {
        assertThat(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 49, 200, Set.of(), 10).page()).isEqualTo(49);
        assertThat(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 9_999, 1, Set.of(), 10).page()).isEqualTo(9_999);
        assertThat(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 1_000_000, 0, Set.of(), 10).size()).isZero();
    }

    @Test
    void aCursorTravelsAsATokenAndComesBackTheSame() {
        SearchCursor cursor = new SearchCursor(SearchOrder.RELEVANCE, List.of("f:1.25", "l:-9223372036854775808",
                "s:id with\\nnewline and \\\\ slash"));

        assertThat(SearchCursor.parse(cursor.token())).isEqualTo(cursor);
        assertThat(cursor.token()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aTokenThatIsNoCursorIsBadInput() {
        for (String token : new String[]{"", "!!!", "bm90LWFuLW9yZGVy", "x".repeat(5_000)}) {
            assertThatThrownBy(() -> SearchCursor.parse(token)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'after'");
        }
    }

    @Test
    void aCursorGoesWithPageZeroOnly() {
        SearchCursor cursor = new SearchCursor(SearchOrder.NEWEST, List.of("l:1", "s:a"));

        assertThatThrownBy(() -> new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 3, 10, Set.of(), 10, cursor))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    }
}
