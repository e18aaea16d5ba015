package org.minyi.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.collect.importer.ColumnMapping;
import org.minyi.collect.importer.FileFormat;
import org.minyi.collect.importer.FileImporter;
import org.minyi.collect.importer.ImportOptions;
import org.minyi.collect.importer.ImportReport;
import org.minyi.collect.importer.RowError;
import org.minyi.index.lucene.IndexLockedException;
import org.minyi.message.Channel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code minyi import FILE}: reads a CSV, JSONL or XLSX file of messages, analyses and indexes them. When the
 * service is running (it holds the index), the file is sent to it instead and its progress is followed.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import messages from a CSV, JSONL or XLSX file into the index.")
public final class ImportCommand implements Callable<Integer> {

    private static final int SHOWN_ERRORS = 20;

    @Parameters(index = "0", description = "the file to import")
    private Path file;

    @Option(names = "--mapping", description = "column mapping YAML (default: built-in mapping chosen by header)")
    private Path mapping;

    @Option(names = "--format", description = "csv | jsonl | xlsx (default: by extension)")
    private String format;

    @Option(names = "--source", description = "source name for every message (overrides the mapping)")
    private String source;

    @Option(names = "--channel", description = "board | hotline | news | forum (overrides the mapping)")
    private String channel;

    @Option(names = "--server", description = "send the file to this running service, e.g. http://127.0.0.1:8080 "
            + "(default: only when the local index is held by a running service)")
    private String server;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("no such file: " + file);
            return 2;
        }
        if (server != null) {
            return new RemoteImport(server, out, err).run(file, mapping, format, source, channel);
        }
        ImportOptions options = options();
        MinYiSettings settings = MinYiSettings.fromSystemProperties();
        MinYiStack stack;
        try {
            stack = MinYiStack.open(settings);
        } catch (IndexLockedException e) {
            String url = "http://127.0.0.1:" + System.getenv().getOrDefault("MINYI_PORT", "8080");
            err.println("The index is held by a running MinYi service; sending the file to it at " + url);
            return new RemoteImport(url, out, err).run(file, mapping, format, source, channel);
        }
        try (stack) {
            long start = System.nanoTime();
            Progress progress = new Progress(err, "rows read");
            ImportReport report = new FileImporter().run(file, options, stack.ingestion(),
                    update -> progress.set(update.rowsRead(), update.fractionDone()));
            stack.ingestion().flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            long failed = stack.ingestion().stats().failed();
            out.println(report.summary());
            for (RowError error : report.errors().subList(0, Math.min(SHOWN_ERRORS, report.errors().size()))) {
                out.println("  " + error);
            }
            if (report.rejected() > SHOWN_ERRORS) {
                out.printf("  … %d more rejected rows%n", report.rejected() - SHOWN_ERRORS);
            }
            long indexed = report.accepted() - failed;
            out.printf("%,d messages analysed and indexed in %.1f s (%,.0f messages/s); index now holds %,d%n",
                    indexed, seconds, indexed / seconds, stack.index().count());
            if (failed > 0) {
                out.printf("%d messages could not be analysed or indexed: %s%n", failed,
                        stack.ingestion().stats().recentFailures());
            }
            return failed > 0 ? 1 : 0;
        }
    }

    private ImportOptions options() {
        ImportOptions options = ImportOptions.defaults();
        if (format != null) {
            options = options.withFormat(FileFormat.parse(format));
        }
        if (mapping != null) {
            options = options.withMapping(ColumnMapping.load(mapping));
        }
        if (source != null) {
            options = options.withSource(source);
        }
        if (channel != null) {
            options = options.withChannel(Channel.parse(channel));
        }
        return options;
    }
}
