package org.minyi.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.index.IssueMember;

class PlainReasonTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant END = Instant.parse("2019-12-31T16:00:00Z"); // 2020-01-01 00:00 in Shanghai

    @Test
    void recentCountAgainstTheIssuesOwnEarlierDailyRateNegativityRegionsAndLikes() {
        List<IndexedMessage> ordered = new ArrayList<>();
        // 4 messages in the 20 days before the last week: 0.2 a day; then 7 in the last week: 1 a day, 5 times
        for (String day : List.of("2019-12-05", "2019-12-10", "2019-12-15", "2019-12-20")) {
            ordered.add(Messages.message("o" + day, day, "城乡建设", "A2区", List.of(), List.of("噪音"), 1,
                    Sentiment.NEGATIVE, 2));
        }
        for (int k = 25; k <= 31; k++) {
            ordered.add(Messages.message("n" + k, "2019-12-" + k, "环境保护", k % 2 == 0 ? "A市" : "A2区", List.of(),
                    List.of("噪音"), 1, k == 31 ? Sentiment.NEUTRAL : Sentiment.NEGATIVE, 1));
        }
        // the first message is 2019-12-05 10:00 Shanghai; the last week starts 2019-12-25 00:00: 19.6 days before

        String why = PlainReason.of(members(ordered), END, Duration.ofDays(7), SHANGHAI, List.of("A2区", "A市"), 10 / 11.0);

        assertEquals("近7天7条，是此前日均0.2条的4.9倍；91%为负面；涉及A2区、A市；点赞15。", why);
    }

    @Test
    void aQuietIssueSaysWhenItWasActiveAndThatNothingCameLately() {
        List<IndexedMessage> ordered = List.of(
                Messages.message("a", "2019-11-02", "城乡建设", "A2区", List.of(), List.of("x"), 1, Sentiment.NEGATIVE, 0),
                Messages.message("b", "2019-11-02", "城乡建设", "A2区", List.of(), List.of("x"), 1, Sentiment.NEGATIVE, 0));

        assertEquals("11月2日共2条，近7天没有新留言；100%为负面；涉及A2区。",
                PlainReason.of(members(ordered), END, Duration.ofDays(7), SHANGHAI, List.of("A2区"), 1.0));
    }

    private static List<IssueMember> members(List<IndexedMessage> messages) {
        return messages.stream().map(IssueMember::of).toList();
    }
}
