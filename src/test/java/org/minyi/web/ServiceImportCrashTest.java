package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.collect.importer.FileImporter;
import org.minyi.collect.importer.ImportOptions;
import org.minyi.collect.importer.ImportProgress;
import org.minyi.testing.CommittedIndex;
import org.minyi.testing.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Acknowledged" for an import through the service: once POST /api/imports answered 202 with a job id, the upload
 * is not lost whatever happens to the service, and every row the job reported as {@code committed} is in the index
 * on disk. Proved with kill -9 of the real service in a child JVM, twice (early, then late in the resumed job).
 */
class ServiceImportCrashTest {

    private static final Path VOTES = Path.of("..", "shared", "data", "gov-messages",
            "teddy2020-messages-with-votes.csv");
    private static final long EARLY = 300;
    /** The second kill comes this many rows after the first: soon, so a fast machine cannot finish first. */
    private static final long LATER = 500;
    private static final Duration IMPORT_TIMEOUT = Duration.ofMinutes(3);
    /** Durability does not depend on the analysis: the encoder's students, not the encoder, keep this test short. */
    private static final Map<String, String> FAST_ANALYSIS = Map.of("minyi.encoder.enabled", "false",
            "minyi.analysis.distilled", "true");

    @TempDir
    Path tmp;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void killNineMidImportTwiceThenRestartLeavesEveryRowInTheIndexExactlyOnce() throws Exception {
        assumeTrue(Files.isRegularFile(VOTES), "real messages not found at " + VOTES.toAbsolutePath()
                + "; skipping the service import crash test");
        Set<String> expected = idsIn(VOTES);
        Path data = tmp.resolve("data");
        Path index = data.resolve("index");

        try (ServiceProcess service = new ServiceProcess(data, Path.of("target", "service-logs", "import-crash"),
                FAST_ANALYSIS)) {
            service.start();
            var answer = service.upload(VOTES);
            assertEquals(202, answer.statusCode(), answer.body());
            String id = json.readTree(answer.body()).get("id").asString();

            long committedAtFirstKill = killAfterCommitted(service, id, EARLY);
            List<String> afterFirst = CommittedIndex.ids(index);
            System.out.printf("kill -9 #1: job %s reported %d rows committed; %d on disk after the kill%n", id,
                    committedAtFirstKill, afterFirst.size());
            assertTrue(afterFirst.size() >= committedAtFirstKill, "rows committed before kill #1 are on disk");
            assertTrue(expected.containsAll(afterFirst), "nothing but the file's rows is on disk");

            service.start();
            JsonNode resumed = service.getJson("/api/imports/" + id);
            assertTrue(resumed.get("resumed").asBoolean(), "the unfinished job runs again under its id: " + resumed);
            long committedAtSecondKill = killAfterCommitted(service, id, committedAtFirstKill + LATER);
            List<String> afterSecond = CommittedIndex.ids(index);
            System.out.printf("kill -9 #2 (resumed job): %d rows committed; %d on disk after the kill%n",
                    committedAtSecondKill, afterSecond.size());
            assertTrue(afterSecond.size() >= committedAtSecondKill, "rows committed before kill #2 are on disk");
            assertTrue(afterSecond.containsAll(afterFirst), "nothing committed before kill #1 went missing");

            service.start();
            JsonNode done = service.await("/api/imports/" + id, job -> job.get("state").asString().matches(
                    "DONE|FAILED"), IMPORT_TIMEOUT, "the resumed import to finish");
            assertEquals("DONE", done.get("state").asString(), done.toString());
            service.killNine(); // only what was committed counts
            List<String> last = CommittedIndex.ids(index);
            System.out.printf("after the last restart: job DONE with %d rows committed; %d messages on disk, %d "
                    + "expected%n", done.get("committed").asLong(), last.size(), expected.size());

            assertEquals(expected.size(), last.size(), "every row once: no row lost, none twice");
            assertEquals(expected, new HashSet<>(last));
            assertTrue(last.containsAll(afterSecond), "nothing committed before kill #2 went missing");
            assertEquals(expected.size(), done.get("committed").asLong(), "the job's committed rows");
        }
    }

    /** Waits until the job reports at least {@code rows} committed, then kills; returns what it reported last. */
    private static long killAfterCommitted(ServiceProcess service, String id, long rows) throws Exception {
        JsonNode job = service.await("/api/imports/" + id, j -> j.get("committed").asLong() >= rows
                || j.get("state").asString().matches("DONE|FAILED"), IMPORT_TIMEOUT, rows + " committed rows");
        service.killNine();
        assertEquals("RUNNING", job.get("state").asString(), "killed mid-import: " + job);
        return job.get("committed").asLong();
    }

    /** The ids the importer makes of the file's rows, read in this JVM. */
    private static Set<String> idsIn(Path file) {
        List<String> ids = new ArrayList<>();
        new FileImporter().run(file, ImportOptions.defaults(), message -> ids.add(message.id()), ImportProgress.NONE);
        return ids.stream().collect(Collectors.toSet());
    }
}
