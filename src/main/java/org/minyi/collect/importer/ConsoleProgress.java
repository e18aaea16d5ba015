package org.minyi.collect.importer;

import java.io.PrintWriter;

/**
 * Shows import progress on the console: one line rewritten in place on a terminal; in logs (no terminal) a line
 * at most every 5 seconds, so short imports stay quiet.
 */
public final class ConsoleProgress implements ImportProgress {

    private static final long LOG_EVERY_MILLIS = 5_000;

    private final PrintWriter err;
    private final boolean terminal;
    private long lastLoggedMillis;

    public ConsoleProgress(PrintWriter err) {
        this(err, System.console() != null);
    }

    ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void update(Update update) {
        if (terminal) {
            err.print("\r" + line(update) + (update.finished() ? "\n" : ""));
            err.flush();
            return;
        }
        long millis = update.elapsed().toMillis();
        if (!update.finished() && millis - lastLoggedMillis >= LOG_EVERY_MILLIS) {
            lastLoggedMillis = millis;
            err.println(line(update));
            err.flush();
        }
    }

    private static String line(Update update) {
        String fraction = update.fractionDone() < 0 ? "" : String.format(" (%.0f%%)", update.fractionDone() * 100);
        return String.format("%s: %,d rows%s, %,d rejected", update.file().getFileName(), update.rowsRead(), fraction,
                update.rejected());
    }
}
