package org.minyi.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.minyi.MinYiSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Lucene's CheckIndex on the embedded index, read-only: says whether it is sound and, if not, what is damaged. */
@Command(name = "check-index", mixinStandardHelpOptions = true,
        description = "Check the embedded index for damage (read-only; MinYi must be stopped). Exit 0: sound, 1: damaged.")
final class CheckIndexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--index", description = "index folder (default: <data-dir>/index)")
    Path index;

    @Option(names = "--verbose", description = "print Lucene's full report")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Path folder = index != null ? index : MinYiSettings.fromSystemProperties().indexDir();
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (!Files.isDirectory(folder)) {
            err.println("minyi check-index: no index folder at " + folder.toAbsolutePath());
            return CommandErrors.BAD_INPUT;
        }
        try (Directory directory = FSDirectory.open(folder); CheckIndex check = new CheckIndex(directory)) {
            var report = new java.io.ByteArrayOutputStream();
            check.setInfoStream(new PrintStream(report, true, StandardCharsets.UTF_8), verbose);
            CheckIndex.Status status = check.checkIndex();
            if (verbose) {
                out.print(report.toString(StandardCharsets.UTF_8));
            }
            if (status.clean) {
                try (var reader = org.apache.lucene.index.DirectoryReader.open(directory)) {
                    out.printf("index at %s is sound: %d segments, %d messages%n", folder.toAbsolutePath(),
                            status.numSegments, reader.numDocs());
                }
                return 0;
            }
            out.printf("index at %s is damaged: %s%s%n", folder.toAbsolutePath(),
                    status.missingSegments ? "its segments file cannot be read"
                            : status.numBadSegments + " of " + status.numSegments + " segments are broken",
                    status.totLoseDocCount > 0 ? " (" + status.totLoseDocCount + " messages in them)" : "");
            out.println("restore the folder from a backup, or move it away and import the data again");
            if (!verbose) {
                out.println("(--verbose prints Lucene's full report)");
            }
            return 1;
        } catch (LockObtainFailedException e) {
            err.println("minyi check-index: the index at " + folder.toAbsolutePath()
                    + " is in use by a running MinYi; stop it first");
            return CommandErrors.BAD_INPUT;
        }
    }
}
