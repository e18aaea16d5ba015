package org.minyi.index.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class OutboxTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void batchesSurviveAReopenInTheOrderTheyWereAccepted() {
        Outbox first = new Outbox(dir, 1 << 20, JSON);
        first.append(List.of(op("a", "{\"text\":\"路灯\\n坏了\"}"), op("b", "{\"text\":\"噪音\"}")));
        first.append(List.of(op("a", "{\"text\":\"修好了\"}")));

        Outbox reopened = new Outbox(dir, 1 << 20, JSON);
        List<Outbox.Batch> pending = reopened.pending();

        assertEquals(2, pending.size());
        List<BulkOp> older = reopened.read(pending.get(0));
        assertEquals(List.of("a", "b"), older.stream().map(BulkOp::id).toList());
        assertEquals("x-2024.03", older.getFirst().index());
        assertArrayEquals("{\"text\":\"路灯\\n坏了\"}".getBytes(StandardCharsets.UTF_8), older.getFirst().document());
        assertEquals("a", reopened.read(pending.get(1)).getFirst().id());
    }

    @Test
    void aBatchIsForgottenOnlyWhenDoneAndNewBatchesNumberOnAfterAReopen() throws Exception {
        Outbox outbox = new Outbox(dir, 1 << 20, JSON);
        outbox.append(List.of(op("a", "{}")));
        outbox.done(outbox.pending().getFirst());
        outbox.append(List.of(op("b", "{}")));

        Outbox reopened = new Outbox(dir, 1 << 20, JSON);
        reopened.append(List.of(op("c", "{}")));

        assertEquals(List.of("b", "c"), reopened.pending().stream()
                .map(batch -> reopened.read(batch).getFirst().id()).toList());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.filter(f -> f.getFileName().toString().endsWith(".ndjson")).count());
        }
    }

    @Test
    void aHalfWrittenBatchFromACrashIsDiscardedAsNeverAccepted() throws Exception {
        Files.writeString(dir.resolve("batch-0000000000000000007.ndjson.tmp"), "{\"index\":{\"_ind");

        Outbox outbox = new Outbox(dir, 1 << 20, JSON);

        assertTrue(outbox.isEmpty());
        assertFalse(Files.exists(dir.resolve("batch-0000000000000000007.ndjson.tmp")));
    }

    @Test
    void aFullBufferRefusesNewRecordsInsteadOfDroppingAny() {
        Outbox outbox = new Outbox(dir, 1024, JSON);
        outbox.append(List.of(op("a", "{\"text\":\"" + "路".repeat(200) + "\"}")));

        var refused = assertThrows(ElasticsearchUnavailableException.class,
                () -> outbox.append(List.of(op("b", "{\"text\":\"" + "灯".repeat(200) + "\"}"))));

        assertTrue(refused.getMessage().contains("full"), refused.getMessage());
        assertEquals(1, outbox.pending().size());
    }

    private static BulkOp op(String id, String json) {
        return new BulkOp("x-2024.03", id, json.getBytes(StandardCharsets.UTF_8));
    }
}
