package org.minyi.web;

import org.minyi.index.lucene.IndexCorruptedException;
import org.minyi.index.lucene.IndexLockedException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns an index that cannot be opened at start-up into Spring Boot's short "APPLICATION FAILED TO START" report
 * (what and where, then what to do) instead of a page of nested bean-creation stack traces.
 */
public final class IndexStartupFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IndexCorruptedException corrupt) {
                return new FailureAnalysis(corrupt.getMessage(),
                        "Restore " + corrupt.directory() + " from a backup, or move it away and start again to build "
                                + "a new index (then import the data again). `minyi check-index` shows what is "
                                + "damaged. MinYi changed nothing in the folder.", corrupt);
            }
            if (t instanceof IndexLockedException locked) {
                return new FailureAnalysis(locked.getMessage(),
                        "Stop the other MinYi using " + locked.directory() + ", or give this one another "
                                + "minyi.data-dir.", locked);
            }
        }
        return null;
    }
}
