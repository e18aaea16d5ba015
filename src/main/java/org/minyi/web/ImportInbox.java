package org.minyi.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.minyi.MinYiSettings;
import org.minyi.collect.importer.ImportOptions;
import org.minyi.collect.importer.InboxWatcher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The service's watched import folder: {@code minyi.import.inbox} (default {@code <dataDir>/inbox}; {@code off}
 * disables it), polled every {@code minyi.import.inbox-poll-seconds} (default 3). Files run as ordinary import jobs,
 * so they show at {@code /api/imports} like uploads.
 */
@Component
final class ImportInbox implements ApplicationRunner, AutoCloseable {

    private static final Set<String> OFF = Set.of("off", "false", "none", "disabled");
    /** How often a waiting drop looks at its job; imports take seconds, so this costs nothing. */
    private static final long JOB_POLL_MILLIS = 200;

    private final ImportJobs jobs;
    private final InboxWatcher watcher;
    private final Duration interval;

    ImportInbox(MinYiSettings settings, ImportJobs jobs,
                @Value("${minyi.import.inbox:}") String folder,
                @Value("${minyi.import.inbox-poll-seconds:3}") double pollSeconds) {
        this.jobs = jobs;
        this.interval = Duration.ofMillis(Math.max(100, Math.round(pollSeconds * 1000)));
        boolean off = OFF.contains(folder.strip().toLowerCase(Locale.ROOT));
        Path inbox = folder.isBlank() ? settings.dataDir().resolve("inbox") : settings.home().resolve(folder.strip());
        this.watcher = off ? null : new InboxWatcher(inbox, this::importThroughJobs);
    }

    /** The watcher, or null when the inbox is switched off. */
    InboxWatcher watcher() {
        return watcher;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (watcher != null) {
            watcher.start(interval);
        }
    }

    @Override
    public void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    private InboxWatcher.Outcome importThroughJobs(Path file) throws InterruptedException {
        String id = jobs.submit(file, "inbox/" + file.getFileName(), ImportOptions.defaults()).id();
        while (true) {
            ImportJobs.JobView job = jobs.get(id).orElse(null);
            if (job == null) {
                return InboxWatcher.Outcome.failed("import job " + id + " vanished before it finished");
            }
            switch (job.state()) {
                case DONE -> {
                    return new InboxWatcher.Outcome(job.accepted(), job.rejected(), job.errors(), null);
                }
                case FAILED -> {
                    return InboxWatcher.Outcome.failed(job.failure());
                }
                default -> Thread.sleep(JOB_POLL_MILLIS);
            }
        }
    }
}
