package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.minyi.MinYiSettings;
import org.minyi.audit.AuditEvent;
import org.minyi.audit.AuditPage;
import org.minyi.audit.AuditQuery;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The audit log for admins: read it page by page or export it as CSV. Reading and exporting it are audited too. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit", description = "Who read, exported and changed what (admins)")
class AuditController {

    static final List<String> CSV_HEADER = List.of("时间", "用户", "操作", "对象", "详情", "状态", "行数");
    private static final int MAX_EXPORT = 100_000;

    private final AuditTrail trail;
    private final MinYiSettings settings;

    AuditController(AuditTrail trail, MinYiSettings settings) {
        this.trail = trail;
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "Audit events, newest first",
            description = "action matches a code or its family: user matches user.save and user.remove.")
    AuditPage read(@RequestParam(required = false) String user,
                   @Parameter(description = "message.view | export | user | rule | dictionary | saved_search | …")
                   @RequestParam(required = false) String action,
                   @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return trail.read(query(user, action, from, to, page, size));
    }

    @GetMapping("/export")
    @Operation(summary = "The matching audit events as CSV (UTF-8 with BOM), newest first, at most 100,000")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String user,
                                                 @RequestParam(required = false) String action,
                                                 @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to) {
        List<AuditEvent> events = new ArrayList<>();
        for (int page = 0; events.size() < MAX_EXPORT; page++) {
            AuditPage next = trail.read(query(user, action, from, to, page, AuditQuery.MAX_PAGE_SIZE));
            events.addAll(next.events());
            if (next.events().size() < AuditQuery.MAX_PAGE_SIZE) {
                break;
            }
        }
        Audited.rows(events.size());
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                    .setHeader(CSV_HEADER.toArray(String[]::new)).get());
            for (AuditEvent e : events) {
                csv.printRecord(TimeText.minutes(e.time(), settings.zone()), e.user(), e.action(),
                        cell(e.target()), cell(e.detail()), e.status(), e.rows() == null ? "" : e.rows());
            }
            csv.flush();
        };
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("minyi-audit.csv").build().toString())
                .body(body);
    }

    private AuditQuery query(String user, String action, String from, String to, int page, int size) {
        return new AuditQuery(user, action, FilterRequest.instant("from", from, settings.zone(), false),
                FilterRequest.instant("to", to, settings.zone(), true), page, size);
    }

    private static String cell(String value) {
        return value == null ? "" : ExportController.defuseFormula(value);
    }
}
