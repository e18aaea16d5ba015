package org.minyi.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.minyi.MinYiSettings;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.SearchOrder;
import org.minyi.index.SearchQuery;
import org.minyi.index.SearchResult;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The messages of a search as a CSV or XLSX file (masked text, as everywhere). */
@RestController
@RequestMapping("/api")
@Tag(name = "search")
class ExportController {

    static final List<String> COLUMNS = List.of("id", "createdAt", "source", "channel", "region", "topic",
            "sentiment", "sentimentScore", "title", "text", "demand", "replyAgency", "replyTime",
            "category", "status", "satisfaction", "department");

    private final MessageIndex index;
    private final MinYiSettings settings;

    ExportController(MessageIndex index, MinYiSettings settings) {
        this.index = index;
        this.settings = settings;
    }

    @GetMapping("/export")
    @Operation(summary = "Export the matching messages (newest first) as CSV (UTF-8 with BOM, for Excel) or XLSX")
    ResponseEntity<StreamingResponseBody> export(
            @ParameterObject FilterRequest filterRequest,
            @Parameter(description = "csv | xlsx") @RequestParam(defaultValue = "csv") String format,
            @Parameter(description = "rows at most, 1..50000") @RequestParam(defaultValue = "10000") int limit) {
        if (limit < 1 || limit > 50_000) {
            throw new IllegalArgumentException("limit must be 1..50000, was " + limit);
        }
        String kind = format.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("xlsx")) {
            throw new IllegalArgumentException("unknown export format '" + format + "'; expected csv or xlsx");
        }
        List<List<String>> rows = rows(filterRequest.toFilter(settings.zone()), limit);
        StreamingResponseBody body = kind.equals("csv") ? out -> writeCsv(rows, out) : out -> writeXlsx(rows, out);
        MediaType type = kind.equals("csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("minyi-messages." + kind).build().toString())
                .body(body);
    }

    /** Page after page by cursor: page numbers stop at 10,000 hits and cost a longer sort with every page. */
    private List<List<String>> rows(MessageFilter filter, int limit) {
        List<List<String>> rows = new ArrayList<>();
        SearchQuery query = new SearchQuery(filter, SearchOrder.NEWEST, 0, SearchQuery.MAX_PAGE_SIZE, Set.of(), 1);
        while (query != null && rows.size() < limit) {
            SearchResult result = index.search(query);
            for (var hit : result.hits()) {
                if (rows.size() < limit) {
                    rows.add(row(MessageView.of(hit.message())));
                }
            }
            query = query.next(result);
        }
        return rows;
    }

    private static List<String> row(MessageView m) {
        return List.of(m.id(), text(m.createdAt()), text(m.source()), text(m.channel()), text(m.region()),
                text(m.topic()), text(m.sentiment()), String.format(Locale.ROOT, "%.3f", m.sentimentScore()),
                text(m.title()), text(m.text()), text(m.demand()),
                m.reply() == null ? "" : text(m.reply().agency()), m.reply() == null ? "" : text(m.reply().time()),
                m.workOrder() == null ? "" : text(m.workOrder().category()),
                m.workOrder() == null ? "" : text(m.workOrder().status()),
                m.workOrder() == null ? "" : text(m.workOrder().satisfaction()),
                m.workOrder() == null ? "" : text(m.workOrder().department()));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void writeCsv(List<List<String>> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
        for (List<String> row : rows) {
            csv.printRecord(row.stream().map(ExportController::defuseFormula).toList());
        }
        csv.flush();
    }

    /** A cell starting with = + - @ would run as a formula in a spreadsheet: a leading quote keeps it text. */
    static String defuseFormula(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?\\d+(\\.\\d+)?")
                ? "'" + cell : cell;
    }

    private static void writeXlsx(List<List<String>> rows, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("messages");
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(COLUMNS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<String> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    // setCellValue(String) makes a text cell: never evaluated as a formula
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }
}
