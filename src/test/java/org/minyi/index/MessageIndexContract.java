package org.minyi.index;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.minyi.index.TestMessage.message;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.stream.Collectors;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.analysis.DemandProfile;
import org.minyi.analysis.Sentiment;
import org.minyi.index.query.QuerySyntaxException;
import org.minyi.message.Channel;

/**
 * What every {@link MessageIndex} must do, whatever stores it. An adapter's test extends this class and says how to
 * make a fresh, empty index; every test here then runs against that adapter.
 *
 * <p>Conventions the tests pin down, beyond the port's Javadoc:
 * <ul>
 *   <li>Facet and trend keys are the values as stored; enums appear by their lower-case key ("negative",
 *       "hotline"). Facets, keywords and demands list the most frequent first, equal counts by value (code point
 *       order); split trend series the same way by total.</li>
 *   <li>Every search order breaks ties newest first, then by id; messages without a creation time come last in
 *       both time orders.</li>
 *   <li>Text search requires every content word of the query, in title, text, keywords, places or departments;
 *       a query equal to a department or place name finds messages listing it.</li>
 *   <li>Trends leave out messages without a creation time; series share one axis of consecutive buckets from the
 *       first to the last with messages (or the filter's from/to), zeros in between; without a split there is
 *       always exactly one series, "all".</li>
 * </ul>
 */
public abstract class MessageIndexContract {

    protected static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    protected MessageIndex index;

    /**
     * A new, empty index for one test, bucketing trends in {@code zone}. Called before every test; the contract
     * closes it after the test. Adapters sharing a server give each call its own index (a unique name, say).
     */
    protected abstract MessageIndex newIndex(ZoneId zone) throws Exception;

    @BeforeEach
    void openFreshIndex() throws Exception {
        index = newIndex(ZONE);
    }

    @AfterEach
    void closeIndex() {
        if (index != null) {
            index.close();
        }
    }

    // ---- health

    @Test
    void aCheckFindsTheIndexSoundAndCountsEveryMessageWrittenBeforeIt() {
        index.upsert(List.of(message("h1", "小区路灯坏了").build(), message("h2", "噪音扰民").build()));
        index.commit();
        index.upsert(List.of(message("h3", "还没有提交的留言").build()));

        IndexHealth health = index.checkHealth();

        assertTrue(health.sound(), health.toString());
        assertEquals(3, health.messages(), health.toString());
        assertFalse(health.summary().isBlank());
        index.upsert(List.of(message("h4", "检查之后照常写入").build()));
        index.refresh();
        assertEquals(4, index.count(), "writes go on after a check");
    }

    // ---- sentence vectors and nearest neighbours

    @Test
    void theVectorOfAMessageIsReadBackAsWritten() {
        IndexedMessage m = message("v", "小区路灯坏了").vector(3, 0.5f).build();
        index.upsert(List.of(m, message("plain", "没有向量").build()));
        index.refresh();

        float[] back = index.vector("v").orElseThrow();
        assertEquals(512, back.length);
        for (int i = 0; i < back.length; i++) {
            assertEquals(m.analysis().embedding()[i], back[i], 1e-6, "dimension " + i);
        }
        assertTrue(index.vector("plain").isEmpty(), "a message indexed without the encoder has no vector");
        assertTrue(index.vector("missing").isEmpty());
    }

    @Test
    void nearestNeighboursComeMostSimilarFirstWithTheirCosine() {
        index.upsert(List.of(
                message("same", "路灯坏了").vector(7, 0.1f).build(),
                message("close", "路灯不亮").vector(7, 0.6f).build(),
                message("far", "噪音扰民").vector(200, 0f).build(),
                message("none", "没有向量").build()));
        index.refresh();

        float[] query = message("q", "q").vector(7, 0f).build().analysis().embedding();
        List<Neighbour> near = index.nearest(query, MessageFilter.ALL, 3);
        assertEquals(List.of("same", "close", "far"), near.stream().map(n -> n.message().id()).toList());
        assertEquals(1 / Math.sqrt(1.01), near.get(0).similarity(), 1e-3);
        assertEquals(0, near.get(2).similarity(), 1e-3);
        assertEquals("路灯坏了", near.get(0).message().message().text());
    }

    @Test
    void nearestNeighboursKeepToTheFilter() {
        index.upsert(List.of(
                message("old", "路灯坏了").vector(7, 0.1f).at("2019-01-05T10:00:00+08:00").region("A3区").build(),
                message("new", "路灯不亮").vector(7, 0.2f).at("2019-06-05T10:00:00+08:00").region("A3区").build(),
                message("other-region", "路灯").vector(7, 0.0f).at("2019-01-05T10:00:00+08:00").region("A5区")
                        .build()));
        index.refresh();

        float[] query = message("q", "q").vector(7, 0f).build().analysis().embedding();
        MessageFilter earlierInA3 = new MessageFilter(null, null, null, Set.of("A3区"), null, null, null,
                OffsetDateTime.parse("2019-03-01T00:00:00+08:00").toInstant());
        assertEquals(List.of("old"), index.nearest(query, earlierInA3, 5).stream().map(n -> n.message().id())
                .toList());
        assertThrows(IllegalArgumentException.class, () -> index.nearest(query, MessageFilter.ALL, 0));
    }

    // ---- writes, reads and visibility

    @Test
    void refreshedMessagesAreCountedAndFound() {
        index.upsert(List.of(message("a", "小区路灯坏了").build(), message("b", "夜间施工噪音扰民").build()));
        index.refresh();

        assertEquals(2, index.count());
        assertEquals(List.of("a"), ids(search(MessageFilter.text("路灯"))));
    }

    @Test
    void committedMessagesAreVisibleWithoutAnExplicitRefresh() {
        index.upsert(List.of(message("a", "小区路灯坏了").build()));
        index.commit();

        assertEquals(1, index.count());
        assertTrue(index.get("a").isPresent());
    }

    @Test
    void upsertingAnExistingIdReplacesTheMessageInsteadOfAddingOne() {
        add(message("a", "小区路灯坏了").topic("城乡建设"));
        add(message("a", "夜间施工噪音扰民").topic("环境保护"));

        assertEquals(1, index.count());
        assertEquals("夜间施工噪音扰民", index.get("a").orElseThrow().message().text());
        assertEquals(0, search(MessageFilter.text("路灯")).total());
        assertEquals(1, search(filter().topics(Set.of("环境保护")).build()).total());
    }

    @Test
    void theLastOfTwoVersionsInOneBatchWins() {
        add(message("a", "小区路灯坏了"), message("a", "路灯已经修好了"));

        assertEquals(1, index.count());
        assertEquals("路灯已经修好了", index.get("a").orElseThrow().message().text());
    }

    @Test
    void deleteRemovesTheMessageAndSaysWhetherItExisted() {
        add(message("a", "小区路灯坏了"), message("b", "夜间施工噪音扰民"));

        assertTrue(index.delete("a"));
        index.refresh();

        assertEquals(1, index.count());
        assertTrue(index.get("a").isEmpty());
        assertEquals(0, search(MessageFilter.text("路灯")).total());
        assertFalse(index.delete("a"));
        assertFalse(index.delete("never-indexed"));
    }

