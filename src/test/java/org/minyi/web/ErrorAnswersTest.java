package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What people and programs get when something is wrong: {code, message} in Chinese (English when asked) without
 * Java class names for the API, Chinese pages with an English switch for browsers, never a Whitelabel page.
 */
class ErrorAnswersTest extends RunningService {

    @BeforeEach
    void fixture() throws Exception {
        importFixture();
    }

    @Test
    void aMalformedQueryIs400PointingAtTheSpotInChineseOrEnglish() throws Exception {
        String query = "/api/search?q=" + URLEncoder.encode("物业 (噪音", StandardCharsets.UTF_8);
        HttpResponse<String> chinese = send(as("manager", USER_PASSWORD, query));
        assertEquals(400, chinese.statusCode());
        JsonNode error = json.readTree(chinese.body());
        assertEquals("query.syntax", error.get("code").asString());
        assertEquals(3, error.get("position").asInt());
        assertTrue(error.get("message").asString().startsWith("检索式有误，在第 4 个字符处"), chinese.body());

        HttpResponse<String> english = send(as("manager", USER_PASSWORD, query).header("Accept-Language", "en-US"));
        assertTrue(json.readTree(english.body()).get("message").asString().startsWith("Query syntax error"));
        HttpResponse<String> chosen = send(as("manager", USER_PASSWORD, query).header("Cookie", "minyi-lang=en"));
        assertTrue(json.readTree(chosen.body()).get("message").asString().startsWith("Query syntax error"));
    }

    @Test
    void aBodyThatDoesNotFitNamesTheFieldNotAJavaClass() throws Exception {
        HttpResponse<String> response = send(as("manager", USER_PASSWORD, "/api/subscriptions/x")
                .header("Content-Type", "application/json")
                .PUT(jsonBody("{\"id\":\"x\",\"subscriber\":\"manager\",\"destination\":{\"type\":\"pigeon\"}}")));
        assertEquals(400, response.statusCode(), response.body());
        assertFalse(response.body().contains("org.minyi") || response.body().contains("Exception"), response.body());
        assertTrue(json.readTree(response.body()).get("message").asString().contains("destination"), response.body());

        HttpResponse<String> notJson = send(as("manager", USER_PASSWORD, "/api/saved-searches")
                .header("Content-Type", "application/json").POST(jsonBody("{\"name\":")));
        assertEquals(400, notJson.statusCode());
        assertEquals("request.unreadable", json.readTree(notJson.body()).get("code").asString(), notJson.body());
    }

    @Test
    void unknownApiAddressesAndMethodsAnswerJson() throws Exception {
        HttpResponse<String> missing = send(asAdmin("/api/no-such-thing")); // others may not even ask (403)
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", json.readTree(missing.body()).get("code").asString(), missing.body());
        HttpResponse<String> method = send(as("manager", USER_PASSWORD, "/api/search").DELETE());
        assertTrue(method.statusCode() == 405 || method.statusCode() == 403, method.body());
        assertTrue(json.readTree(method.body()).has("code"), method.body());
    }

    @Test
    void browsersGetChinesePagesWithAnEnglishSwitch() throws Exception {
        HttpResponse<String> forbidden = send(as("subscriber", USER_PASSWORD, "/dashboard.html")
                .header("Accept", "text/html"));
        assertEquals(403, forbidden.statusCode());
        assertTrue(forbidden.body().contains("没有权限") && forbidden.body().contains("data-en=\"Access denied\""),
                forbidden.body());
        assertFalse(forbidden.body().contains("Whitelabel"));
        HttpResponse<String> missing = send(asAdmin("/nothing-here.html").header("Accept", "text/html"));
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("页面不存在"), missing.body());

        HttpResponse<String> login = send(java.net.http.HttpRequest.newBuilder(uri("/login")));
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("用户名") && login.body().contains("name=\"_csrf\""), login.body());
        assertEquals(200, send(java.net.http.HttpRequest.newBuilder(uri("/favicon.ico"))).statusCode());
    }
}
