package org.minyi.cli;

import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.minyi.analysis.classify.ModelLoadException;
import picocli.CommandLine.Model.CommandSpec;

/** Bad input (a missing file, a wrong column, a corrupt model) ends a command with its message, not a stack trace. */
final class CommandErrors {

    static final int BAD_INPUT = 2;

    private CommandErrors() {
    }

    static int run(CommandSpec spec, Callable<Integer> command) throws Exception {
        try {
            return command.call();
        } catch (IllegalArgumentException | ModelLoadException | UncheckedIOException e) {
            spec.commandLine().getErr().println("minyi " + spec.qualifiedName(" ").replaceFirst("^minyi ", "")
                    + ": " + e.getMessage());
            spec.commandLine().getErr().flush();
            return BAD_INPUT;
        }
    }
}
