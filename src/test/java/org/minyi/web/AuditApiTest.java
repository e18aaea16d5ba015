package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who read which message, who exported what and who changed users, as admins see it. */
class AuditApiTest extends RunningService {

    @BeforeEach
    void fixture() throws Exception {
        importFixture();
    }

    @Test
    void readingAMessageIsRecordedWithTheReaderAndTheMessage() throws Exception {
        assertEquals(200, send(as("manager", USER_PASSWORD, "/api/messages/w3")).statusCode());

        JsonNode event = newest("user=manager&action=message.view");
        assertEquals("w3", event.get("target").asString());
        assertEquals(200, event.get("status").asInt());
    }

    @Test
    void anExportIsRecordedWithItsFiltersAndRowCount() throws Exception {
        assertEquals(200, send(as("manager", USER_PASSWORD, "/api/export?format=csv&region=%E5%8C%97")).statusCode());
        assertEquals(200, send(as("manager", USER_PASSWORD, "/api/export?format=xlsx&source=web-test&q=%E8%B7%AF%E7%81%AF"))
                .statusCode());

        JsonNode event = newest("user=manager&action=export");
        assertEquals("format=xlsx&source=web-test&q=路灯", event.get("detail").asString());
        assertEquals(2, event.get("rows").asInt(), "w1 and w4 hold 路灯");
    }

    @Test
    void userChangesAndRefusedAttemptsAreRecorded() throws Exception {
        send(asAdmin("/api/users/audited").header("Content-Type", "application/json").PUT(jsonBody(
                "{\"password\":\"" + USER_PASSWORD + "\",\"roles\":[\"leader\"],\"regions\":[\"A5区\"]}")));
        JsonNode change = newest("action=user");
        assertEquals("user.save", change.get("action").asString());
        assertEquals("audited", change.get("target").asString());
        assertTrue(change.get("detail").asString().contains("regions=[A5区]"), change.toString());

        assertEquals(403, send(as("leader", USER_PASSWORD, "/api/export")).statusCode());
        JsonNode refused = newest("user=leader&action=export");
        assertEquals(403, refused.get("status").asInt());
    }

    @Test
    void onlyAdminsReadTheLogAndItsExportHasChineseHeaders() throws Exception {
        assertEquals(403, send(as("manager", USER_PASSWORD, "/api/audit")).statusCode());
        HttpResponse<String> csv = send(asAdmin("/api/audit/export?action=message.view"));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("\uFEFF时间,用户,操作,对象,详情,状态,行数"), csv.body());
    }

    private JsonNode newest(String query) throws Exception {
        JsonNode page = getJson(asAdmin("/api/audit?size=1&" + query));
        assertTrue(page.get("total").asInt() > 0, query + " → " + page);
        return page.get("events").get(0);
    }
}
