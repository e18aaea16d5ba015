package org.minyi.cli;

import java.io.PrintWriter;

/** Prints "N rows read (x%) in t s (r/s)" to stderr at most every two seconds, and a final line. */
final class Progress {

    private static final long EVERY_NANOS = 2_000_000_000L;

    private final PrintWriter err;
    private final String what;
    private final long start = System.nanoTime();
    private long lastPrint = start;
    private long count;
    private long printedCount = -1;
    private double fraction = -1;

    Progress(PrintWriter err, String what) {
        this.err = err;
        this.what = what;
    }

    void add(long n) {
        set(count + n, -1);
    }

    /** @param fractionDone 0..1, or negative when unknown */
    void set(long total, double fractionDone) {
        count = total;
        fraction = fractionDone;
        long now = System.nanoTime();
        if (now - lastPrint >= EVERY_NANOS) {
            lastPrint = now;
            print(now);
        }
    }

    /** The final line, unless the last one printed already says it all. */
    void done() {
        if (count != printedCount) {
            print(System.nanoTime());
        }
    }

    private void print(long now) {
        double seconds = Math.max(1e-9, (now - start) / 1e9);
        String percent = fraction >= 0 ? String.format(" (%.0f%%)", fraction * 100) : "";
        err.printf("%,d %s%s in %.1f s (%,.1f/s)%n", count, what, percent, seconds, count / seconds);
        err.flush();
        printedCount = count;
    }
}
