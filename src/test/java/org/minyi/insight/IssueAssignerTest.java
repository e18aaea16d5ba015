package org.minyi.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.minyi.insight.Messages.message;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.message.Message;

/** {@link IssueAssigner}: each message joins the issue of what it links to as the clusterer links, or starts one. */
class IssueAssignerTest {

    private static final List<String> NOISE = List.of("餐饮店", "油烟", "噪音", "扰民", "夜间");
    private static final List<String> ROAD = List.of("道路", "坑洼", "修缮", "出行", "积水");

    /** SimHashes apart by far more than the near-duplicate bits: links rest on places and words. */
    private static final long A = 0x1111_0000_0000_0001L;
    private static final long B = 0x2222_0000_0000_0002L;
    private static final long C = 0x4444_0000_0000_0004L;
    private static final long D = 0x8888_0000_0000_0008L;

    private final IssueTable table = IssueTable.inMemory();
    private final IssueAssigner assigner = new IssueAssigner(HotspotSettings.defaults(), 0.75, table, 1000);

    private String issueOf(IndexedMessage m) {
        return table.survivor(assigner.assign(m).issue());
    }

    @Test
    void messagesAboutOnePlaceAndMatterJoinOneIssueAndOtherMattersStartTheirOwn() {
        String first = issueOf(message("1", "2019-08-01", "环境保护", "A5区", List.of("魅力之城小区"), NOISE, 0x1111L,
                Sentiment.NEGATIVE, 3));
        String second = issueOf(message("2", "2019-08-02", "环境保护", "A5区", List.of("魅力之城小区"),
                List.of("油烟", "噪音", "扰民", "投诉"), 0x2222L, Sentiment.NEGATIVE, 10));
        String road = issueOf(message("4", "2019-08-02", "城乡建设", "A5区", List.of("魅力之城小区"), ROAD, 0x4444L,
                Sentiment.NEUTRAL, 0));
        String otherTopic = issueOf(message("3", "2019-08-03", "城乡建设", "A5区", List.of("魅力之城小区", "劳动东路"),
                List.of("餐饮店", "油烟", "居民"), 0x3333L, Sentiment.NEGATIVE, 0));

        assertEquals("is-1", first, "the first message starts the issue, named after it");
        assertEquals(first, second);
        assertEquals(first, otherTopic, "the predicted topic plays no part");
        assertEquals("is-4", road, "same place, another matter");
    }

    @Test
    void messagesFarApartInTimeAreNotLinked() {
        String early = issueOf(message("1", "2018-01-01", "环境保护", "A5区", List.of("魅力之城小区"), NOISE, 1L,
                Sentiment.NEGATIVE, 0));
        String late = issueOf(message("2", "2019-08-01", "环境保护", "A5区", List.of("魅力之城小区"), NOISE, 2L,
                Sentiment.NEGATIVE, 0));

        assertNotEquals(early, late);
    }

    @Test
    void aMessageLinkingTwoIssuesMergesThemIntoTheOlderAndTheTableSaysSo() {
        String noise = issueOf(message("a", "2019-08-01", "环境保护", null, List.of("魅力之城小区"), NOISE, A,
                Sentiment.NEGATIVE, 0));
        String road = issueOf(message("b", "2019-08-02", "城乡建设", null, List.of("劳动东路"), ROAD, B,
                Sentiment.NEGATIVE, 0));
        assertNotEquals(noise, road);

        // Names both places with words of both matters: linked to each, so the two issues become one.
        String bridge = issueOf(message("c", "2019-08-03", "环境保护", null, List.of("魅力之城小区", "劳动东路"),
                List.of("餐饮店", "油烟", "噪音", "道路", "坑洼"), C, Sentiment.NEGATIVE, 0));

        assertEquals("is-a", bridge, "the older issue survives");
        assertEquals("is-a", table.survivor("is-b"));
        assertEquals(1, table.merges());
    }

