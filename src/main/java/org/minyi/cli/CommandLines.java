package org.minyi.cli;

import org.minyi.index.lucene.IndexCorruptedException;
import org.minyi.index.lucene.IndexLockedException;
import org.minyi.index.lucene.IndexWriteException;
import picocli.CommandLine;

/** The {@code minyi} command line as {@code main} runs it. */
public final class CommandLines {

    private CommandLines() {
    }

    /**
     * The command line with one rule for every command: an index that is corrupt, locked or cannot be written
     * ends the command with its message (which says what to do) and exit code 2, not a stack trace.
     */
    public static CommandLine create() {
        CommandLine line = new CommandLine(new MinYiCommand());
        line.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof IndexCorruptedException || e instanceof IndexLockedException
                    || e instanceof IndexWriteException) {
                command.getErr().println("minyi " + command.getCommandName() + ": " + e.getMessage());
                command.getErr().flush();
                return CommandErrors.BAD_INPUT;
            }
            throw e;
        });
        return line;
    }
}
