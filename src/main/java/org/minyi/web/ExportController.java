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
import org.minyi.analysis.Sentiment;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.SearchOrder;
import org.minyi.index.SearchQuery;
import org.minyi.index.SearchResult;
import org.minyi.message.Message;
import org.minyi.message.Reply;
import org.minyi.web.security.Jurisdictions;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.Authentication;
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

    /**
     * Chinese headers, read back by the built-in mapping {@code minyi-export} (chosen by this header), so an export
     * can be imported again as it is. The last four columns are the analysis, recomputed on import.
     */
    static final List<String> COLUMNS = List.of("编号", "时间", "来源", "渠道", "地区", "标题", "内容", "链接",
            "点赞数", "反对数", "答复单位", "答复时间", "答复内容", "工单类别", "办理状态", "满意度", "承办单位",
            "主题", "情感", "情感分值", "诉求");

    private final MessageIndex index;
    private final MinYiSettings settings;
    private final Jurisdictions jurisdictions;

    ExportController(MessageIndex index, MinYiSettings settings, Jurisdictions jurisdictions) {
        this.index = index;
        this.settings = settings;
        this.jurisdictions = jurisdictions;
    }

    @GetMapping("/export")
    @Operation(summary = "Export the matching messages (newest first) as CSV (UTF-8 with BOM, for Excel) or XLSX",
            description = "Chinese headers and values, times in the service's zone (Asia/Shanghai) to the second; "
                    + "the file can be imported again as it is (built-in mapping minyi-export).")
    ResponseEntity<StreamingResponseBody> export(
            @ParameterObject FilterRequest filterRequest,
            @Parameter(description = "csv | xlsx") @RequestParam(defaultValue = "csv") String format,
            @Parameter(description = "rows at most, 1..50000") @RequestParam(defaultValue = "10000") int limit,
            Authentication caller) {
        if (limit < 1 || limit > 50_000) {
            throw new IllegalArgumentException("limit must be 1..50000, was " + limit);
        }
        String kind = format.strip().toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("xlsx")) {
            throw new IllegalArgumentException("unknown export format '" + format + "'; expected csv or xlsx");
        }
        List<List<String>> rows = rows(jurisdictions.index(index, caller), filterRequest.toFilter(settings.zone()),
                limit);
        Audited.rows(rows.size());
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
    private List<List<String>> rows(MessageIndex index, MessageFilter filter, int limit) {
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

    private List<String> row(MessageView m) {
        Reply reply = m.reply();
        Message.WorkOrder order = m.workOrder();
        return List.of(m.id(), TimeText.seconds(m.createdAt(), settings.zone()), text(m.source()),
                m.channel() == null ? "" : m.channel().chinese(), text(m.region()), text(m.title()), text(m.text()),
                text(m.url()), m.votes() == null ? "" : Integer.toString(m.votes().likes()),
                m.votes() == null ? "" : Integer.toString(m.votes().against()),
                reply == null ? "" : text(reply.agency()),
                reply == null ? "" : TimeText.seconds(reply.time(), settings.zone()),
                reply == null ? "" : text(reply.text()),
                order == null ? "" : text(order.category()), order == null ? "" : text(order.status()),
                order == null ? "" : text(order.satisfaction()), order == null ? "" : text(order.department()),
                text(m.topic()), sentiment(m.sentiment()), String.format(Locale.ROOT, "%.3f", m.sentimentScore()),
                text(m.demand()));
    }

    private static String sentiment(Sentiment sentiment) {
        if (sentiment == null) {
            return "";
        }
        return switch (sentiment) {
            case NEGATIVE -> "负面";
            case NEUTRAL -> "中性";
            case POSITIVE -> "正面";
        };
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
            Sheet sheet = workbook.createSheet("留言");
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
