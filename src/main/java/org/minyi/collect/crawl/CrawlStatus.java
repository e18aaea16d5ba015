package org.minyi.collect.crawl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator (and the status API) sees per source: the last run's times and counts, kept as
 * {@code <state folder>/<source>/status.json}, replaced atomically.
 *
 * @param lastRunEnd null while a run is going on or when the last run died (it resumes next time)
 * @param itemsKnown items the crawler has delivered to the sink over all runs
 */
public record CrawlStatus(String source, Instant lastRunStart, Instant lastRunEnd, boolean running,
        int pagesFetched, int itemsNew, int itemsUpdated, int itemsUnchanged, Map<FailureKind, Integer> errorsByKind,
        int itemsKnown) {

    static final String FILE = "status.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static CrawlStatus of(CrawlReport report, boolean running, int itemsKnown) {
        return new CrawlStatus(report.source(), report.started(), running ? null : report.finished(), running,
                report.pagesFetched(), report.itemsNew(), report.itemsUpdated(), report.itemsUnchanged(),
                report.errors(), itemsKnown);
    }

    /** The status of {@code source} under {@code stateRoot}, empty if it never ran. */
    public static Optional<CrawlStatus> read(Path stateRoot, String source) {
        Path file = stateRoot.resolve(source).resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), CrawlStatus.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read crawl status " + file, e);
        } catch (JacksonException e) {
            throw new IllegalStateException("crawl status " + file + " is corrupt: " + e.getOriginalMessage());
        }
    }

    void write(Path stateRoot) {
        Path folder = stateRoot.resolve(source);
        Path tmp = folder.resolve(FILE + ".tmp");
        try {
            Files.createDirectories(folder);
            Files.writeString(tmp, JSON.writeValueAsString(this), StandardCharsets.UTF_8);
            Files.move(tmp, folder.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write crawl status to " + folder, e);
        }
    }
}
