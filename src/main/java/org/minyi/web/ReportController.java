package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.minyi.index.MessageIndex;
import org.minyi.insight.Hotspots;
import org.minyi.report.Briefing;
import org.minyi.report.BriefingRequest;
import org.minyi.report.Briefings;
import org.minyi.report.ReportFormat;
import org.minyi.report.ReportKind;
import org.minyi.report.ReportScope;
import org.minyi.web.security.Jurisdictions;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Leader briefings as files: 日报, 周报, 月报 of a scope, or the 专报 of one hot issue; HTML, PDF or DOCX. */
@RestController
@RequestMapping("/api")
@Tag(name = "insight")
class ReportController {

    private final MessageIndex index;
    private final Hotspots hotspots;
    private final Briefings briefings;
    private final Jurisdictions jurisdictions;

    ReportController(MessageIndex index, Hotspots hotspots, Briefings briefings, Jurisdictions jurisdictions) {
        this.index = index;
        this.hotspots = hotspots;
        this.briefings = briefings;
        this.jurisdictions = jurisdictions;
    }

    @GetMapping("/reports")
    @Operation(summary = "A briefing (日报 / 周报 / 月报 / 专报) as HTML, PDF or DOCX",
            description = "Period reports cover the day, the Monday-to-Sunday week or the month holding 'date', "
                    + "compared with the period before (环比) and a year before (同比). A 专报 (kind=special) covers "
                    + "one hot issue of from..to (its id as /api/hotspots lists it). Every figure is footnoted with "
                    + "the API query that yields it; a reader bound to regions gets those regions only.")
    ResponseEntity<byte[]> report(
            @Parameter(description = "daily | weekly | monthly | special") @RequestParam(defaultValue = "weekly")
            String kind,
            @Parameter(description = "a day within the period (period reports), e.g. 2019-03-20")
            @RequestParam(required = false) String date,
            @Parameter(description = "region (period reports)") @RequestParam(required = false) String region,
            @Parameter(description = "topic (period reports)") @RequestParam(required = false) String topic,
            @Parameter(description = "hot issue id (special)") @RequestParam(required = false) String hotspot,
            @Parameter(description = "first day (special)") @RequestParam(required = false) String from,
            @Parameter(description = "last day, included (special)") @RequestParam(required = false) String to,
            @Parameter(description = "html | pdf | docx") @RequestParam(defaultValue = "html") String format,
            Authentication caller) {
        ReportKind reportKind = ReportKind.parse(kind);
        ReportFormat reportFormat = ReportFormat.parse(format);
        BriefingRequest request = reportKind == ReportKind.SPECIAL
                ? BriefingRequest.special(hotspot, day("from", from), day("to", to))
                : BriefingRequest.period(reportKind, day("date", date), new ReportScope(region, topic));
        Briefing briefing = briefings.build(request, jurisdictions.index(index, caller), hotspots);
        byte[] body = briefings.render(briefing, reportFormat);
        ContentDisposition disposition = (reportFormat == ReportFormat.HTML ? ContentDisposition.inline()
                : ContentDisposition.attachment()).filename(Briefings.fileName(briefing, reportFormat)).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(reportFormat.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(body);
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("parameter '" + name + "' is required: a date such as 2019-03-20");
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.getYear() < 1000 || day.getYear() > 9999) {
                throw new IllegalArgumentException("parameter '" + name + "': dates go from year 1000 to 9999");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parameter '" + name + "': cannot read '"
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "' as a date (2019-03-20)");
        }
    }
}
