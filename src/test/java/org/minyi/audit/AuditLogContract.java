package org.minyi.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditLog} must do, whatever keeps it. An adapter's test says how to make a fresh, empty log;
 * every test here then runs against that adapter.
 */
public abstract class AuditLogContract {

    protected AuditLog log;

    protected abstract AuditLog newLog() throws Exception;

    @BeforeEach
    void openFreshLog() throws Exception {
        log = newLog();
    }

    @AfterEach
    void closeLog() {
        if (log != null) {
            log.close();
        }
    }

    @Test
    void eventsAreReadBackWholeNewestFirstAfterAFlush() {
        AuditEvent view = event("2024-03-01T09:00:00Z", "manager", "message.view", "m1", null, 200, null);
        AuditEvent export = event("2024-03-01T10:00:00Z", "manager", "export", null, "q=路灯&region=A3区", 200, 42L);
        log.append(view);
        log.append(export);
        assertEquals(0, read(new AuditQuery(null, null, null, null, 0, 10)).total(), "not readable before a flush");

        log.flush();

        assertEquals(new AuditPage(2, List.of(export, view)), read(new AuditQuery(null, null, null, null, 0, 10)));
    }

    @Test
    void eventsOfTheSameMillisecondComeNewestAppendedFirst() {
        for (int i = 0; i < 5; i++) {
            log.append(event("2024-03-01T09:00:00Z", "admin", "user.save", "u" + i, null, 200, null));
        }
        log.flush();

        assertEquals(List.of("u4", "u3", "u2", "u1", "u0"), targets(read(new AuditQuery(null, null, null, null, 0,
                10))));
    }

    @Test
    void eventsAreFoundByUserActionFamilyAndTime() {
        log.append(event("2024-03-01T09:00:00Z", "admin", "user.save", "alice", "roles=[manager]", 200, null));
        log.append(event("2024-03-02T09:00:00Z", "admin", "user.remove", "bob", null, 204, null));
        log.append(event("2024-03-03T09:00:00Z", "alice", "message.view", "m7", null, 200, null));
        log.append(event("2024-03-04T09:00:00Z", "alice", "user.save", "alice", null, 403, null));
        log.flush();

        assertEquals(List.of("alice", "bob", "alice"), targets(read(new AuditQuery(null, "user", null, null, 0, 10))));
        assertEquals(List.of("bob"), targets(read(new AuditQuery(null, "user.remove", null, null, 0, 10))));
        assertEquals(List.of(), targets(read(new AuditQuery(null, "use", null, null, 0, 10))), "whole parts only");
        assertEquals(List.of("alice", "m7"), targets(read(new AuditQuery("alice", null, null, null, 0, 10))));
        assertEquals(List.of("m7", "bob"), targets(read(new AuditQuery(null, null,
                Instant.parse("2024-03-02T09:00:00Z"), Instant.parse("2024-03-04T09:00:00Z"), 0, 10))));
    }

    @Test
    void pagesReachPastTenThousandEventsUpToTheWindow() {
        Instant start = Instant.parse("2024-03-01T00:00:00Z");
        for (int i = 0; i < 10_050; i++) {
            log.append(event(start.plusSeconds(i).toString(), "manager", "message.view", "m" + i, null, 200, null));
        }
        log.flush();

        AuditPage deep = read(new AuditQuery(null, null, null, null, 100, 100)); // events 10,000..10,099, newest first
        assertEquals(10_050, deep.total());
        assertEquals(List.of("m49", "m48"), targets(deep).subList(0, 2));
        assertEquals(50, deep.events().size());
    }

    @Test
    void pagesCountEveryMatch() {
        for (int i = 0; i < 25; i++) {
            log.append(event(Instant.parse("2024-03-01T00:00:00Z").plusSeconds(i).toString(), "manager", "export",
                    "e" + i, null, 200, (long) i));
        }
        log.flush();

        AuditPage second = read(new AuditQuery(null, null, null, null, 1, 10));
        assertEquals(25, second.total());
        assertEquals("e14", second.events().getFirst().target());
        assertEquals(5, read(new AuditQuery(null, null, null, null, 2, 10)).events().size());
    }

    @Test
    void aBadPageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AuditQuery(null, null, null, null, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> new AuditQuery(null, null, null, null, 0, 0));
    }

    /**
     * Issue 15, item 4, for the audit log: page × size overflowed int. Page 4,294,967 of 1,000 wrapped round to a
     * window of 704 events starting 296 before the first (500); pages past the window are refused by their numbers.
     */
    @Test
    void aPagePastTheWindowIsRefusedBeforeItsNumbersCanWrapRound() {
        for (int i = 0; i < 5; i++) {
            log.append(event("2024-03-01T00:00:0" + i + "Z", "manager", "export", "e" + i, null, 200, null));
        }
        log.flush();

        for (int[] pageAndSize : new int[][] {{4_294_967, 1000}, {Integer.MAX_VALUE, 1000}, {2_000_000, 1000},
                {AuditQuery.MAX_WINDOW / 10, 10}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(new AuditQuery(null,
                    null, null, null, pageAndSize[0], pageAndSize[1])), pageAndSize[0] + "×" + pageAndSize[1]);
            assertTrue(e.getMessage().contains("narrow the time range"), e.getMessage());
        }
        assertEquals(0, read(new AuditQuery(null, null, null, null, AuditQuery.MAX_WINDOW / 10 - 1, 10)).events()
                .size(), "the last page of the window is read (empty here)");
    }

    protected AuditPage read(AuditQuery query) {
        return log.read(query);
    }

    protected static AuditEvent event(String time, String user, String action, String target, String detail,
                                      int status, Long rows) {
        return new AuditEvent(Instant.parse(time), user, action, target, detail, status, rows);
    }

    private static List<String> targets(AuditPage page) {
        return page.events().stream().map(AuditEvent::target).toList();
    }
}
