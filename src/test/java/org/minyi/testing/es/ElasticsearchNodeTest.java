package org.minyi.testing.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ElasticsearchNodeExtension.class)
class ElasticsearchNodeTest {

    @Test
    void sharedNodeAnswersInfoAndPingLikeAnOfficialNode(ElasticsearchNode node) throws Exception {
        try (ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(node.url()))) {
            assertThat(client.ping().value()).isTrue();
            assertThat(client.info().version().number()).isEqualTo("9.5.3");
        }
    }

    @Test // the shared node parameter applies the skip-or-fail policy before a second node is started
    void restartedNodeKeepsItsPortAndItsDocuments(ElasticsearchNode shared, @TempDir Path data) throws Exception {
        try (ElasticsearchNode node = ElasticsearchNode.start(data);
             ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(node.url()))) {
            client.index(i -> i.index("notes").id("1").document(Map.of("text", "路灯 不亮")).refresh(Refresh.True));
            int port = node.port();

            node.stop();
            assertThatThrownBy(() -> client.ping()).isInstanceOf(Exception.class);
            node.restart();

            assertThat(node.port()).isEqualTo(port);
            assertThat(client.get(g -> g.index("notes").id("1"), Map.class).found()).isTrue();
        }
    }
}
