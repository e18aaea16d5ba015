package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.testing.DamagedIndex;
import org.minyi.testing.ServiceProcess;

/** The service started on a corrupt index stops at once with a short report: where, what, what to do. */
class ServiceCorruptIndexTest {

    @TempDir
    Path tmp;

    @Test
    void startingOnACorruptIndexFailsWithOneClearReportAndLeavesTheFolderAlone() throws Exception {
        Path data = tmp.resolve("data");
        Path index = data.resolve("index");
        DamagedIndex.create(index);
        String before = DamagedIndex.fingerprint(index);

        try (ServiceProcess service = new ServiceProcess(data, Path.of("target", "service-logs", "corrupt-index"),
                Map.of())) {
            int exit = service.startExpectingExit(Duration.ofMinutes(2));
            String log = Files.readString(service.log(), StandardCharsets.UTF_8);
            System.out.println("service on a corrupt index exited with " + exit + "; its report:\n"
                    + log.substring(Math.max(0, log.indexOf("APPLICATION FAILED TO START") - 40)));

            assertNotEquals(0, exit);
            assertTrue(log.contains("APPLICATION FAILED TO START"), log);
            assertTrue(log.contains("the index at " + index.toAbsolutePath() + " is corrupt"), log);
            assertTrue(log.contains("Restore " + index.toAbsolutePath() + " from a backup"), log);
            assertFalse(log.contains("\tat org.minyi"), "no stack trace soup");
        }
        assertEquals(before, DamagedIndex.fingerprint(index), "the damaged folder is left as it was");
    }
}
