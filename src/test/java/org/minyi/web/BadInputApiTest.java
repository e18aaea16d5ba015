package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.minyi.fuzz.FuzzCampaign;
import org.minyi.fuzz.Garble;
import tools.jackson.databind.JsonNode;

/**
 * The running service under a barrage of bad input: hundreds of broken uploads of every format, then a valid file,
 * and hostile or huge bodies to POST /api/analyze. Each bad upload is refused with a clear 4xx or becomes a job that
 * fails with a reason or reports its bad rows; nothing answers 500, health stays UP, and the valid file that comes
 * after is indexed whole.
 */
class BadInputApiTest extends RunningService {

    private static final FuzzCampaign CAMPAIGN = new FuzzCampaign("service");
    /** ImportJobs keeps the last 50 jobs: bad uploads go in batches, each watched to its end before the next. */
    private static final int BATCH = 40;
    private static final String HEADER = "id,title,text,createdAt";
    private static final String MAPPING = """
            source: bad-input
            channel: board
            fields: {id: id, title: title, text: text, createdAt: createdAt}
            """;

    @AfterAll
    static void printTally() {
        System.out.println(CAMPAIGN.summary());
    }

    /** One upload: file name, bytes, and the query string of the request. */
    private record Upload(String name, byte[] bytes, String query) {
    }

