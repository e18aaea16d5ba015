package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportSpoolTest {

    @TempDir
    Path root;

    @Test
    void aStoredUploadIsFoundAgainAtStartWithItsOptionsAndCheckpoint() throws Exception {
        ImportSpool spool = new ImportSpool(root);
        ImportRequest request = new ImportRequest("jsonl", null, "board-x", "board");
        Path file = spool.store(new ImportSpool.Manifest("import-7", "orders.jsonl", request,
                Instant.parse("2026-01-01T00:00:00Z")), new ByteArrayInputStream("{}\n".getBytes(StandardCharsets.UTF_8)));
        spool.checkpoint("import-7", 1200);

        List<ImportSpool.Spooled> found = new ImportSpool(root).unfinished();

        assertEquals(1, found.size());
        assertEquals(file, found.getFirst().file());
        assertEquals("{}\n", Files.readString(file));
        assertEquals(request, found.getFirst().manifest().request());
        assertEquals(1200, found.getFirst().acknowledged());
    }

    @Test
    void aHalfWrittenUploadWasNeverAcknowledgedAndIsRemovedAtStart() throws Exception {
        Files.createDirectories(root.resolve("import-3.partial"));
        Files.writeString(root.resolve("import-3.partial").resolve("big.csv"), "half a file");

        assertTrue(new ImportSpool(root).unfinished().isEmpty());
        assertFalse(Files.exists(root.resolve("import-3.partial")));
    }

    @Test
    void aFinishedJobLeavesNothingBehind() throws Exception {
        ImportSpool spool = new ImportSpool(root);
        spool.store(new ImportSpool.Manifest("import-1", "a.csv", ImportRequest.defaults(), Instant.now()),
                new ByteArrayInputStream(new byte[]{1, 2, 3}));

        spool.release("import-1");

        assertTrue(spool.unfinished().isEmpty());
        assertFalse(Files.exists(root.resolve("import-1")));
    }
}