    @Test
    void getReturnsEveryFieldAsUpserted() {
        IndexedMessage full = message("hotline-42", "我们小区的路灯坏了一个月，希望尽快维修。")
                .title("小区路灯不亮")
                .source("12345")
                .channel(Channel.HOTLINE)
                .at("2024-03-01T09:15:30.250+08:00")
                .region("雨花区")
                .analysedRegion("长沙市")
                .url("https://example.gov.cn/msg/42")
                .votes(12, 3)
                .reply("已安排维修，三日内完成。", "市住建局", Instant.parse("2024-03-02T02:00:00Z"))
                .topic("城乡建设")
                .sentiment(Sentiment.NEGATIVE, -0.625)
                .tokens("小区", "路灯", "坏", "维修")
                .places("长沙市", "雨花区")
                .departments("市住建局")
                .keywords("路灯", "维修")
                .demand("希望尽快维修", "维修路灯")
                .build();
        index.upsert(List.of(full));
        index.refresh();

        assertEquals(full, index.get("hotline-42").orElseThrow());
    }

    @Test
    void getOfAnUnknownIdIsEmpty() {
        add(message("a", "小区路灯坏了"));

        assertTrue(index.get("b").isEmpty());
    }

    @Test
    void anEmptyIndexHasNothing() {
        assertEquals(0, index.count());
        assertEquals(0, search(MessageFilter.ALL).total());
        assertEquals(List.of(), index.topKeywords(MessageFilter.ALL, 10));
        assertEquals(List.of(), index.topDemands(MessageFilter.ALL, 10));
        assertEquals(List.of(new TrendSeries("all", 0, List.of())),
                index.trends(new TrendQuery(MessageFilter.ALL, TrendInterval.DAY, TrendSplit.NONE, 5)));
    }

    // ---- text search

    @Test
    void textSearchFindsWordsInTitleOrText() {
        addCity();

        assertEquals(Set.of("1", "6"), idSet(search(MessageFilter.text("路灯"))));
        assertEquals(Set.of("2"), idSet(search(MessageFilter.text("扰民")))); // title only
        assertEquals(Set.of("2"), idSet(search(MessageFilter.text("孩子")))); // text only
    }

    @Test
    void textSearchRequiresEveryWordOfTheQuery() {
        addCity();

        assertEquals(Set.of("1"), idSet(search(MessageFilter.text("路灯 晚上"))));
        assertEquals(Set.of(), idSet(search(MessageFilter.text("路灯 噪音"))));
    }

    @Test
    void searchingADepartmentOrPlaceNameFindsMessagesListingIt() {
        addCity();

        // Message 2 says 环保部门; analysis filed it under the department's full name.
        assertEquals(Set.of("2"), idSet(search(MessageFilter.text("市生态环境局"))));
        // Message 1 never names its district; analysis found it from the address.
        assertEquals(Set.of("1"), idSet(search(MessageFilter.text("砂子塘街道"))));
    }

    @Test
    void aTitleMatchRanksAboveAMentionInPassing() {
        add(message("passing", "小区绿化差，垃圾多，楼道灯和路灯也有问题，物业长期不管，业主意见很大。")
                        .title("反映小区物业问题").at("2024-03-02T10:00+08:00"),
                message("about", "路灯坏了很久，晚上一片漆黑。").title("路灯不亮").at("2024-03-01T10:00+08:00"));

        SearchResult result = search(MessageFilter.text("路灯"));

        assertEquals(List.of("about", "passing"), ids(result));
        assertTrue(result.hits().get(0).score() > result.hits().get(1).score(), result.hits().toString());
        assertTrue(result.hits().get(1).score() > 0, result.hits().toString());
    }

    // ---- filters

    @Test
    void topicFilterKeepsMessagesOfAnyGivenTopic() {
        addCity();

        assertEquals(Set.of("1", "3", "6"), idSet(search(filter().topics(Set.of("城乡建设")).build())));
        assertEquals(Set.of("2", "4", "5"), idSet(search(filter().topics(Set.of("环境保护", "交通运输")).build())));
    }

    @Test
    void sentimentFilterKeepsMessagesOfAnyGivenPolarity() {
        addCity();

        assertEquals(Set.of("1", "2", "4"), idSet(search(filter().sentiments(Set.of(Sentiment.NEGATIVE)).build())));
        assertEquals(Set.of("3", "5", "6"), idSet(search(filter()
                .sentiments(Set.of(Sentiment.POSITIVE, Sentiment.NEUTRAL)).build())));
    }

    @Test
    void regionFilterUsesTheSourceRegionElseTheAnalysedOne() {
        addCity();

        assertEquals(Set.of("1", "3", "6"), idSet(search(filter().regions(Set.of("雨花区")).build())));
        assertEquals(Set.of("2"), idSet(search(filter().regions(Set.of("岳麓区")).build())));
    }

    @Test
    void channelFilterKeepsMessagesOfAnyGivenChannel() {
        addCity();

        assertEquals(Set.of("2", "5"), idSet(search(filter().channels(Set.of(Channel.HOTLINE, Channel.NEWS)).build())));
    }

    @Test
    void sourceFilterKeepsMessagesOfAnyGivenSource() {
        addCity();

        assertEquals(Set.of("4"), idSet(search(filter().sources(Set.of("forum")).build())));
        assertEquals(Set.of("2", "4"), idSet(search(filter().sources(Set.of("forum", "12345")).build())));
    }

    @Test
    void timeRangeIncludesFromExcludesToAndLeavesOutMessagesWithoutTime() {
        addCity();

        MessageFilter range = filter().between("2024-03-02T22:30+08:00", "2024-03-10T08:00+08:00").build();
        assertEquals(Set.of("2", "3"), idSet(search(range)));

        MessageFilter openEnded = filter().between("2024-03-05T10:00+08:00", null).build();
        assertEquals(Set.of("3", "4", "6"), idSet(search(openEnded)));
    }

    @Test
    void differentFilterPartsMustAllHold() {
        addCity();

        MessageFilter negativeBuilding = filter().topics(Set.of("城乡建设"))
                .sentiments(Set.of(Sentiment.NEGATIVE)).build();
        assertEquals(Set.of("1"), idSet(search(negativeBuilding)));

        MessageFilter lampsInYuhuaInMarch = filter().text("路灯").regions(Set.of("雨花区"))
                .between("2024-03-01T00:00+08:00", "2024-04-01T00:00+08:00").build();
        assertEquals(Set.of("1"), idSet(search(lampsInYuhuaInMarch)));
    }

    // ---- orders and paging

    @Test
    void newestAndOldestPutMessagesWithoutTimeLast() {
        addCity();

        assertEquals(List.of("6", "4", "3", "2", "1", "5"), ids(search(MessageFilter.ALL, SearchOrder.NEWEST)));
        assertEquals(List.of("1", "2", "3", "4", "6", "5"), ids(search(MessageFilter.ALL, SearchOrder.OLDEST)));
    }

    @Test
    void relevanceWithoutTextIsNewestFirst() {
        addCity();

        assertEquals(ids(search(MessageFilter.ALL, SearchOrder.NEWEST)),
                ids(search(MessageFilter.ALL, SearchOrder.RELEVANCE)));
    }

    @Test
    void mostNegativeOrdersBySentimentScoreAscending() {
        addCity();

        assertEquals(List.of("2", "1", "4", "5", "6", "3"), ids(search(MessageFilter.ALL, SearchOrder.MOST_NEGATIVE)));
    }

    @Test
    void mostVotesCountsLikesAndBreaksTiesNewestFirst() {
        addCity();

        // 2: 30 likes, 1: 12, 6: 5, 3: 3, then 4 and 5 without votes, newest first (5 has no time).
        assertEquals(List.of("2", "1", "6", "3", "4", "5"), ids(search(MessageFilter.ALL, SearchOrder.MOST_VOTES)));
    }

