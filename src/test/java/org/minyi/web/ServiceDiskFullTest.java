package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.testing.CommittedIndex;
import org.minyi.testing.ServiceProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The index disk fills up during an import through the real service: the index lives on a small tmpfs (the test
 * mounts it, so it needs root; where mounting is refused it is skipped and IndexDiskFullTest covers the same code
 * with a fault-injecting directory). The job fails with a clear reason, the service keeps serving what was
 * committed, and once space is freed the next import succeeds with nothing committed before lost.
 */
class ServiceDiskFullTest {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path tmp;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aFullIndexDiskFailsTheImportClearlyWhileTheServiceKeepsServingAndImportsAgainOnceFreed() throws Exception {
        Path data = tmp.resolve("data");
        Path index = Files.createDirectories(data.resolve("index"));
        mountSmallTmpfsOrSkip(index);
        try (ServiceProcess service = new ServiceProcess(data, Path.of("target", "service-logs", "disk-full"),
                Map.of())) {
            service.start();
            assertEquals("DONE", importAndWait(service, messages("before-", 50)).get("state").asString());
            assertEquals(50, total(service));

            Path filler = fillLeaving(index, 96 * 1024);
            JsonNode failed = importAndWait(service, messages("flood-", 3000));
            String reason = failed.get("failure").asString();
            System.out.printf("import on a full disk: %s after %d rows committed: %s%n", failed.get("state").asString(),
                    failed.get("committed").asLong(), reason);
            assertEquals("FAILED", failed.get("state").asString(), failed.toString());
            assertTrue(reason.startsWith("index disk full: "), reason);
            assertTrue(reason.contains(index.toAbsolutePath().toString()) && reason.contains("free space"), reason);
            assertTrue(service.isAlive(), "the service stays up");
            assertTrue(total(service) >= 50, "what was committed is still searchable");
            boolean reopened = Files.readString(service.log(), StandardCharsets.UTF_8)
                    .contains("reopened it on the last commit");
            System.out.println("Lucene closed its writer on the full disk (tragic event) and it was reopened: "
                    + reopened);

            Files.delete(filler);
            JsonNode after = importAndWait(service, messages("after-", 50));
            assertEquals("DONE", after.get("state").asString(), after.toString());
            assertEquals(50, after.get("committed").asLong());
            service.killNine();
            List<String> onDisk = CommittedIndex.ids(index);
            for (String prefix : List.of("before-", "after-")) {
                for (int i = 0; i < 50; i++) {
                    assertTrue(onDisk.contains(prefix + i), prefix + i + " is committed");
                }
            }
            assertEquals(onDisk.size(), onDisk.stream().distinct().count(), "no message twice");
        } finally {
            run("umount", index.toString());
        }
    }

    private JsonNode importAndWait(ServiceProcess service, Path file) throws Exception {
        var answer = service.upload(file);
        assertEquals(202, answer.statusCode(), answer.body());
        String id = json.readTree(answer.body()).get("id").asString();
        return service.await("/api/imports/" + id, job -> job.get("state").asString().matches("DONE|FAILED"),
                JOB_TIMEOUT, "import " + id);
    }

    private static long total(ServiceProcess service) throws Exception {
        return service.getJson("/api/search?size=0&facets=").get("total").asLong();
    }

    private Path messages(String prefix, int count) throws IOException {
        String lines = IntStream.range(0, count).mapToObj(i -> String.format(
                "{\"id\":\"%s%d\",\"title\":\"A%d区第%d条路灯不亮\",\"text\":\"A市A%d区桂花路第%d盏路灯坏了一个多月，晚上漆黑一片，"
                        + "居民出行很不方便，希望住建局尽快派人修复路灯，并检查周边小区的照明设施。编号%s%d\","
                        + "\"createdAt\":\"2019-03-04T10:00:00+08:00\",\"source\":\"disk-test\",\"channel\":\"board\"}",
                prefix, i, i % 9, i, i % 9, i, prefix, i)).collect(Collectors.joining("\n", "", "\n"));
        Path file = tmp.resolve(prefix + count + ".jsonl");
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** Writes a file that leaves about {@code free} bytes on the file system of {@code folder}. */
    private static Path fillLeaving(Path folder, long free) throws IOException {
        Path filler = folder.resolve("filler.bin");
        long size = Files.getFileStore(folder).getUsableSpace() - free;
        Files.write(filler, new byte[(int) Math.max(0, size)]);
        return filler;
    }

    private static void mountSmallTmpfsOrSkip(Path folder) throws Exception {
        if (run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", folder.toString()) != 0) {
            abort("cannot mount a tmpfs at " + folder + " (not root, or no mount permission here); the full-disk "
                    + "path is covered by IndexDiskFullTest's fault-injecting directory");
        }
    }

    private static int run(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1; // no such command
        }
    }
}
