package org.minyi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneAuditLogTest extends AuditLogContract {

    @TempDir
    Path folder;

    private int opened;

    @Override
    protected AuditLog newLog() {
        return LuceneAuditLog.open(folder.resolve("audit-" + opened++));
    }

    @Test
    void eventsSurviveAReopenAndLaterOnesStillComeFirst() {
        Path kept = folder.resolve("kept");
        try (LuceneAuditLog first = LuceneAuditLog.open(kept)) {
            first.append(event("2024-03-01T09:00:00Z", "admin", "user.save", "before", null, 200, null));
            first.flush();
        }
        try (LuceneAuditLog reopened = LuceneAuditLog.open(kept)) {
            reopened.append(event("2024-03-01T09:00:00Z", "admin", "user.save", "after", null, 200, null));
            reopened.flush();
            assertEquals(List.of("after", "before"), reopened.read(new AuditQuery(null, null, null, null, 0, 10))
                    .events().stream().map(AuditEvent::target).toList());
        }
    }
}
