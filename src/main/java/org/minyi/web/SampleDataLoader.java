package org.minyi.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.minyi.MinYiSettings;
import org.minyi.collect.importer.ImportOptions;
import org.minyi.index.MessageIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At first start (empty index) loads the real government messages from the shared data set, when it is there, so
 * search and trends have real content at once. Runs as ordinary import jobs, visible at {@code /api/imports}.
 */
@Component
class SampleDataLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SampleDataLoader.class);

    /** Real message files with dates, votes and replies; the segmented training set is left out (no dates). */
    static final List<String> FILES = List.of(
            "gov-messages/teddy2020-messages-with-votes.csv",
            "gov-messages/teddy2020-messages-with-replies.csv",
            "gov-messages/shangluo-mayor-mailbox-letters.csv");

    private final MinYiSettings settings;
    private final MessageIndex index;
    private final ImportJobs jobs;
    private final boolean enabled;

    SampleDataLoader(MinYiSettings settings, MessageIndex index, ImportJobs jobs,
                     @Value("${minyi.load-sample-data:true}") boolean enabled) {
        this.settings = settings;
        this.index = index;
        this.jobs = jobs;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (index.count() > 0) {
            LOG.info("MinYi index at {} holds {} messages", settings.indexDir(), index.count());
            return;
        }
        Path data = settings.sampleData();
        if (!enabled || data == null) {
            LOG.info("The index is empty. Import messages with `./minyi import FILE` (CSV, JSONL or XLSX) "
                    + "or POST a file to /api/imports.");
            return;
        }
        LOG.info("First start: loading the real government messages from {} (progress: GET /api/imports)", data);
        for (String file : FILES) {
            Path path = data.resolve(file);
            if (Files.isRegularFile(path)) {
                jobs.submit(path, path.getFileName().toString(), ImportOptions.defaults());
            }
        }
    }
}
