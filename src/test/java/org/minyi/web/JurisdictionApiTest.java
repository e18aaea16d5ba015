package org.minyi.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A district office bound to A3区 tries to reach the A5区 and A7区 messages of the fixture (w3, w5, w6) through every
 * read endpoint and every parameter that names a region, a word or a period; it must only ever see A3区's messages
 * (w1, w2 and w4 of the fixture, and whatever A3区 messages other tests of the shared service added), exactly as
 * many as an admin finds with region=A3区.
 */
class JurisdictionApiTest extends RunningService {

    private static final String OFFICE = "a3office";
    private static final String LEADER = "a3leader";
    /** Words that only the other districts' messages hold. */
    private static final List<String> OTHER_WORDS = List.of("交通", "拥堵", "噪音", "公交", "A5区", "A7区", "交警");

    /** Every A3区 message, as an admin finds it. */
    private final Set<String> own = new HashSet<>();

    @BeforeEach
    void fixture() throws Exception {
        importFixture();
        putUser(OFFICE, "manager", "A3区");
        putUser(LEADER, "leader", "A3区");
        getJson(asAdmin("/api/search?size=200&region=" + enc("A3区"))).get("hits")
                .forEach(h -> own.add(h.get("message").get("id").asString()));
        assertTrue(own.containsAll(Set.of("w1", "w2", "w4")) && !own.contains("w3"), own.toString());
    }

    @Test
    void theMeEndpointShowsTheBinding() throws Exception {
        JsonNode me = getJson(as(OFFICE, USER_PASSWORD, "/api/me"));
        assertEquals("[\"A3区\"]", me.get("regions").toString());
    }

    @Test
    void searchFindsOnlyOwnMessagesWhateverTheFiltersAndOrder() throws Exception {
        List<String> queries = new ArrayList<>(List.of("", "region=" + enc("A5区"), "region=" + enc("A7区"),
                "region=" + enc("A5区,A3区"), "region=" + enc("A5区") + "&region=" + enc("A3区"),
                "q=*", "q=" + enc("-路灯"), "channel=board", "source=web-test", "from=2019-01-01&to=2019-12-31",
                "sentiment=negative,neutral,positive", "facets=region,topic,channel,source,department,place&facetSize=100"));
        for (String word : OTHER_WORDS) {
            queries.add("q=" + enc(word));
            queries.add("q=" + enc("路灯 | " + word));
        }
        for (String order : List.of("relevance", "newest", "oldest", "most_negative", "most_votes")) {
            queries.add("order=" + order);
        }
        for (String query : queries) {
            JsonNode result = getJson(as(OFFICE, USER_PASSWORD, "/api/search?size=200&" + query));
            Set<String> ids = new HashSet<>();
            result.get("hits").forEach(h -> ids.add(h.get("message").get("id").asString()));
            assertTrue(own.containsAll(ids), query + " → " + ids);
            assertEquals(ids.size(), result.get("total").asInt(), query + ": the total counts only own messages");
            JsonNode regions = result.get("facets").get("region");
            if (regions != null) {
                regions.forEach(r -> assertEquals("A3区", r.get("term").asString(), query + " facets " + regions));
            }
        }
        assertEquals(own.size(), getJson(as(OFFICE, USER_PASSWORD, "/api/search")).get("total").asInt());
    }

    @Test
    void anotherDistrictsMessageIsNotFoundByIdWhileOwnOnesAre() throws Exception {
        for (String id : List.of("w3", "w5", "w6")) {
            HttpResponse<String> response = send(as(OFFICE, USER_PASSWORD, "/api/messages/" + id));
            assertEquals(404, response.statusCode(), id + " → " + response.body());
            assertEquals(404, send(as(LEADER, USER_PASSWORD, "/api/messages/" + id)).statusCode(), id);
        }
        assertEquals(200, send(as(OFFICE, USER_PASSWORD, "/api/messages/w1")).statusCode());
        assertEquals(200, send(as(LEADER, USER_PASSWORD, "/api/messages/w4")).statusCode());
    }

    @Test
    void exportsHoldOnlyOwnMessages() throws Exception {
        for (String query : List.of("", "&region=" + enc("A5区"), "&q=" + enc("公交"), "&region=" + enc("A7区,A3区"))) {
            HttpResponse<String> csv = send(as(OFFICE, USER_PASSWORD, "/api/export?format=csv" + query));
            assertEquals(200, csv.statusCode(), csv.body());
            for (String other : List.of("w3,", "w5,", "w6,", "A5区", "A7区")) {
                assertFalse(csv.body().contains(other), query + " exported " + other + ":\n" + csv.body());
            }
        }
    }