    @Test
    void votesAgainstAMessageDoNotLiftItInTheMostVotesOrder() {
        add(message("disliked", "路灯坏了").votes(5, 100).at("2024-03-02T10:00+08:00"),
                message("liked", "路灯修好了").votes(10, 0).at("2024-03-01T10:00+08:00"));

        assertEquals(List.of("liked", "disliked"), ids(search(MessageFilter.ALL, SearchOrder.MOST_VOTES)));
    }

    @Test
    void pagesSplitTheOrderedMatchesAndKeepTheTotal() {
        addCity();

        SearchResult first = index.search(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 0, 2, Set.of(), 10));
        SearchResult second = index.search(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 1, 2, Set.of(), 10));
        SearchResult last = index.search(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 2, 4, Set.of(), 10));
        SearchResult beyond = index.search(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 5, 2, Set.of(), 10));

        assertEquals(List.of("6", "4"), ids(first));
        assertEquals(List.of("3", "2"), ids(second));
        assertEquals(List.of(), ids(last));
        assertEquals(List.of(), ids(beyond));
        assertAll(() -> assertEquals(6, first.total()), () -> assertEquals(6, second.total()),
                () -> assertEquals(6, beyond.total()));
        assertEquals(1, second.page());
        assertEquals(2, second.size());
    }

    @Test
    void totalCountsEveryMatchExactlyHoweverMany() {
        List<IndexedMessage> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            many.add(message("m" + i, "第" + i + "号路灯不亮").topic(i % 3 == 0 ? "城乡建设" : "交通运输").build());
        }
        index.upsert(many);
        index.refresh();

        assertEquals(1_500, index.search(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 0, 10, Set.of(), 10))
                .total());
        assertEquals(500, index.search(new SearchQuery(filter().topics(Set.of("城乡建设")).build(),
                SearchOrder.OLDEST, 3, 10, Set.of(), 10)).total());
        assertEquals(1_500, index.search(new SearchQuery(MessageFilter.text("路灯"), SearchOrder.RELEVANCE, 0, 10,
                Set.of(), 10)).total());
    }

    /** Paging by cursor (search-after) goes through every hit once, in the order of one big page, in every order. */
    @Test
    void theNextCursorPagesThroughEveryHitOnceInEveryOrder() {
        List<IndexedMessage> many = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) {
            TestMessage m = message("p" + (char) ('a' + i), i % 2 == 0 ? "桂花路路灯不亮" : "桂花路路灯不亮，路灯坏了很久")
                    .sentiment(Sentiment.NEGATIVE, -(i % 4) / 4.0).votes(i % 3, 0);
            if (i % 5 != 0) {
                m.at("2024-03-0" + (1 + i % 3) + "T09:00+08:00"); // equal times, and some without any
            }
            many.add(m.build());
        }
        index.upsert(many);
        index.refresh();

        for (MessageFilter filter : List.of(MessageFilter.ALL, MessageFilter.text("路灯"))) {
            for (SearchOrder order : SearchOrder.values()) {
                List<String> onePage = ids(index.search(new SearchQuery(filter, order, 0, 100, Set.of(), 10)));
                List<String> paged = new java.util.ArrayList<>();
                SearchQuery query = new SearchQuery(filter, order, 0, 4, Set.of(), 10);
                while (query != null) {
                    SearchResult page = index.search(query);
                    assertEquals(23, page.total(), "every page counts every match");
                    paged.addAll(ids(page));
                    query = query.next(page);
                }
                assertEquals(onePage, paged, order + " " + filter.text());
            }
        }
    }

    @Test
    void aCursorThatDoesNotFitTheSearchIsBadInput() {
        addCity();
        SearchResult first = index.search(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 0, 2, Set.of(), 10));

        assertThrows(IllegalArgumentException.class, () -> index.search(new SearchQuery(MessageFilter.ALL,
                SearchOrder.NEWEST, 0, 2, Set.of(), 10, new SearchCursor(SearchOrder.NEWEST, List.of("x:1")))));
        assertThrows(IllegalArgumentException.class, () -> index.search(new SearchQuery(MessageFilter.ALL,
                SearchOrder.NEWEST, 0, 2, Set.of(), 10, new SearchCursor(SearchOrder.NEWEST,
                        List.of("l:abc", "s:1")))));
        assertThrows(IllegalArgumentException.class, () -> new SearchQuery(MessageFilter.ALL, SearchOrder.OLDEST, 0,
                2, Set.of(), 10, first.next()));
    }

    // ---- scanning whole periods

    @Test
    void scanHandsOverEveryMatchingMessageOnceHoweverMany() {
        List<IndexedMessage> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            many.add(message("m" + i, "第" + i + "号路灯不亮").topic(i % 5 == 0 ? "城乡建设" : "交通运输")
                    .at(Instant.parse("2024-03-01T00:00:00Z").plusSeconds(60L * i)).build());
        }
        index.upsert(many);
        index.refresh();

        List<String> all = new java.util.ArrayList<>();
        index.scan(MessageFilter.ALL, m -> all.add(m.id()));
        List<String> building = new java.util.ArrayList<>();
        index.scan(filter().topics(Set.of("城乡建设")).build(), m -> building.add(m.id()));

        assertEquals(2_500, all.size());
        assertEquals(2_500, Set.copyOf(all).size());
        assertEquals(500, building.size());
        assertEquals(many.stream().filter(m -> "城乡建设".equals(m.analysis().topic())).map(IndexedMessage::id)
                .collect(java.util.stream.Collectors.toSet()), Set.copyOf(building));
    }

    @Test
    void scanAppliesTextAndTimeFiltersAndHandsOverWholeMessages() {
        add(message("a", "小区路灯坏了").at("2024-03-01T10:00+08:00").region("雨花区").keywords("路灯"),
                message("b", "路灯不亮").at("2024-04-01T10:00+08:00"),
                message("c", "夜间施工噪音扰民").at("2024-03-02T10:00+08:00"));

        List<IndexedMessage> seen = new java.util.ArrayList<>();
        index.scan(filter().text("路灯").between("2024-03-01T00:00+08:00", "2024-03-31T00:00+08:00").build(),
                seen::add);

        assertEquals(List.of("a"), seen.stream().map(IndexedMessage::id).toList());
        assertEquals("雨花区", seen.getFirst().region());
        assertEquals(List.of("路灯"), seen.getFirst().analysis().keywords());
    }

    @Test
    void scanSummariesHandsOverEachMatchingMessagesSummary() {
        String longText = "小区门口道路积水严重，".repeat(40);
        add(message("a", longText).at("2024-03-01T10:00+08:00").region("雨花区").keywords("积水")
                        .tokens("小区", "门口", "道路", "积水", "严重", "小区", "门口", "道路", "积水", "严重", "小区")
                        .reply("已派人处理", "住建局", Instant.parse("2024-03-02T00:00:00Z")),
                message("b", "夜间施工噪音扰民").at("2024-03-02T10:00+08:00").votes(3, 1),
                message("c", "路灯不亮").at("2024-05-01T10:00+08:00"));

        java.util.Map<String, IndexedMessage> seen = new java.util.TreeMap<>();
        index.scanSummaries(filter().between("2024-03-01T00:00+08:00", "2024-04-01T00:00+08:00").build(),
                m -> seen.put(m.id(), m));

        assertEquals(Set.of("a", "b"), seen.keySet());
        for (IndexedMessage summary : seen.values()) {
            assertEquals(index.get(summary.id()).orElseThrow().summary(), summary);
        }
        assertEquals(IndexedMessage.SUMMARY_TEXT, seen.get("a").message().text().length());
        assertEquals(IndexedMessage.SUMMARY_TOKENS, seen.get("a").analysis().tokens().size());
        assertNull(seen.get("a").message().reply());
    }

    // ---- facets

    @Test
    void facetsCountAllMatchesNotOnlyThePage() {
        addCity();

        SearchResult result = index.search(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 0, 1,
                Set.of(FacetField.TOPIC, FacetField.REGION), 10));

        assertEquals(1, result.hits().size());
        assertEquals(List.of(new TermCount("城乡建设", 3), new TermCount("交通运输", 2), new TermCount("环境保护", 1)),
                result.facets().get(FacetField.TOPIC));
        assertEquals(List.of(new TermCount("雨花区", 3), new TermCount("天心区", 2), new TermCount("岳麓区", 1)),
                result.facets().get(FacetField.REGION));
    }

    @Test
    void pageSizeZeroReturnsOnlyTotalAndFacets() {
        addCity();

        SearchResult result = index.search(new SearchQuery(MessageFilter.text("路灯"), SearchOrder.RELEVANCE, 0, 0,
                Set.of(FacetField.SENTIMENT), 10));

        assertEquals(List.of(), result.hits());
        assertEquals(2, result.total());
        assertEquals(List.of(new TermCount("negative", 1), new TermCount("positive", 1)),
                result.facets().get(FacetField.SENTIMENT));
    }

    @Test
    void facetSizeKeepsTheMostFrequentValuesWithTiesByValue() {
        addCity();

        SearchResult result = index.search(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 0, 0,
                Set.of(FacetField.CHANNEL, FacetField.SOURCE), 2));

        assertEquals(List.of(new TermCount("board", 3), new TermCount("forum", 1)),
                result.facets().get(FacetField.CHANNEL));
        assertEquals(List.of(new TermCount("gov-board", 3), new TermCount("12345", 1)),
                result.facets().get(FacetField.SOURCE));
    }

    // ---- demand profile (service domains, groups, life stages, urban/rural)

    private void addProfiles() {
        add(message("p1", "孩子上学难，学区划分不合理。").at("2024-03-01T09:00+08:00").region("雨花区")
                        .profile(new DemandProfile(List.of("义务教育", "交通出行"),
                                List.of(new DemandProfile.Evidence("学生", "孩子上学", 0)),
                                List.of(new DemandProfile.Evidence("儿童", "孩子", 0)), DemandProfile.URBAN)),
                message("p2", "村里老人看病报销难。").at("2024-03-02T09:00+08:00").region("岳麓区")
                        .profile(new DemandProfile(List.of("医疗保障"),
                                List.of(new DemandProfile.Evidence("老年人", "老人", 2)),
                                List.of(new DemandProfile.Evidence("老年", "老人", 2)), DemandProfile.RURAL)),
                message("p3", "村道坑洼，校车难行。").at("2024-03-03T09:00+08:00").region("岳麓区")
                        .profile(new DemandProfile(List.of("交通出行"), List.of(), List.of(), DemandProfile.RURAL)),
                message("p4", "没有画像的留言。").at("2024-03-04T09:00+08:00"));
    }

    @Test
    void theDemandProfileIsReadBackAsWrittenInFullAndInSummaries() {
        addProfiles();

        DemandProfile p1 = index.get("p1").orElseThrow().analysis().profile();
        assertEquals(List.of("义务教育", "交通出行"), p1.domains());
        assertEquals(List.of(new DemandProfile.Evidence("学生", "孩子上学", 0)), p1.groups());
        assertEquals(DemandProfile.URBAN, p1.area());
        assertEquals(DemandProfile.NONE, index.get("p4").orElseThrow().analysis().profile());
        List<IndexedMessage> summaries = new ArrayList<>();
        index.scanSummaries(MessageFilter.ALL.withIds(Set.of("p2")), summaries::add);
        assertEquals(1, summaries.size());
        assertEquals(List.of("老年"), summaries.getFirst().analysis().profile().stageLabels());
        assertEquals(DemandProfile.RURAL, summaries.getFirst().analysis().profile().area());
    }

    @Test
    void profileFiltersTakeAnyValueWithinAPartAndEveryPart() {
        addProfiles();

        assertEquals(Set.of("p1", "p3"), idSet(search(MessageFilter.ALL.withProfile(FacetField.DOMAIN,
                Set.of("交通出行")))));
        assertEquals(Set.of("p1", "p2"), idSet(search(MessageFilter.ALL.withProfile(FacetField.DOMAIN,
                Set.of("义务教育", "医疗保障")))));
        assertEquals(Set.of("p3"), idSet(search(MessageFilter.ALL.withProfile(FacetField.DOMAIN, Set.of("交通出行"))
                .withProfile(FacetField.AREA, Set.of(DemandProfile.RURAL)))));
        assertEquals(Set.of("p2"), idSet(search(MessageFilter.ALL.withProfile(FacetField.GROUP, Set.of("老年人")))));
        assertEquals(Set.of("p1"), idSet(search(MessageFilter.ALL.withProfile(FacetField.STAGE, Set.of("儿童")))));
    }

    @Test
    void profileFacetsCountEveryDomainGroupStageAndArea() {
        addProfiles();

        SearchResult result = index.search(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 0, 0,
                FacetField.PROFILE, 10));

        assertEquals(List.of(new TermCount("交通出行", 2), new TermCount("义务教育", 1), new TermCount("医疗保障", 1)),
                result.facets().get(FacetField.DOMAIN));
        assertEquals(List.of(new TermCount("学生", 1), new TermCount("老年人", 1)),
                result.facets().get(FacetField.GROUP));
        assertEquals(List.of(new TermCount("儿童", 1), new TermCount("老年", 1)),
                result.facets().get(FacetField.STAGE));
        assertEquals(List.of(new TermCount("农村", 2), new TermCount("城镇", 1)), result.facets().get(FacetField.AREA));
    }

    @Test
    void departmentAndPlaceFacetsCountEveryListedName() {
        addCity();

        SearchResult result = index.search(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 0, 0,
                Set.of(FacetField.DEPARTMENT, FacetField.PLACE), 10));

        assertEquals(List.of(new TermCount("市住建局", 2), new TermCount("市生态环境局", 1)),
                result.facets().get(FacetField.DEPARTMENT));
        assertEquals(List.of(new TermCount("雨花区", 2), new TermCount("砂子塘街道", 1)),
                result.facets().get(FacetField.PLACE));
    }

    @Test
    void onlyRequestedFacetsAreReturned() {
        addCity();

        SearchResult result = index.search(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 0, 5,
                Set.of(FacetField.TOPIC), 10));

        assertEquals(Set.of(FacetField.TOPIC), result.facets().keySet());
    }

    // ---- highlighting

    @Test
    void highlightsMarkMatchedWordsAndEscapeEverythingElse() {
        add(message("x", "晚上路灯不亮，<script>alert('x')</script>很危险。").title("路灯<b>不亮</b>"));

        SearchHit hit = search(MessageFilter.text("路灯")).hits().getFirst();

        assertTrue(hit.titleHighlight().contains("<em>路灯</em>"), hit.titleHighlight());
        assertTrue(hit.titleHighlight().contains("&lt;b&gt;"), hit.titleHighlight());
        assertFalse(hit.titleHighlight().contains("<b>"), hit.titleHighlight());
        assertTrue(hit.textHighlight().contains("<em>路灯</em>"), hit.textHighlight());
        assertTrue(hit.textHighlight().contains("&lt;script&gt;"), hit.textHighlight());
        assertFalse(hit.textHighlight().contains("<script>"), hit.textHighlight());
    }

    @Test
    void aFieldWithoutMatchAndASearchWithoutTextHaveNoHighlight() {
        addCity();

        SearchHit textOnly = search(MessageFilter.text("孩子")).hits().getFirst();
        assertNull(textOnly.titleHighlight());
        assertTrue(textOnly.textHighlight().contains("<em>孩子</em>"), textOnly.textHighlight());

        SearchHit noText = search(filter().topics(Set.of("环境保护")).build()).hits().getFirst();
        assertNull(noText.titleHighlight());
        assertNull(noText.textHighlight());
    }

    @Test
    void hitsCarryTheWholeIndexedMessage() {
        IndexedMessage lamp = message("1", "小区的路灯坏了").title("路灯不亮").votes(3, 1).keywords("路灯").build();
        index.upsert(List.of(lamp));
        index.refresh();

        assertEquals(lamp, search(MessageFilter.text("路灯")).hits().getFirst().message());
    }

    // ---- trends

    @Test
    void dailyTrendFillsEmptyDaysWithZerosAndLeavesOutMessagesWithoutTime() {
        addCity();

        TrendSeries all = single(index.trends(new TrendQuery(MessageFilter.ALL, TrendInterval.DAY, TrendSplit.NONE, 5)));

        assertEquals("all", all.key());
        assertEquals(5, all.total()); // message 5 has no time
        assertEquals(33, all.points().size()); // 1 March to 2 April
        assertEquals(new TrendPoint(LocalDate.of(2024, 3, 1), 1, -0.6), all.points().get(0));
        assertEquals(new TrendPoint(LocalDate.of(2024, 3, 3), 0, 0), all.points().get(2));
        assertEquals(new TrendPoint(LocalDate.of(2024, 4, 2), 1, 0.7), all.points().getLast());
        assertConsecutive(all.points(), TrendInterval.DAY);
    }

    @Test
    void eachBucketHasTheMeanSentimentOfItsMessages() {
        add(message("a", "路灯坏了").at("2024-03-01T08:00+08:00").sentiment(Sentiment.NEGATIVE, -0.8),
                message("b", "路灯修好了").at("2024-03-01T20:00+08:00").sentiment(Sentiment.POSITIVE, 0.2));

        TrendSeries all = single(index.trends(new TrendQuery(MessageFilter.ALL, TrendInterval.DAY, TrendSplit.NONE, 5)));

        assertEquals(1, all.points().size());
        assertEquals(2, all.points().getFirst().count());
        assertEquals(-0.3, all.points().getFirst().meanSentiment(), 1e-9);
    }

    @Test
    void weeklyBucketsStartOnMonday() {
        addCity();

        TrendSeries all = single(index.trends(new TrendQuery(MessageFilter.ALL, TrendInterval.WEEK, TrendSplit.NONE, 5)));

        // Fri 1 and Sat 2 March fall in the week of Mon 26 February; Tue 5 and Sun 10 March in that of 4 March.
        assertEquals(List.of(LocalDate.of(2024, 2, 26), LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 11),
                LocalDate.of(2024, 3, 18), LocalDate.of(2024, 3, 25), LocalDate.of(2024, 4, 1)), starts(all));
        assertEquals(List.of(2L, 2L, 0L, 0L, 0L, 1L), counts(all));
    }

    @Test
    void monthlyBucketsFollowTheIndexTimeZone() {
        addCity();
        // 01:00 on 1 April in China is still 31 March in UTC.
        add(message("late", "公交站台破损").at("2024-04-01T01:00+08:00"));

        TrendSeries all = single(index.trends(new TrendQuery(MessageFilter.ALL, TrendInterval.MONTH, TrendSplit.NONE, 5)));

        assertEquals(List.of(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1)), starts(all));
        assertEquals(List.of(4L, 2L), counts(all));
    }

    @Test
    void filterTimeRangeBoundsTheAxisAndIsZeroFilled() {
        addCity();

        MessageFilter range = filter().between("2024-02-28T00:00+08:00", "2024-03-03T00:00+08:00").build();
        TrendSeries all = single(index.trends(new TrendQuery(range, TrendInterval.DAY, TrendSplit.NONE, 5)));

        assertEquals(List.of(LocalDate.of(2024, 2, 28), LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 3, 2)), starts(all));
        assertEquals(List.of(0L, 0L, 1L, 1L), counts(all));
    }

    @Test
    void topicSplitGivesOneSeriesPerTopicLargestFirstOnACommonAxis() {
        addCity();

        List<TrendSeries> series = index.trends(new TrendQuery(MessageFilter.ALL, TrendInterval.MONTH,
                TrendSplit.TOPIC, 10));

        assertEquals(List.of("城乡建设", "交通运输", "环境保护"), series.stream().map(TrendSeries::key).toList());
        assertEquals(List.of(3L, 1L, 1L), series.stream().map(TrendSeries::total).toList());
        assertEquals(List.of(2L, 1L), counts(series.get(0)));
        assertEquals(List.of(1L, 0L), counts(series.get(1)));
        assertEquals(List.of(1L, 0L), counts(series.get(2)));
    }

    @Test
    void splitKeepsOnlyTheLargestSeries() {
        addCity();

        List<TrendSeries> series = index.trends(new TrendQuery(MessageFilter.ALL, TrendInterval.MONTH,
                TrendSplit.REGION, 1));

        assertEquals(1, series.size());
        assertEquals("雨花区", series.getFirst().key());
        assertEquals(3, series.getFirst().total());
    }

    @Test
    void trendsHonourTheFilter() {
        addCity();

        MessageFilter negative = filter().sentiments(Set.of(Sentiment.NEGATIVE)).build();
        TrendSeries all = single(index.trends(new TrendQuery(negative, TrendInterval.MONTH, TrendSplit.NONE, 5)));

        assertEquals(3, all.total());
        assertEquals(List.of(LocalDate.of(2024, 3, 1)), starts(all));
        assertEquals((-0.6 - 0.9 - 0.3) / 3, all.points().getFirst().meanSentiment(), 1e-9);
    }

    // ---- keywords and demands

    @Test
    void topKeywordsCountMessagesPerKeywordMostFirst() {
        addCity();

        assertEquals(List.of(new TermCount("停车", 2), new TermCount("路灯", 2)),
                index.topKeywords(MessageFilter.ALL, 2));
        assertEquals(List.of(new TermCount("路灯", 2), new TermCount("停车", 1)),
                index.topKeywords(filter().topics(Set.of("城乡建设")).build(), 2));
    }

    @Test
    void topDemandsGroupByKeyWithAnExampleFromTheGroup() {
        addCity();
        add(message("7", "停车太难了，建议多建一些停车位。").at("2024-03-20T09:00+08:00").keywords("停车位")
                .demand("建议多建一些停车位", "增加停车位"));

        List<DemandCount> demands = index.topDemands(MessageFilter.ALL, 10);

        // Equal counts by key in code point order: 增 < 查 < 维.
        assertEquals(List.of("增加停车位", "增加公交班次", "查处施工噪音", "维修路灯"),
                demands.stream().map(DemandCount::demandKey).toList());
        assertEquals(2, demands.getFirst().count());
        assertTrue(Set.of("希望增加停车位", "建议多建一些停车位").contains(demands.getFirst().example()),
                demands.getFirst().example());
        assertEquals("希望尽快维修路灯", demands.stream().filter(d -> d.demandKey().equals("维修路灯"))
                .findFirst().orElseThrow().example());
    }

    // ---- issues assigned at indexing

    @Test
    void topIssuesCountMessagesPerIssueInTheFilterMostFirst() {
        add(message("i1", "路灯坏了").at("2024-03-01T09:00+08:00").issue("is-a"),
                message("i2", "路灯还是坏的").at("2024-03-02T09:00+08:00").issue("is-a"),
                message("i3", "夜间施工噪音").at("2024-03-03T09:00+08:00").issue("is-b"),
                message("i4", "夜间施工噪音又来了").at("2024-04-03T09:00+08:00").issue("is-b"),
                message("i5", "没有分到议题的留言").at("2024-03-04T09:00+08:00"));

        assertEquals(List.of(new TermCount("is-a", 2), new TermCount("is-b", 2)),
                index.topIssues(MessageFilter.ALL, 10), "equal counts by issue id; unassigned messages not counted");
        MessageFilter march = filter().between("2024-03-01T00:00+08:00", "2024-04-01T00:00+08:00").build();
        assertEquals(List.of(new TermCount("is-a", 2), new TermCount("is-b", 1)), index.topIssues(march, 10));
        assertEquals(List.of(new TermCount("is-a", 2)), index.topIssues(march, 1));
    }

    @Test
    void issueMembersAreTheFilteredMembersOfTheIssuesAskedForWithWhatRankingWeighs() {
        add(message("i1", "路灯坏了").at("2024-03-01T09:00+08:00").issue("is-a").topic("城乡建设").region("A2区")
                        .sentiment(Sentiment.NEGATIVE, -0.75).votes(7, 2).channel(Channel.BOARD),
                message("i2", "夜间施工噪音").at("2024-03-03T09:00+08:00").issue("is-b"),
                message("i3", "夜间施工噪音又来了").at("2024-04-03T09:00+08:00").issue("is-b"),
                message("i4", "别的议题").at("2024-03-04T09:00+08:00").issue("is-c"),
                message("i5", "没有议题").at("2024-03-05T09:00+08:00"));
        MessageFilter march = filter().between("2024-03-01T00:00+08:00", "2024-04-01T00:00+08:00").build();

        List<IssueMember> members = new ArrayList<>();
        index.scanIssueMembers(Set.of("is-a", "is-b"), march, members::add);

        assertEquals(Set.of("i1", "i2"), members.stream().map(IssueMember::id).collect(Collectors.toSet()));
        IssueMember lamp = members.stream().filter(m -> m.id().equals("i1")).findFirst().orElseThrow();
        assertEquals(new IssueMember("is-a", "i1", Instant.parse("2024-03-01T01:00:00Z"), "城乡建设", "A2区",
                Sentiment.NEGATIVE, -0.75, 7, 2, "board"), lamp, "time, topic, region, attitude, votes and channel");
        assertEquals(9, lamp.votes());
        IssueMember bare = members.stream().filter(m -> m.id().equals("i2")).findFirst().orElseThrow();
        assertEquals("is-b", bare.issue());
        assertEquals(0, bare.votes(), "no votes read as none");
        assertEquals("is-b", index.get("i3").orElseThrow().issue(), "the whole message keeps its issue");
        List<IssueMember> none = new ArrayList<>();
        index.scanIssueMembers(Set.of(), MessageFilter.ALL, none::add);
        assertEquals(List.of(), none);
    }

    @Test
    void topDemandsHonourFilterAndLimit() {
        addCity();

        List<DemandCount> demands = index.topDemands(filter().topics(Set.of("交通运输")).build(), 1);

        assertEquals(1, demands.size());
        assertEquals(1, demands.getFirst().count());
        assertNotNull(demands.getFirst().example());
    }

    // ---- reply timeliness

    /**
     * Five dated replies: 市住建局 answers after 2 days three times, 区城管局 after half a day and after 40 days;
     * one reply has no time and one message has no time at all, so neither counts. Medians are chosen so that any
     * estimator gives the same answer (the middle values coincide).
     */
    private void addReplies() {
        Instant asked = Instant.parse("2024-03-01T00:00:00Z");
        Duration day = Duration.ofDays(1);
        add(
                message("r1", "路灯坏了").at(asked).topic("城乡建设").reply("已修复", "市住建局", asked.plus(day.multipliedBy(2))),
                message("r2", "井盖缺失").at(asked).topic("城乡建设").reply("已处理", "市住建局", asked.plus(day.multipliedBy(2))),
                message("r3", "道路积水").at(asked).topic("交通运输").reply("已疏通", "市住建局", asked.plus(day.multipliedBy(2))),
                message("r4", "占道经营").at(asked).topic("城乡建设").reply("已劝离", "区城管局", asked.plus(day.dividedBy(2))),
                message("r5", "违章搭建").at(asked).topic("城乡建设").reply("已拆除", "区城管局", asked.plus(day.multipliedBy(40))),
                message("r6", "垃圾清运").at(asked).topic("城乡建设").reply("已清运", "区城管局", null),
                message("r7", "噪音扰民").topic("城乡建设").reply("已处理", "区城管局", asked),
                message("r8", "没有答复的留言").at(asked).topic("城乡建设"));
    }

    @Test
    void replyDelaysCountAnswersWithinOneSevenAndThirtyDaysPerAgency() {
        addReplies();

        List<ReplyDelays> lines = index.replyDelays(MessageFilter.ALL, 10);

        assertEquals(List.of(ReplyDelays.ALL, "市住建局", "区城管局"), lines.stream().map(ReplyDelays::agency).toList());
        ReplyDelays all = lines.get(0);
        assertEquals(List.of(5L, 1L, 4L, 4L), List.of(all.replied(), all.within1Day(), all.within7Days(),
                all.within30Days()));
        assertEquals(2.0, all.medianDays(), 1.0 / 24);
        ReplyDelays housing = lines.get(1);
        assertEquals(List.of(3L, 0L, 3L, 3L), List.of(housing.replied(), housing.within1Day(), housing.within7Days(),
                housing.within30Days()));
        assertEquals(2.0, housing.medianDays(), 1.0 / 24);
        ReplyDelays cityManagement = lines.get(2);
        assertEquals(List.of(2L, 1L, 1L, 1L), List.of(cityManagement.replied(), cityManagement.within1Day(),
                cityManagement.within7Days(), cityManagement.within30Days()));
    }

    @Test
    void replyDelaysHonourTheFilterAndTheAgencyLimit() {
        addReplies();

        List<ReplyDelays> lines = index.replyDelays(filter().topics(Set.of("城乡建设")).build(), 1);

        assertEquals(2, lines.size(), "the total and the one agency asked for");
        assertEquals(4, lines.get(0).replied());
        assertEquals("区城管局", lines.get(1).agency(), "2 replies each: ties go by name (code points)");
        assertEquals(List.of(), index.replyDelays(filter().topics(Set.of("卫生计生")).build(), 5));
    }

    // ---- fixtures and helpers

    /**
     * Six messages from one city, chosen so each filter, order and facet has a different answer. Message 5 has no
     * time and no title; message 2's region comes from analysis only.
     */
    // ---- the search language (SearchExpression): and, or, not, groups, phrases, folding

    @Test
    void barOrOrOffersAlternatives() {
        addCity();

        assertEquals(Set.of("1", "2", "6"), idSet(search(MessageFilter.text("路灯 | 噪音"))));
        assertEquals(Set.of("1", "2", "6"), idSet(search(MessageFilter.text("路灯 OR 噪音"))));
        assertEquals(Set.of("1", "2", "6"), idSet(search(MessageFilter.text("路灯｜噪音"))), "full-width bar");
    }

    @Test
    void plusSpaceAndAndAllRequireEveryPart() {
        addCity();

        for (String query : List.of("路灯 晚上", "路灯+晚上", "路灯 AND 晚上", "+路灯 +晚上", "路灯　晚上")) {
            assertEquals(Set.of("1"), idSet(search(MessageFilter.text(query))), query);
        }
    }

    @Test
    void minusOrNotExcludesAndAMinusInsideAWordIsPartOfIt() {
        addCity();

        assertEquals(Set.of("6"), idSet(search(MessageFilter.text("路灯 -晚上"))));
        assertEquals(Set.of("6"), idSet(search(MessageFilter.text("路灯 NOT 晚上"))));
        assertEquals(Set.of("2", "3", "4", "5"), idSet(search(MessageFilter.text("-路灯"))), "exclusions alone");
        assertEquals(Set.of("1"), idSet(search(MessageFilter.text("路灯-晚上"))),
                "inside a word a minus is no operator: both words are required");
    }

    @Test
    void parenthesesGroupAlternativesInsideAConjunction() {
        addCity();

        assertEquals(Set.of("4"), idSet(search(MessageFilter.text("小区 +(路灯|停车位) -晚上"))));
        assertEquals(Set.of("1", "4"), idSet(search(MessageFilter.text("小区 （路灯｜停车位）"))));
        assertEquals(Set.of("3", "4", "6"), idSet(search(MessageFilter.text("(路灯 | 停车) -晚上"))));
    }

    @Test
    void quotedWordsMustStandTogetherInThatOrder() {
        addCity();

        assertEquals(Set.of("1"), idSet(search(MessageFilter.text("出行 晚上"))));
        assertEquals(Set.of("1"), idSet(search(MessageFilter.text("\"晚上出行\""))));
        assertEquals(Set.of("1"), idSet(search(MessageFilter.text("“晚上出行”"))));
        assertEquals(Set.of(), idSet(search(MessageFilter.text("\"出行晚上\""))));
    }

    @Test
    void aStarAloneIsEveryMessage() {
        addCity();

        assertEquals(6, search(MessageFilter.text("*")).total());
        assertEquals(Set.of("3", "4", "5"), idSet(search(MessageFilter.text("* -路灯 -噪音 -维修"))));
    }

    @Test
    void latinLettersMatchWhateverTheirCaseAndWidth() {
        add(message("etc", "A3区高速ETC办理排队太久").title("ETC办理难"), message("other", "A5区公交车太少"));

        for (String query : List.of("ETC", "etc", "Etc", "ＥＴＣ", "A3区", "a3区", "Ａ３区")) {
            assertEquals(Set.of("etc"), idSet(search(MessageFilter.text(query))), query);
        }
    }

    @Test
    void traditionalAndSimplifiedCharactersFindEachOther() {
        add(message("simplified", "小区物业乱收停车费").title("物业乱收费"),
                message("traditional", "小區物業亂收停車費").title("物業亂收費"),
                message("other", "路灯坏了"));

        for (String query : List.of("物业", "物業", "物業 收费", "\"物業亂收費\"")) {
            assertEquals(Set.of("simplified", "traditional"), idSet(search(MessageFilter.text(query))), query);
        }
        SearchHit traditional = search(MessageFilter.text("物业")).hits().stream()
                .filter(h -> h.message().id().equals("traditional")).findFirst().orElseThrow();
        assertEquals("<em>物業</em>亂收費", traditional.titleHighlight(), "the original characters are marked");
    }

    @Test
    void aMalformedQueryIsRefusedSayingWhere() {
        addCity();

        QuerySyntaxException unclosed = assertThrows(QuerySyntaxException.class,
                () -> search(MessageFilter.text("路灯 +(噪音|漏水 -表扬")));
        assertEquals(4, unclosed.position(), unclosed.getMessage());
        assertTrue(unclosed.getMessage().contains("第 5 个字符"), unclosed.getMessage());
        assertThrows(QuerySyntaxException.class, () -> index.topKeywords(MessageFilter.text("路灯 |"), 5));
        assertThrows(QuerySyntaxException.class, () -> index.trends(new TrendQuery(MessageFilter.text("\"路灯"),
                TrendInterval.DAY, TrendSplit.NONE, 1)));
    }

    // ---- filters a chart row drills into: ids, replying agency, demand

    @Test
    void idsAgenciesAndDemandKeysEachSelectTheirMessages() {
        addCity();
        add(message("r1", "路灯不亮").at("2024-05-01T09:00+08:00")
                        .reply("已修复", "市住建局", Instant.parse("2024-05-02T01:00:00Z")),
                message("r2", "公交太少").at("2024-05-01T09:00+08:00")
                        .reply("已增开", "市交通局", Instant.parse("2024-05-03T01:00:00Z")),
                message("r3", "噪音扰民").reply("已处理", "市住建局", Instant.parse("2024-05-03T01:00:00Z")));

        assertEquals(Set.of("1", "4"), idSet(search(MessageFilter.ALL.withIds(Set.of("1", "4", "nope")))));
        assertEquals(Set.of("r1"), idSet(search(MessageFilter.ALL.withAgencies(Set.of("市住建局")))),
                "r3 has no time, so no reply delay: timeliness does not count it and neither does the filter");
        assertEquals(Set.of("r1", "r2"), idSet(search(MessageFilter.ALL.withAgencies(Set.of("市住建局", "市交通局")))));
        assertEquals(Set.of("4"), idSet(search(MessageFilter.ALL.withDemandKeys(Set.of("增加停车位")))));
        assertEquals(Set.of(), idSet(search(MessageFilter.text("路灯").withDemandKeys(Set.of("增加停车位")))));
    }

    // ---- read scope (jurisdictions): a limit on what a reader may see, applied by every read

    @Test
    void aScopeLimitsSearchesFacetsAndCountsToItsRegions() {
        addCity();
        MessageFilter yuhua = MessageFilter.ALL.withinScope(Set.of("雨花区"));

        SearchResult all = index.search(new SearchQuery(yuhua, SearchOrder.NEWEST, 0, 50, Set.of(FacetField.REGION), 10));
        assertEquals(Set.of("1", "3", "6"), idSet(all));
        assertEquals(List.of(new TermCount("雨花区", 3)), all.facets().get(FacetField.REGION));
        assertEquals(Set.of("1", "6"), idSet(search(yuhua.withText("路灯"))));
        assertEquals(Set.of(), idSet(search(filter().regions(Set.of("天心区")).build().withinScope(Set.of("雨花区")))),
                "asking for another region inside the scope finds nothing");
        assertEquals(Set.of("2"), idSet(search(MessageFilter.ALL.withinScope(Set.of("岳麓区")))),
                "the region analysis found counts like a given one");
    }

    @Test
    void aScopeLimitsTrendsKeywordsDemandsRepliesAndScans() {
        addCity();
        MessageFilter tianxin = MessageFilter.ALL.withinScope(Set.of("天心区"));

        TrendSeries trend = index.trends(new TrendQuery(tianxin, TrendInterval.MONTH, TrendSplit.NONE, 1)).getFirst();
        assertEquals(1, trend.points().stream().mapToLong(TrendPoint::count).sum(), "message 5 has no time");
        assertEquals(Set.of("停车位", "停车", "公交"),
                index.topKeywords(tianxin, 10).stream().map(TermCount::term).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of("增加停车位", "增加公交班次"),
                index.topDemands(tianxin, 10).stream().map(DemandCount::demandKey).collect(java.util.stream.Collectors.toSet()));
        assertEquals(List.of(), index.replyDelays(tianxin, 5));
        List<String> scanned = new java.util.ArrayList<>();
        index.scan(tianxin, m -> scanned.add(m.id()));
        index.scanSummaries(tianxin, m -> scanned.add(m.id()));
        assertEquals(List.of("4", "4", "5", "5"), scanned.stream().sorted().toList());
    }

    @Test
    void scopesNarrowEachOtherAndAnEmptyScopeReadsNothing() {
        addCity();

        MessageFilter both = MessageFilter.ALL.withinScope(Set.of("雨花区", "天心区")).withinScope(Set.of("天心区", "岳麓区"));
        assertEquals(Set.of("天心区"), both.scope());
        assertEquals(Set.of("4", "5"), idSet(search(both)));
        MessageFilter none = MessageFilter.ALL.withinScope(Set.of());
        assertEquals(0, search(none).total());
        assertEquals(List.of(), index.topKeywords(none, 10));
        assertEquals(0, index.trends(new TrendQuery(none, TrendInterval.DAY, TrendSplit.NONE, 1)).getFirst()
                .points().stream().mapToLong(TrendPoint::count).sum());
    }

    protected void addCity() {
        add(
                message("1", "我们小区的路灯坏了一个月，晚上出行很不方便，希望尽快维修。").title("小区路灯不亮")
                        .at("2024-03-01T09:00+08:00").topic("城乡建设").sentiment(Sentiment.NEGATIVE, -0.6)
                        .region("雨花区").channel(Channel.BOARD).source("gov-board").votes(12, 1)
                        .places("雨花区", "砂子塘街道").departments("市住建局").keywords("路灯", "维修")
                        .demand("希望尽快维修路灯", "维修路灯"),
                message("2", "工地每天夜里施工，噪音太大，孩子无法入睡，要求环保部门查处。").title("夜间施工噪音扰民")
                        .at("2024-03-02T22:30+08:00").topic("环境保护").sentiment(Sentiment.NEGATIVE, -0.9)
                        .analysedRegion("岳麓区").channel(Channel.HOTLINE).source("12345").votes(30, 2)
                        .departments("市生态环境局").keywords("噪音", "施工")
                        .demand("要求环保部门查处", "查处施工噪音"),
                message("3", "社区工作人员帮我们解决了停车难的问题，非常满意。").title("感谢社区帮忙")
                        .at("2024-03-05T10:00+08:00").topic("城乡建设").sentiment(Sentiment.POSITIVE, 0.8)
                        .region("雨花区").channel(Channel.BOARD).source("gov-board").votes(3, 0)
                        .keywords("停车", "社区"),
                message("4", "小区停车位太少，车辆乱停，希望增加停车位。").title("停车位不足")
                        .at("2024-03-10T08:00+08:00").topic("交通运输").sentiment(Sentiment.NEGATIVE, -0.3)
                        .region("天心区").channel(Channel.FORUM).source("forum").keywords("停车位", "停车")
                        .demand("希望增加停车位", "增加停车位"),
                message("5", "公交车班次太少，等车时间长，希望增加班次。")
                        .topic("交通运输").sentiment(Sentiment.NEUTRAL, 0.0)
                        .region("天心区").channel(Channel.NEWS).source("news").keywords("公交")
                        .demand("希望增加班次", "增加公交班次"),
                message("6", "上周反映的路灯问题已经修好了，点赞。").title("路灯维修及时")
                        .at("2024-04-02T12:00+08:00").topic("城乡建设").sentiment(Sentiment.POSITIVE, 0.7)
                        .region("雨花区").channel(Channel.BOARD).source("gov-board").votes(5, 0)
                        .places("雨花区").departments("市住建局").keywords("路灯"));
    }

    protected void add(TestMessage... messages) {
        index.upsert(Arrays.stream(messages).map(TestMessage::build).toList());
        index.refresh();
    }

    protected SearchResult search(MessageFilter filter) {
        return search(filter, SearchOrder.RELEVANCE);
    }

    protected SearchResult search(MessageFilter filter, SearchOrder order) {
        return index.search(new SearchQuery(filter, order, 0, 50, Set.of(), 10));
    }

    protected static List<String> ids(SearchResult result) {
        return result.hits().stream().map(hit -> hit.message().id()).toList();
    }

    protected static Set<String> idSet(SearchResult result) {
        List<String> ids = ids(result);
        assertEquals(result.total(), ids.size(), "total should count exactly the hits of a single page");
        return Set.copyOf(ids);
    }

    protected static FilterBuilder filter() {
        return new FilterBuilder();
    }

    private static TrendSeries single(List<TrendSeries> series) {
        assertEquals(1, series.size(), () -> "expected one series, got " + series);
        return series.getFirst();
    }

    private static List<LocalDate> starts(TrendSeries series) {
        return series.points().stream().map(TrendPoint::start).toList();
    }

    private static List<Long> counts(TrendSeries series) {
        return series.points().stream().map(TrendPoint::count).toList();
    }

    private static void assertConsecutive(List<TrendPoint> points, TrendInterval interval) {
        for (int i = 1; i < points.size(); i++) {
            LocalDate previous = points.get(i - 1).start();
            LocalDate expected = switch (interval) {
                case DAY -> previous.plusDays(1);
                case WEEK -> previous.plusWeeks(1);
                case MONTH -> previous.plusMonths(1);
            };
            assertEquals(expected, points.get(i).start());
        }
    }

    /** Builds a {@link MessageFilter} part by part. */
    protected static final class FilterBuilder {
        private String text;
        private Set<String> topics = Set.of();
        private Set<Sentiment> sentiments = Set.of();
        private Set<String> regions = Set.of();
        private Set<Channel> channels = Set.of();
        private Set<String> sources = Set.of();
        private Instant from;
        private Instant to;

        public FilterBuilder text(String value) {
            text = value;
            return this;
        }

        public FilterBuilder topics(Set<String> value) {
            topics = value;
            return this;
        }

        public FilterBuilder sentiments(Set<Sentiment> value) {
            sentiments = value;
            return this;
        }

        public FilterBuilder regions(Set<String> value) {
            regions = value;
            return this;
        }

        public FilterBuilder channels(Set<Channel> value) {
            channels = value;
            return this;
        }

        public FilterBuilder sources(Set<String> value) {
            sources = value;
            return this;
        }

        /** ISO times with offset; null for an open end. */
        public FilterBuilder between(String fromTime, String toTime) {
            from = fromTime == null ? null : OffsetDateTime.parse(fromTime).toInstant();
            to = toTime == null ? null : OffsetDateTime.parse(toTime).toInstant();
            return this;
        }

        public MessageFilter build() {
            return new MessageFilter(text, topics, sentiments, regions, channels, sources, from, to);
        }
    }
}