    @Test
    void aMessageIndexedAgainKeepsItsIssue() {
        IndexedMessage m = message("1", "2019-08-01", "环境保护", "A5区", List.of("魅力之城小区"), NOISE, 1L,
                Sentiment.NEGATIVE, 0);
        String once = issueOf(m);

        assertEquals(once, issueOf(m));
        assertEquals(1, assigner.open());
    }

    @Test
    void aMessageWithoutATimeGetsNoIssue() {
        IndexedMessage dated = message("1", "2019-08-01", "环境保护", "A5区", List.of(), NOISE, 1L,
                Sentiment.NEGATIVE, 0);
        Message m = dated.message();
        IndexedMessage undated = new IndexedMessage(new Message(m.id(), m.source(), m.channel(), m.title(), m.text(),
                null, m.region(), null, m.votes(), null), dated.analysis());

        assertNull(assigner.assign(undated).issue());
    }

    @Test
    void aBackfillInTimeOrderGroupsAmongItselfWhileLiveDaysStayOpenUntilTheWindowIsFull() {
        IssueAssigner small = new IssueAssigner(HotspotSettings.defaults(), 0.75, table, 3);
        String live = table.survivor(small.assign(message("live", "2020-05-01", "环境保护", "A5区",
                List.of("魅力之城小区"), NOISE, D, Sentiment.NEGATIVE, 0)).issue());
        // A re-import of 2018, in time order: its days open as it writes them.
        String old1 = table.survivor(small.assign(message("o1", "2018-03-01", "城乡建设", "A1区",
                List.of("劳动东路"), ROAD, A, Sentiment.NEGATIVE, 0)).issue());
        String old2 = table.survivor(small.assign(message("o2", "2018-03-02", "城乡建设", "A1区",
                List.of("劳动东路"), ROAD, B, Sentiment.NEGATIVE, 0)).issue());
        assertEquals(old1, old2, "the backfill groups among itself");
        assertEquals(3, small.open());

        String old3 = table.survivor(small.assign(message("o3", "2018-03-03", "城乡建设", "A1区",
                List.of("劳动东路"), ROAD, C, Sentiment.NEGATIVE, 0)).issue());
        assertEquals(old1, old3);
        assertEquals(3, small.open(), "over capacity the day touched longest ago (the live one) closed");
        String liveAgain = table.survivor(small.assign(message("live2", "2020-05-02", "环境保护", "A5区",
                List.of("魅力之城小区"), NOISE, 0x0F0F_0F0F_0000_0000L, Sentiment.NEGATIVE, 0)).issue());
        assertEquals("is-live2", liveAgain, "its issue was closed, so a new one starts");
        assertNotEquals(live, liveAgain);
    }

    @Test
    void reopenedMembersFromTheIndexAreLinkedToAfterARestart(@TempDir Path dir) {
        IssueTable kept = IssueTable.open(dir.resolve(IssueTable.FILE_NAME));
        IssueAssigner before = new IssueAssigner(HotspotSettings.defaults(), 0.75, kept, 1000);
        IndexedMessage a = before.assign(message("a", "2019-08-01", "环境保护", null, List.of("魅力之城小区"), NOISE,
                A, Sentiment.NEGATIVE, 0));
        IndexedMessage b = before.assign(message("b", "2019-08-02", "城乡建设", null, List.of("劳动东路"), ROAD, B,
                Sentiment.NEGATIVE, 0));
        before.assign(message("c", "2019-08-03", "环境保护", null, List.of("魅力之城小区", "劳动东路"),
                List.of("餐饮店", "油烟", "噪音", "道路", "坑洼"), C, Sentiment.NEGATIVE, 0));

        IssueTable reread = IssueTable.open(dir.resolve(IssueTable.FILE_NAME));
        IssueAssigner after = new IssueAssigner(HotspotSettings.defaults(), 0.75, reread, 1000);
        after.reopen(a);
        after.reopen(b);
        String next = reread.survivor(after.assign(message("d", "2019-08-04", "城乡建设", null, List.of("劳动东路"),
                ROAD, D, Sentiment.NEGATIVE, 0)).issue());

        assertEquals("is-a", reread.survivor("is-b"), "the merge outlived the restart");
        assertEquals("is-a", next);
    }
}
