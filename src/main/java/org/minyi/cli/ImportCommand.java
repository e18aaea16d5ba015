package org.minyi.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.collect.importer.ColumnMapping;
import org.minyi.collect.importer.ConsoleProgress;
import org.minyi.collect.importer.FileFormat;
import org.minyi.collect.importer.FileImporter;
import org.minyi.collect.importer.ImportException;
import org.minyi.collect.importer.ImportOptions;
import org.minyi.collect.importer.ImportReport;
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
 * Exit code 0: every row imported; 1: some rows rejected or not indexed (the rest are in); 2: nothing imported.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import messages from a CSV, JSONL or XLSX file into the index.")
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "the file to import")
    private Path file;

    @Option(names = "--mapping", paramLabel = "YAML|NAME",
            description = "a column mapping file or the name of a built-in one (default: chosen by the header)")
    private String mapping;

    @Option(names = "--format", description = "csv | jsonl | xlsx (default: by extension)")
    private String format;

    @Option(names = "--source", description = "source name for every message (overrides the mapping)")
    private String source;

    @Option(names = "--channel", description = "board | hotline | news | forum (overrides the mapping)")
    private String channel;

    @Option(names = "--dry-run", description = "read and check every row, store nothing")
    private boolean dryRun;

    @Option(names = "--show-errors", paramLabel = "N", defaultValue = "20",
            description = "row errors to print (default: ${DEFAULT-VALUE}; the report keeps the first 100)")
    private int showErrors;

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
        try {
            return run(out, err);
        } catch (ImportException | IllegalArgumentException e) {
            err.println("minyi import: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) throws Exception {
        ImportOptions options = options();
        if (dryRun) {
            ImportReport report = new FileImporter().run(file, options, message -> { }, new ConsoleProgress(err));
            printReport(out, "[dry run] ", report);
            return report.rejected() == 0 ? 0 : 1;
        }
        if (server != null) {
            return remote(server, out, err);
        }
        MinYiStack stack;
        try {
            stack = MinYiStack.open(MinYiSettings.fromSystemProperties());
        } catch (IndexLockedException e) {
            String url = ServiceClient.local(err).base();
            err.println("The index is held by a running MinYi service; sending the file to it at " + url);
            return remote(url, out, err);
        }
        try (stack) {
            long start = System.nanoTime();
            ImportReport report = new FileImporter().run(file, options, stack.ingestion(), new ConsoleProgress(err));
            stack.ingestion().flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            printReport(out, "", report);
            long failed = stack.ingestion().stats().failed();
            long indexed = report.accepted() - failed;
            out.printf("%,d messages analysed and indexed in %.1f s (%,.0f messages/s); index now holds %,d%n",
                    indexed, seconds, indexed / seconds, stack.index().count());
            if (failed > 0) {
                out.printf("%d messages could not be analysed or indexed: %s%n", failed,
                        stack.ingestion().stats().recentFailures());
            }
            return report.rejected() == 0 && failed == 0 ? 0 : 1;
        }
    }

    private int remote(String url, PrintWriter out, PrintWriter err) throws Exception {
        Path mappingFile = mapping == null ? null : Path.of(mapping);
        if (mappingFile != null && !Files.isRegularFile(mappingFile)) {
            throw new IllegalArgumentException("--mapping must be a file when importing through the service");
        }
        return new RemoteImport(url, out, err).run(file, mappingFile, format, source, channel);
    }

    private void printReport(PrintWriter out, String prefix, ImportReport report) {
        out.println(prefix + report.summary());
        report.errors().stream().limit(showErrors).forEach(error -> out.println("  " + error));
        long notShown = report.rejected() - Math.min(showErrors, report.errors().size());
        if (notShown > 0) {
            out.printf("  … %d more rejected rows%n", notShown);
        }
    }

    private ImportOptions options() {
        ImportOptions options = ImportOptions.defaults();
        if (format != null) {
            options = options.withFormat(FileFormat.parse(format));
        }
        if (mapping != null) {
            Path mappingFile = Path.of(mapping);
            options = options.withMapping(Files.isRegularFile(mappingFile)
                    ? ColumnMapping.load(mappingFile) : ColumnMapping.builtIn(mapping));
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
