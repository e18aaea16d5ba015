package org.minyi.collect.importer;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.minyi.ingest.MessageSink;
import org.minyi.message.Channel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code minyi import FILE}: reads a message file into the message sink, showing progress on stderr and a summary
 * with the first row errors on stdout. Exit code 0 when every row was imported, 1 when some rows were rejected,
 * 2 when the file could not be imported at all.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Imports citizen messages from a CSV, JSONL or XLSX file.")
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "the .csv, .jsonl/.json or .xlsx file")
    Path file;

    @Option(names = "--format", paramLabel = "csv|jsonl|xlsx", description = "default: by file extension")
    String format;

    @Option(names = "--mapping", paramLabel = "YAML|NAME",
            description = "a column mapping file, or the name of a built-in mapping; default: detected from the header")
    String mapping;

    @Option(names = "--source", description = "store this source on every message")
    String source;

    @Option(names = "--channel", paramLabel = "board|hotline|news|forum", description = "store this channel on every message")
    String channel;

    @Option(names = "--dry-run", description = "read and check every row, store nothing")
    boolean dryRun;

    @Option(names = "--show-errors", paramLabel = "N", defaultValue = "20",
            description = "row errors to print (default: ${DEFAULT-VALUE}; the report keeps the first 100)")
    int showErrors;

    @Spec
    CommandSpec spec;

    private final Supplier<MessageSink> sinks;

    /** As picocli creates it from {@code MinYiCommand}: only {@code --dry-run} works until a store is wired in. */
    public ImportCommand() {
        this(null);
    }

    /** @param sinks where imported messages go; null leaves only {@code --dry-run} available */
    public ImportCommand(Supplier<MessageSink> sinks) {
        this.sinks = sinks;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            MessageSink sink = dryRun ? message -> { } : sink();
            ImportReport report = new FileImporter().run(file, options(), sink, new ConsoleProgress(err));
            out.println((dryRun ? "[dry run] " : "") + report.summary());
            report.errors().stream().limit(showErrors).forEach(error -> out.println("  " + error));
            if (report.rejected() > showErrors) {
                out.println("  ... " + (report.rejected() - Math.min(showErrors, report.errors().size()))
                        + " more rejected rows");
            }
            return report.rejected() == 0 ? 0 : 1;
        } catch (ImportException e) {
            err.println("minyi import: " + e.getMessage());
            return 2;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private MessageSink sink() {
        if (sinks == null) {
            throw new ImportException("no message store is configured for this command; use --dry-run to check a file");
        }
        return sinks.get();
    }

    private ImportOptions options() {
        ImportOptions options = ImportOptions.defaults();
        if (format != null) {
            options = options.withFormat(FileFormat.parse(format));
        }
        if (mapping != null) {
            Path mappingFile = Path.of(mapping);
            options = options.withMapping(Files.isRegularFile(mappingFile)
                    ? ColumnMapping.load(mappingFile)
                    : ColumnMapping.builtIn(mapping));
        }
        if (source != null) {
            options = options.withSource(source);
        }
        if (channel != null) {
            try {
                options = options.withChannel(Channel.parse(channel));
            } catch (IllegalArgumentException e) {
                throw new ImportException(e.getMessage());
            }
        }
        return options;
    }
}
