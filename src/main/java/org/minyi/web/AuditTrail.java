package org.minyi.web;

import org.minyi.MinYiSettings;
import org.minyi.audit.AuditEvent;
import org.minyi.audit.AuditLog;
import org.minyi.audit.AuditLogs;
import org.minyi.audit.AuditPage;
import org.minyi.audit.AuditQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The service's audit log: events are recorded as requests finish and made durable every second. A failure to
 * record is logged, not passed on: the audit log going away must not stop people from working.
 */
@Component
public class AuditTrail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditLog log;
    private String lastFailure;

    AuditTrail(MinYiSettings settings) {
        this.log = AuditLogs.open(settings);
    }

    void record(AuditEvent event) {
        try {
            log.append(event);
        } catch (RuntimeException e) {
            LOG.error("audit event not recorded ({}): {}", e.getMessage(), event);
        }
    }

    AuditPage read(AuditQuery query) {
        log.flush();
        return log.read(query);
    }

    @Scheduled(fixedDelay = 1000)
    void flush() {
        try {
            log.flush();
            lastFailure = null;
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).equals(lastFailure)) { // once per kind of failure, not every second
                LOG.error("audit log flush failed: {}", e.getMessage());
                lastFailure = String.valueOf(e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
