package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of briefing on the real Teddy Cup board messages with replies (2,816 messages, imported with the
 * encoder off to keep the test short): the daily, weekly and monthly reports of the busiest month and the 专报 of its
 * hottest issue come out as HTML, PDF and DOCX, and every figure of the monthly report and the 专报 is recomputed
 * through the API. Skipped when ../shared/data is absent.
 */
@TestPropertySource(properties = {"minyi.encoder.enabled=false", "minyi.report.link-base=http://real.test"})
class RealDataBriefingTest extends RunningService {

    private static final Path REPLIES = Path.of("..", "shared", "data", "gov-messages",
            "teddy2020-messages-with-replies.csv");
    private static final java.util.Set<Integer> LOADED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeEach
    void realMessages() throws Exception {
        assumeTrue(Files.isRegularFile(REPLIES), "real messages not found at " + REPLIES.toAbsolutePath()
                + "; skipping (see /work/shared/data/README.md)");
        importFixture();
        synchronized (LOADED) {
            if (LOADED.add(port)) {
                String boundary = "real-replies";
                byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                        + REPLIES.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes();
                byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
                HttpResponse<String> started = send(asAdmin("/api/imports")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, Files.readAllBytes(REPLIES), tail))));
                assertEquals(202, started.statusCode(), started.body());
                JsonNode job = awaitImport(json.readTree(started.body()).get("id").asString(), 600);
                assertEquals("DONE", job.get("state").asString(), job.toString());
            }
        }
    }

    @Test
    void everyKindComesOutInEveryFormatAndTheMonthAndTheIssueAreTraceable() throws Exception {
        LocalDate month = busiestMonth();
        LocalDate day = month.plusDays(14);
        for (String kind : List.of("daily", "weekly", "monthly")) {
            String query = "/api/reports?kind=" + kind + "&date=" + day + "&format=";
            Document html = html(query + "html");
            assertThat(html.select("h2").eachText()).as(kind).anyMatch(h -> h.endsWith("总体态势"));
            checkPdf(query + "pdf", kind.equals("daily") ? "民意日报" : kind.equals("weekly") ? "民意周报" : "民意月报");
            checkDocx(query + "docx");
            if (kind.equals("monthly")) {
                Files.createDirectories(Path.of("target/briefing-pages"));
                Files.writeString(Path.of("target/briefing-pages/real-monthly.html"), html.outerHtml());
                List<Element> figures = html.select("ol.footnotes > li");
                assertThat(figures).as("a month of real messages has much to say").hasSizeGreaterThan(15);
                for (Element figure : figures) {
                    assertEquals(Double.parseDouble(figure.attr("data-value")), BriefingFigures.recompute(this, figure),
                            1e-9, figure.text());
                }
            }
        }
        JsonNode hot = getJson(as("leader", USER_PASSWORD, "/api/hotspots?from=" + month + "&to="
                + month.plusMonths(1).minusDays(1) + "&limit=5"));
        assertThat(hot.get("hotspots").size()).as("the busiest month has hot issues").isPositive();
        String id = hot.get("hotspots").get(0).get("hotspot").get("id").asString();
        String special = "/api/reports?kind=special&from=" + month + "&to=" + month.plusMonths(1).minusDays(1)
                + "&hotspot=" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8) + "&format=";
        Document html = html(special + "html");
        for (Element figure : html.select("ol.footnotes > li")) {
            assertEquals(Double.parseDouble(figure.attr("data-value")), BriefingFigures.recompute(this, figure), 1e-9,
                    figure.text());
        }
        checkPdf(special + "pdf", "民意专报");
        checkDocx(special + "docx");
    }

    /** The first day of the month with the most messages. */
    private LocalDate busiestMonth() throws Exception {
        JsonNode trends = getJson(as("leader", USER_PASSWORD, "/api/trends?interval=month"));
        JsonNode best = null;
        for (JsonNode series : trends.get("series")) {
            for (JsonNode point : series.get("points")) {
                if (best == null || point.get("count").asLong() > best.get("count").asLong()) {
                    best = point;
                }
            }
        }
        assertThat(best).as("trends of the imported messages: %s", trends).isNotNull();
        return LocalDate.parse(best.get("start").asString()).withDayOfMonth(1);
    }

    private Document html(String path) throws Exception {
        HttpResponse<String> response = send(as("leader", USER_PASSWORD, path));
        assertEquals(200, response.statusCode(), response.body());
        return Jsoup.parse(response.body());
    }

    private void checkPdf(String path, String title) throws Exception {
        HttpResponse<byte[]> response = http.send(as("leader", USER_PASSWORD, path).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(pdf.getNumberOfPages()).as(path).isGreaterThanOrEqualTo(3);
            assertThat(new PDFTextStripper().getText(pdf)).as(path).contains(title, "数据来源");
        }
    }

    private void checkDocx(String path) throws Exception {
        HttpResponse<byte[]> response = http.send(as("leader", USER_PASSWORD, path).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        try (XWPFDocument docx = new XWPFDocument(new java.io.ByteArrayInputStream(response.body()))) {
            assertThat(new XWPFWordExtractor(docx).getText()).as(path).contains("数据来源");
        }
    }
}