    @Test
    void hundredsOfBadUploadsAreRefusedOrReportedAndAValidFileAfterThemIsIndexedWhole() throws Exception {
        List<Upload> uploads = new ArrayList<>();
        CAMPAIGN.run("bad-upload", 60, input -> uploads.add(badUpload(input.random())));
        for (int from = 0; from < uploads.size(); from += BATCH) {
            List<String> jobs = new ArrayList<>();
            for (Upload upload : uploads.subList(from, Math.min(uploads.size(), from + BATCH))) {
                HttpResponse<String> response = upload(upload);
                if (response.statusCode() == 202) {
                    jobs.add(json.readTree(response.body()).get("id").asString());
                } else {
                    assertThat(response.statusCode()).as("%s → %s", upload.name(), response.body()).isBetween(400, 499);
                    assertThat(json.readTree(response.body()).get("message").asString()).as(upload.name()).isNotBlank();
                    CAMPAIGN.itemErrors("bad-upload", 1);
                }
            }
            for (String id : jobs) {
                JsonNode job = awaitJob(id);
                if (job.get("state").asString().equals("FAILED")) {
                    assertThat(job.get("failure").asString()).as(job.toString()).isNotBlank();
                    CAMPAIGN.itemErrors("bad-upload", 1);
                } else {
                    assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("DONE");
                    assertThat(job.get("errors").size()).isEqualTo((int) Math.min(100, job.get("rejected").asLong()));
                    CAMPAIGN.itemErrors("bad-upload", job.get("rejected").asLong());
                }
            }
            assertHealthUp();
        }

        int valid = 25;
        StringBuilder csv = new StringBuilder(HEADER + "\n");
        for (int i = 0; i < valid; i++) {
            csv.append("after-").append(i).append(",路灯,\"A3区桂花路第").append(i).append("盏路灯不亮，希望尽快修复。\",2019-03-0")
                    .append(1 + i % 9).append("T10:00:00+08:00\n");
        }
        HttpResponse<String> started = upload(new Upload("valid.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                "?source=after-the-storm"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode job = awaitJob(json.readTree(started.body()).get("id").asString());
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("indexed").asLong()).as(job.toString()).isEqualTo(valid);
        for (int i = 0; i < valid; i++) {
            HttpResponse<String> message = send(asAdmin("/api/messages/after-" + i).GET());
            assertThat(message.statusCode()).as("after-%d → %s", i, message.body()).isEqualTo(200);
        }
        assertHealthUp();
    }

    @Test
    void badOrHugeAnalyzeBodiesGetAClear4xxNeverA500() throws Exception {
        CAMPAIGN.run("bad-analyze-body", 80, input -> {
            Random r = input.random();
            byte[] body = badAnalyzeBody(r);
            String contentType = r.nextInt(10) == 0 ? "text/plain" : "application/json";

            HttpResponse<String> response = send(asAdmin("/api/analyze").header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

            assertThat(response.statusCode()).as(response.body()).isNotEqualTo(500).isBetween(200, 499);
            if (response.statusCode() >= 400) {
                CAMPAIGN.itemErrors(input.kind(), 1);
            }
        });
        assertHealthUp();
    }

    @Test
    void anAnalyzeBodyOverTheLimitIs413NamingTheLimit() throws Exception {
        String text = "路灯不亮".repeat(10 * 1024 * 1024 / 12);
        HttpResponse<String> response = send(asAdmin("/api/analyze").header("Content-Type", "application/json")
                .POST(jsonBody("{\"text\":\"" + text + "\"}")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("message").asString())
                .contains(String.format("%,d", RequestBodyLimit.MAX_BYTES));
        assertHealthUp();
    }

    @Test
    void aChunkedAnalyzeBodyOverTheLimitIs413AsItIsRead() throws Exception {
        // a little over the limit: Tomcat drops the connection on a client still sending megabytes after the answer
        byte[] body = utf8("{\"text\":\"" + "路灯不亮".repeat(RequestBodyLimit.MAX_BYTES / 12 + 10_000) + "\"}");
        HttpResponse<String> response = send(asAdmin("/api/analyze").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(json.readTree(response.body()).get("message").asString())
                .contains(String.format("%,d", RequestBodyLimit.MAX_BYTES));
        assertHealthUp();
    }

    @Test
    void aTextUnderTheLimitButBeyondTheAnalysisCapIsAnalysedOnItsBeginning() throws Exception {
        String text = "A3区桂花路路灯不亮，我的电话13812345678。" + "小区噪音扰民。".repeat(40_000);
        HttpResponse<String> response = send(asAdmin("/api/analyze").header("Content-Type", "application/json")
                .POST(jsonBody("{\"text\":\"" + text + "\"}")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode analysis = json.readTree(response.body());
        assertThat(analysis.get("places").toString()).contains("A3区");
        assertThat(analysis.get("maskedText").asString()).doesNotContain("13812345678").hasSizeGreaterThan(250_000);
    }

    // ---------------------------------------------------------------- generators

    private static Upload badUpload(Random r) throws IOException {
        String good = HEADER + "\n" + "g1,标题,\"小区路灯不亮，希望尽快修复\",2019-03-01T10:00:00+08:00\n";
        return switch (r.nextInt(14)) {
            case 0 -> new Upload("rows.csv", utf8(good + "b1,标题,,2019-03-01\nb2,标题,正文,昨天\nb3,只有两列\n"), "");
            case 1 -> new Upload("mutated.csv", Garble.mutate(utf8(good + good.substring(HEADER.length() + 1)), r, 5), "");
            case 2 -> new Upload("garbage.csv", Garble.randomBytes(r, r.nextInt(5000)), "");
            case 3 -> new Upload("gbk.csv", good.getBytes(Garble.GBK), "");
            case 4 -> new Upload("lines.jsonl", utf8("{\"id\":\"j1\",\"text\":\"路灯\"}\n{\"id\":\n[1,2]\n{\"text\":1e999}\n"
                    + "{\"id\":\"j2\",\"text\":\"" + Garble.text(r, 200, false).replace("\\", "").replace("\"", "")
                    .replaceAll("\\p{Cntrl}", "") + "\"}\n"), "");
            case 5 -> new Upload("mutated.jsonl", Garble.mutate(utf8("{\"id\":\"m1\",\"text\":\"路灯不亮\"}\n"
                    + "{\"id\":\"m2\",\"text\":\"噪音扰民\"}\n"), r, 4), "");
            case 6 -> new Upload("corrupt.xlsx", Garble.mutate(workbook(), r, 4), "");
            case 7 -> new Upload("not-really.xlsx", utf8(good), "");
            case 8 -> new Upload(List.of("notes.txt", "noextension", "", ".", "..", "/", "a/../../etc/x.csv",
                    "C:\\Users\\x\\data.csv").get(r.nextInt(8)), utf8(good), "");
            case 9 -> new Upload("format.csv", utf8(good), "?format=" + List.of("pdf", "%20", "xls", "json5").get(r.nextInt(4)));
            case 10 -> new Upload("channel.csv", utf8(good), "?channel=" + List.of("fax", "%00", "weibo").get(r.nextInt(3)));
            case 11 -> new Upload("long-line.jsonl", utf8("{\"id\":\"l1\",\"text\":\"" + "长".repeat(1_100_000)
                    + "\"}\n{\"id\":\"l2\",\"text\":\"短\"}\n"), "");
            case 12 -> new Upload("empty.csv", new byte[0], "");
            default -> new Upload("nul.csv", utf8(HEADER + "\n\u0000,\u0000,\u0000,\u0000\n"), "");
        };
    }

    private static byte[] badAnalyzeBody(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> new byte[0];
            case 1 -> utf8("{\"text\":");                                                 // truncated
            case 2 -> Garble.randomBytes(r, r.nextInt(2000));                             // not JSON at all
            case 3 -> Garble.mutate(utf8("{\"title\":\"路灯\",\"text\":\"路灯不亮，请修复\"}"), r, 4);
            case 4 -> utf8("{\"text\":" + List.of("{}", "[]", "null", "true", "\"   \"", "\"\\u0000\"").get(r.nextInt(6)) + "}");
            case 5 -> utf8("{\"text\":" + "[".repeat(5000 + r.nextInt(5000)) + "}");     // deep nesting
            case 6 -> utf8("{\"text\":\"\\ud800\\udfff\\udc00" + Garble.text(r, 300, true)
                    .replace("\\", "").replace("\"", "").replaceAll("\\p{Cntrl}", "") + "\"}");
            case 7 -> "{\"text\":\"路灯不亮\"}".getBytes(Garble.GBK);                     // GBK bytes as JSON
            case 8 -> utf8("{\"text\":\"" + "很".repeat(100_000 + r.nextInt(200_000)) + "\"}"); // big, under the limit
            default -> utf8("{\"text\":\"" + "长".repeat(RequestBodyLimit.MAX_BYTES / 3 + 1) + "\"}"); // over it
        };
    }

    private static byte[] workbook() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("s");
            var header = sheet.createRow(0);
            String[] columns = HEADER.split(",");
            for (int c = 0; c < columns.length; c++) {
                header.createCell(c).setCellValue(columns[c]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue("x1");
            row.createCell(2).setCellValue("路灯不亮");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- service calls

    private HttpResponse<String> upload(Upload upload) throws IOException, InterruptedException {
        String boundary = "bad-input-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + upload.name().replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n"));
        body.writeBytes(upload.bytes());
        body.writeBytes(utf8("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"; filename=\"m.yaml\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n" + MAPPING));
        body.writeBytes(utf8("\r\n--" + boundary + "--\r\n"));
        return send(asAdmin("/api/imports" + upload.query())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private JsonNode awaitJob(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos(); // a hang guard only
        JsonNode job;
        do {
            Thread.sleep(20);
            job = getJson(asAdmin("/api/imports/" + id));
        } while (!job.get("state").asString().matches("DONE|FAILED") && System.nanoTime() < deadline);
        return job;
    }

    private void assertHealthUp() throws Exception {
        HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/actuator/health")).GET());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).get("status").asString()).isEqualTo("UP");
    }
}