    @Test
    void trendsKeywordsDemandsAndTimelinessCountOnlyOwnMessages() throws Exception {
        for (String split : List.of("none", "region", "topic")) {
            JsonNode trends = getJson(as(LEADER, USER_PASSWORD, "/api/trends?interval=month&split=" + split
                    + "&region=" + enc("A5区,A7区,A3区")));
            long total = 0;
            for (JsonNode series : trends.get("series")) {
                if (split.equals("region")) {
                    assertEquals("A3区", series.get("key").asString());
                }
                for (JsonNode point : series.get("points")) {
                    total += point.get("count").asLong();
                }
            }
            assertEquals(adminTrendTotal(), total, "split " + split);
        }
        String keywords = send(as(LEADER, USER_PASSWORD, "/api/keywords?limit=1000")).body();
        String demands = send(as(LEADER, USER_PASSWORD, "/api/demands?limit=1000&region=" + enc("A7区"))).body();
        assertEquals("[]", demands, "A7区's bus demand is out of reach");
        for (String word : List.of("公交", "交通", "噪音")) {
            assertFalse(keywords.contains(word), keywords);
        }
        JsonNode timeliness = getJson(as(LEADER, USER_PASSWORD, "/api/timeliness?limit=200"));
        assertEquals(own.size(), timeliness.get("matching").asInt());
        assertFalse(timeliness.toString().contains("交警"), "A5区's police reply is out of reach: " + timeliness);
    }

    @Test
    void theMatrixBlindSpotsHotspotsAndStatusSeeOnlyOwnRegion() throws Exception {
        JsonNode matrix = getJson(as(LEADER, USER_PASSWORD, "/api/insight/matrix?region=" + enc("A5区,A3区")));
        assertEquals("[\"A3区\"]", matrix.get("regions").toString());
        String spots = send(as(LEADER, USER_PASSWORD, "/api/insight/blind-spots?minExpected=0&maxRatio=1")).body();
        assertFalse(spots.contains("A5区") || spots.contains("A7区"), spots);
        JsonNode hotspots = getJson(as(LEADER, USER_PASSWORD, "/api/hotspots?from=2019-01-01&to=2019-12-31&limit=100"));
        for (JsonNode view : hotspots.get("hotspots")) {
            view.get("hotspot").get("regions").forEach(r -> assertEquals("A3区", r.asString(), view.toString()));
            assertFalse(view.toString().contains("公交") || view.toString().contains("交警"), view.toString());
        }
        JsonNode status = getJson(as(LEADER, USER_PASSWORD, "/api/status"));
        assertEquals(own.size(), status.get("messages").asInt());
        assertTrue(status.get("ingestion") == null || status.get("ingestion").isNull(),
                "no service-wide counters for a bound user");
    }

    @Test
    void savedSearchesCountOnlyOwnMessages() throws Exception {
        HttpResponse<String> created = send(asAdmin("/api/saved-searches").header("Content-Type", "application/json")
                .POST(jsonBody("{\"name\":\"全市交通\",\"query\":\"交通 | 路灯 | 公交\",\"sources\":[\"web-test\"],"
                        + "\"sharedWith\":[\"leader\"]}")));
        assertEquals(201, created.statusCode(), created.body());
        String id = json.readTree(created.body()).get("id").asString();
        JsonNode overview = getJson(as(LEADER, USER_PASSWORD, "/api/saved-searches/" + id + "/overview"));
        assertEquals(2, overview.get("total").asInt(), "w1 and w4 (路灯), not w3 or w6: " + overview);
        JsonNode unbound = getJson(as("leader", USER_PASSWORD, "/api/saved-searches/" + id + "/overview"));
        assertEquals(4, unbound.get("total").asInt(), "an unbound leader counts every district: " + unbound);
    }

    @Test
    void subscriptionsOfABoundUserWatchOnlyTheirRegions() throws Exception {
        String rule = "{\"id\":\"%s\",\"subscriber\":\"" + OFFICE + "\",\"keywords\":[\"路灯\"],%s"
                + "\"destination\":{\"type\":\"webhook\",\"url\":\"https://203.0.113.9/hook\",\"secret\":\"s\"}}";
        HttpResponse<String> elsewhere = send(as(OFFICE, USER_PASSWORD, "/api/subscriptions/a3-other")
                .header("Content-Type", "application/json")
                .PUT(jsonBody(rule.formatted("a3-other", "\"regions\":[\"A5区\"],"))));
        assertEquals(403, elsewhere.statusCode(), elsewhere.body());
        HttpResponse<String> unnamed = send(as(OFFICE, USER_PASSWORD, "/api/subscriptions/a3-own")
                .header("Content-Type", "application/json").PUT(jsonBody(rule.formatted("a3-own", ""))));
        assertEquals(200, unnamed.statusCode(), unnamed.body());
        assertEquals("[\"A3区\"]", json.readTree(unnamed.body()).get("regions").toString(),
                "a rule without regions gets the user's");
        String history = send(as(OFFICE, USER_PASSWORD, "/api/alerts?subscriber=subscriber")).body();
        assertFalse(history.contains("\"subscriber\":\"subscriber\""), "only their own alert history: " + history);
    }

    /** Dated A3区 messages, as an admin's trend counts them. */
    private long adminTrendTotal() throws Exception {
        long total = 0;
        for (JsonNode point : getJson(asAdmin("/api/trends?interval=month&region=" + enc("A3区"))).get("series").get(0)
                .get("points")) {
            total += point.get("count").asLong();
        }
        return total;
    }

    private void putUser(String name, String role, String region) throws Exception {
        HttpResponse<String> put = send(asAdmin("/api/users/" + name).header("Content-Type", "application/json")
                .PUT(jsonBody("{\"password\":\"" + USER_PASSWORD + "\",\"roles\":[\"" + role + "\"],\"regions\":[\""
                        + region + "\"]}")));
        assertEquals(200, put.statusCode(), put.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
