package org.minyi.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.minyi.index.TestMessage.message;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.index.MessageFilter;
import org.minyi.index.Neighbour;
import org.minyi.index.lucene.LuceneMessageIndex;

/** "Was this asked before, and how was it answered?" — the nearest earlier messages through stored vectors. */
class SimilarMessagesTest {

    @TempDir
    Path folder;

    @Test
    void onlyEarlierMessagesAreShownMostSimilarFirstWithTheirReplies() {
        try (LuceneMessageIndex index = LuceneMessageIndex.open(folder, new Segmenter(DomainDictionary.load(null)),
                ZoneId.of("Asia/Shanghai"))) {
            index.upsert(List.of(
                    message("asked-before", "路灯坏了").vector(7, 0.2f).at("2019-01-05T10:00:00+08:00")
                            .reply("已安排维修", "城管局", java.time.Instant.parse("2019-01-08T02:00:00Z")).build(),
                    message("less-alike", "路灯不太亮").vector(7, 0.9f).at("2019-02-05T10:00:00+08:00").build(),
                    message("unrelated", "噪音扰民").vector(300, 0f).at("2019-02-06T10:00:00+08:00").build(),
                    message("later", "路灯又坏了").vector(7, 0.1f).at("2019-09-05T10:00:00+08:00").build(),
                    message("this", "小区路灯坏了三个月").vector(7, 0f).at("2019-06-05T10:00:00+08:00").build(),
                    message("no-vector", "旧数据").at("2019-06-05T10:00:00+08:00").build()));
            index.refresh();
            SimilarMessages similar = new SimilarMessages(index);

            SimilarMessages.Answer answer = similar.earlierThan("this", MessageFilter.ALL, 2);
            assertThat(answer.vectorKnown()).isTrue();
            assertThat(answer.similar()).extracting(n -> n.message().id()).containsExactly("asked-before", "less-alike");
            Neighbour first = answer.similar().getFirst();
            assertThat(first.similarity()).isGreaterThan(answer.similar().get(1).similarity());
            assertThat(first.message().message().reply().text()).isEqualTo("已安排维修");

            MessageFilter otherRegion = new MessageFilter(null, null, null, Set.of("A5区"), null, null, null, null);
            assertThat(similar.earlierThan("this", otherRegion, 5).similar()).isEmpty();
            assertThat(similar.earlierThan("no-vector", MessageFilter.ALL, 5).vectorKnown()).isFalse();
            assertThatThrownBy(() -> similar.earlierThan("missing", MessageFilter.ALL, 5))
                    .isInstanceOf(NoSuchElementException.class);
            assertThatThrownBy(() -> similar.earlierThan("this", MessageFilter.ALL, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
