package org.minyi.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.minyi.web.RunningService;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Security section of the API tests, part two: the hostile inputs of the security probe (issue 15), by category,
 * against the running service. Each answer must be the clear 4xx the input deserves (never a 5xx, never a server
 * path), and nothing personal may come back out of any endpoint. A service of its own: the messages it imports
 * would change the counts other web tests check.
 */
@TestPropertySource(properties = "minyi.test.service=hostile-input")
class HostileInputTest extends RunningService {

    /** One person's numbers and address in the forms the probe wrote them, in every field of one message. */
    private static final List<String> PII = List.of("１３８１２３４５６７８", "139.1234.5678", "1371 2345 678",
            "110101 19900307 4514", "zhang.san＠gov.cn", "13612345678元旦");
    private static final List<String> PII_PIECES = List.of("5678", "2345", "19900307", "4514", "zhang", "１３８");

    @BeforeEach
    void fixture() throws Exception {
        importFixture();
    }

    // ---- paging (item 4)

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"page=1000000000", "page=31210682&size=128", "page=2147483647&size=200", "page=50&size=200",
            "page=-1", "size=201", "after=not-a-cursor", "after=&page=3&size=10"})
    void aSearchPageNoIndexShouldCollectIs400WithTheWayOn(String paging) throws Exception {
        HttpResponse<String> response = send(asAdmin("/api/search?q=" + enc("路灯") + "&" + paging));

        if (paging.startsWith("after=&")) {
            assertThat(response.statusCode()).as("an empty cursor is no cursor").isEqualTo(200);
            return;
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void deepPagesAreReadWithTheNextCursor() throws Exception {
        List<String> ids = new ArrayList<>();
        String after = "";
        for (int page = 0; page < 1_000 && after != null; page++) {
            JsonNode result = getJson(asAdmin("/api/search?order=newest&size=3" + (after.isEmpty() ? "" : "&after="
                    + after)));
            result.get("hits").forEach(hit -> ids.add(hit.get("message").get("id").asString()));
            after = result.hasNonNull("next") ? result.get("next").asString() : null;
        }
        JsonNode all = getJson(asAdmin("/api/search?order=newest&size=200"));
        List<String> expected = new ArrayList<>();
        all.get("hits").forEach(hit -> expected.add(hit.get("message").get("id").asString()));
        assertThat(ids).isEqualTo(expected);
    }

    // ---- times (item 13)

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/search?", "/api/trends?", "/api/export?", "/api/keywords?", "/api/demands?",
            "/api/hotspots?", "/api/insight/matrix?", "/api/timeliness?", "/api/audit?", "/api/audit/export?",
            "/api/saved-searches/overview?"})
    void aTimeBeyondFourDigitYearsIs400Everywhere(String endpoint) throws Exception {
        for (String time : List.of("from=-999999999-01-01T00:00:00Z", "to=%2B999999999-12-31T23:59:59Z",
                "from=0000-01-01", "to=2019-13-45", "from=9999999999999999999")) {
            HttpResponse<String> response = send(asAdmin(endpoint + time));
            assertThat(response.statusCode()).as(endpoint + time + " → " + response.body()).isEqualTo(400);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kind=weekly&date=-999999999-01-01", "kind=daily&date=%2B999999999-12-31",
            "kind=special&hotspot=h&from=0000-01-01&to=2019-03-01", "kind=monthly&date=2019-13-45"})
    void aReportDayBeyondFourDigitYearsIs400(String days) throws Exception {
        HttpResponse<String> response = send(asAdmin("/api/reports?" + days));

        assertThat(response.statusCode()).as(days + " → " + response.body()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"page=4294967&size=1000", "page=2147483647&size=1000", "page=100&size=1000"})
    void anAuditPagePastItsWindowIs400(String paging) throws Exception {
        HttpResponse<String> response = send(asAdmin("/api/audit?" + paging));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("narrow the time range").doesNotContain("Exception");
    }

    // ---- uploads (items 5, 7, 13)

    @Test
    void uploadNamesThatAreNoFileNameAre400WithoutAServerPath() throws Exception {
        for (String name : List.of("a\u0000b.csv", "x".repeat(300) + ".csv")) {
            HttpResponse<String> response = upload(name, "{\"id\":\"n\",\"text\":\"好\"}\n");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).doesNotContain(dataDir.toString()).doesNotContain("/tmp");
        }
    }

    @Test
    void uploadsNamedLikeTheSpoolsOwnFilesAreImportedLikeAnyOther() throws Exception {
        for (String name : List.of("acknowledged", "job.json")) {
            HttpResponse<String> started = upload(name, "{\"id\":\"named-" + name + "\",\"text\":\"路灯坏了\"}\n");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            JsonNode job = awaitImport(json.readTree(started.body()).get("id").asString());
            assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("DONE");
            assertThat(job.get("indexed").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aStrayQuoteInACsvRejectsItsRowAndTheRestIsImported() throws Exception {
        String csv = "留言编号,留言主题,留言时间,留言详情\n"
                + "q1,路灯,2019/3/1 8:00:00,第一条\n"
                + "q2,引号,2019/3/1 8:00:00,\"这里的引号没有关上\n"
                + "q3,路灯,2019/3/1 8:00:00,第三条\n"
                + "q4,路灯,2019/3/1 8:00:00,\"第四条，\n有换行\"\n";
        String mapping = "header: true\nfields:\n  id: 留言编号\n  title: 留言主题\n  createdAt: 留言时间\n"
                + "  text: 留言详情\ndateFormats: [\"yyyy/M/d H:mm:ss\"]\n";

        JsonNode job = awaitImport(json.readTree(uploadWithMapping("stray.csv", csv, mapping).body()).get("id").asString());

        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("DONE");
        assertThat(job.get("rejected").asLong()).isEqualTo(1);
        assertThat(job.get("indexed").asLong()).isEqualTo(3);
        assertThat(job.get("errors").get(0).asString()).contains(":3 ", "reading goes on at line 4");
    }

    @Test
    void personalDataInAnyFieldAndFormIsMaskedBeforeItCanBeSearchedShownOrExported() throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < PII.size(); i++) {
            String p = PII.get(i);
            jsonl.append(String.format("{\"id\":\"pii-%d\",\"title\":\"路灯坏了 %s\",\"text\":\"路灯坏了，电话%s，希望修复\","
                    + "\"region\":\"A9区%s\",\"source\":\"热线%s\",\"url\":\"https://example.org/?tel=%s\","
                    + "\"createdAt\":\"2019-06-0%dT10:00:00+08:00\",\"reply\":{\"text\":\"已联系%s\",\"agency\":\"市住建局%s\","
                    + "\"time\":\"2019-06-09T10:00:00+08:00\"},\"workOrder\":{\"category\":\"路灯%s\",\"status\":\"已办结%s\","
                    + "\"satisfaction\":\"满意%s\",\"department\":\"市住建局%s\"}}\n", i, p, p, p, p, p, 1 + i, p, p, p, p, p, p));
        }
        JsonNode job = awaitImport(json.readTree(upload("pii.jsonl", jsonl.toString()).body()).get("id").asString());
        assertThat(job.get("indexed").asLong()).as(job.toString()).isEqualTo(PII.size());

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < PII.size(); i++) {
            answers.add(send(asAdmin("/api/messages/pii-" + i)).body());
        }
        for (String path : List.of("/api/search?size=50&facets=region,source,department,place,topic&from=2019-06-01",
                "/api/export?from=2019-06-01", "/api/export?format=xlsx&from=2019-06-01",
                "/api/insight/matrix?from=2019-06-01", "/api/timeliness?from=2019-06-01",
                "/api/keywords?from=2019-06-01", "/api/demands?from=2019-06-01",
                "/api/trends?split=region&from=2019-06-01")) {
            HttpResponse<String> response = send(asAdmin(path));
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            answers.add(response.body());
        }
        for (String answer : answers) {
            assertThat(answer).doesNotContain(PII);
            // Scores are numbers of many digits ("topicScore":0.6152896536023454 holds 2345): pieces are looked for
            // outside JSON and CSV decimal values; a leaked 139.1234.5678 still shows its 5678.
            assertThat(answer.replaceAll("(?<=[:,\\[])-?\\d+\\.\\d+(E-?\\d+)?", "0")).doesNotContain(PII_PIECES);
        }
        for (String probe : concat(PII, PII_PIECES)) {
            assertThat(getJson(asAdmin("/api/search?q=" + enc(probe))).get("total").asLong())
                    .as("search for " + probe).isZero();
        }
    }

    @Test
    void importRowErrorsNeverRepeatTheValuesOfTheRow() throws Exception {
        String jsonl = "{\"id\":\"e1\",\"text\":\"好\",\"createdAt\":\"电话13812345678\"}\n"
                + "{\"id\":\"e2\",\"text\":\"好\",\"channel\":\"110101199003074514\"}\n"
                + "{\"id\":\"e3\",\"text\":zhang13812345678}\n";

        JsonNode job = awaitImport(json.readTree(upload("errors.jsonl", jsonl).body()).get("id").asString());

        assertThat(job.get("rejected").asLong()).as(job.toString()).isEqualTo(3);
        assertThat(job.get("errors").toString()).doesNotContain("13812345678", "110101199003074514", "zhang", "电话");
    }

    // ---- bodies (item 8) and masking time (item 9)

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PUT /api/users/big", "POST /api/dictionary/words"})
    void aBodyOverItsLimitIs413BeforeItIsRead(String call) throws Exception {
        String[] parts = call.split(" ");
        String big = "{\"password\":\"" + "x".repeat(200_000) + "\",\"roles\":[\"leader\"]}";
        for (HttpRequest.BodyPublisher body : List.of(jsonBody(big), HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))) {
            HttpResponse<String> response = send(asAdmin(parts[1]).header("Content-Type", "application/json")
                    .method(parts[0], body));
            assertThat(response.statusCode()).as(call + " → " + response.body()).isEqualTo(413);
        }
        assertThat(send(asAdmin("/api/users")).body()).doesNotContain("\"big\"");
    }

    @Test
    void anAnalyzeTextOfLettersAndAtSignsIsMaskedInOnePass() throws Exception {
        String text = ("a".repeat(60) + "@").repeat(14_000); // 0.85 MB: 35.6 s before the scans were bounded
        HttpResponse<String> response = send(asAdmin("/api/analyze").header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(jsonBody("{\"text\":\"" + text + "\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("maskedText").asString()).isEqualTo(text);
    }

    // ---- query text

    @ParameterizedTest(name = "q={0}")
    @ValueSource(strings = {"*:*", "\"", "\\", "(((", "AND OR NOT", "路灯 AND", "title:路灯", "a~", "/.*/", "?",
            "<script>alert(1)</script>", "' OR 1=1 --", "%00"})
    void anyQueryTextIsAnsweredWithoutServerError(String q) throws Exception {
        HttpResponse<String> response = send(asAdmin("/api/search?q=" + enc(q)));

        assertThat(response.statusCode()).as(response.body()).isIn(200, 400);
    }

    // ---- helpers

    private HttpResponse<String> upload(String name, String content) throws Exception {
        return uploadWithMapping(name, content, null);
    }

    private HttpResponse<String> uploadWithMapping(String name, String content, String mapping) throws Exception {
        String boundary = "hostile-boundary";
        StringBuilder body = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"" + name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n");
        if (mapping != null) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"mapping\"; "
                    + "filename=\"m.yaml\"\r\nContent-Type: text/yaml\r\n\r\n").append(mapping).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return send(asAdmin("/api/imports" + (name.endsWith(".csv") || name.endsWith(".jsonl") ? "" : "?format=jsonl"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(jsonBody(body.toString())));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
