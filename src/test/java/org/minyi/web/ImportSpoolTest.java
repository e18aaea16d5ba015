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

    /**
     * An upload named like the spool's own files took their place: {@code acknowledged} was overwritten by the first
     * checkpoint, {@code job.json} failed with 507 and the server's path.
     */
    @Test
    void uploadsNamedLikeTheSpoolsOwnFilesKeepTheirContent() throws Exception {
        ImportSpool spool = new ImportSpool(root);
        for (String name : List.of("acknowledged", "job.json", "acknowledged.next", "upload")) {
            String id = "import-" + name.length();
            Path file = spool.store(new ImportSpool.Manifest(id, name, ImportRequest.defaults(), Instant.now()),
                    new ByteArrayInputStream(("content of " + name).getBytes(StandardCharsets.UTF_8)));
            spool.checkpoint(id, 42);

            assertEquals("content of " + name, Files.readString(file));
            ImportSpool.Spooled found = new ImportSpool(root).unfinished().stream()
                    .filter(s -> s.manifest().id().equals(id)).findFirst().orElseThrow();
            assertEquals(file, found.file());
            assertEquals(42, found.acknowledged());
            spool.release(id);
        }
    }

    @Test
    void aJobFromBeforeUploadsHadTheirOwnFolderIsStillFound() throws Exception {
        Path old = Files.createDirectories(root.resolve("import-9"));
        Files.writeString(old.resolve("job.json"), "{\"id\":\"import-9\",\"fileName\":\"a.csv\",\"request\":{},"
                + "\"submitted\":\"2026-01-01T00:00:00Z\"}");
        Files.writeString(old.resolve("a.csv"), "x");

        assertEquals(old.resolve("a.csv"), new ImportSpool(root).unfinished().getFirst().file());
    }

    @Test
    void jobNumbersGoOnAcrossRestarts() {
        assertEquals(1, new ImportSpool(root).nextId(0));
        assertEquals(2, new ImportSpool(root).nextId(0));
        assertEquals(8, new ImportSpool(root).nextId(7), "an unfinished job with a higher number wins");
        assertEquals(9, new ImportSpool(root).nextId(0));
    }

    @Test
    void theSpoolAndItsUploadsAreTheServicesOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
        ImportSpool spool = new ImportSpool(root.resolve("imports"));
        Path file = spool.store(new ImportSpool.Manifest("import-1", "a.csv", ImportRequest.defaults(), Instant.now()),
                new ByteArrayInputStream(new byte[]{1}));

        assertEquals("rwx------", mode(root.resolve("imports")));
        assertEquals("rw-------", mode(file));
    }

    private static String mode(Path path) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
