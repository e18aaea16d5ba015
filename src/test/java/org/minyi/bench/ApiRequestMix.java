package org.minyi.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What dashboard users and managers ask the service, in proportions of a working day: mostly searches and the
 * dashboard's six requests, a message opened from a search now and then, rarely an export. Topics and regions come
 * from the service's own region/topic matrix, message ids from earlier search hits, so every request names things
 * that exist.
 */
final class ApiRequestMix {

    /** One request: the endpoint it is counted under and the path with its query. */
    record Call(String endpoint, String path) {
    }

    /** Words people search for in complaints about public services (noise, street lights, parking, ...). */
    private static final List<String> WORDS = List.of("噪音", "路灯", "停车", "物业", "拆迁", "垃圾", "公交",
            "学校", "医保", "供暖", "工资", "小区 噪音", "道路 施工", "油烟", "违建", "房屋 漏水", "养老", "户口");
    private static final List<String> CHANNELS = List.of("board", "hotline", "news", "forum");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Endpoint names and their weights: how often a user of the pages sends each, per 100 requests. */
    static final List<String> ENDPOINTS = List.of("search", "message", "trends", "trends-by-topic", "matrix",
            "demands", "hotspots", "timeliness", "export-csv");
    private static final int[] WEIGHTS = {30, 15, 8, 8, 8, 8, 8, 8, 2};

    private final List<String> topics;
    private final List<String> regions;
    private final List<String> messageIds = new CopyOnWriteArrayList<>();

    /** @param matrix the answer of {@code /api/insight/matrix} */
    ApiRequestMix(String matrix) {
        JsonNode node = JSON.readTree(matrix);
        this.topics = strings(node.get("topics"));
        this.regions = strings(node.get("regions"));
        if (topics.isEmpty() || regions.isEmpty()) {
            throw new IllegalStateException("the service's index has no topics or regions: " + abbreviate(matrix));
        }
    }

    Call next(RandomGenerator random) {
        int pick = random.nextInt(100);
        for (int i = 0; i < WEIGHTS.length; i++) {
            pick -= WEIGHTS[i];
            if (pick < 0) {
                return call(ENDPOINTS.get(i), random);
            }
        }
        return call(ENDPOINTS.getFirst(), random);
    }

    /** Keeps a few ids of the hits a search answered, for later message requests (as a manager clicks a hit). */
    void learnFrom(Call call, byte[] body) {
        if (!call.endpoint().equals("search") || messageIds.size() >= 2_000) {
            return;
        }
        JsonNode hits = JSON.readTree(body).path("hits");
        for (int i = 0; i < hits.size() && i < 3; i++) {
            messageIds.add(hits.get(i).path("message").path("id").asString());
        }
    }

    /** A request to that endpoint; a message request before any search has answered is a search. */
    Call call(String endpoint, RandomGenerator random) {
        return switch (endpoint) {
            case "search" -> new Call(endpoint, "/api/search?q=" + enc(pick(WORDS, random)) + searchFilter(random)
                    + (random.nextInt(4) == 0 ? "&order=newest" : "") + (random.nextInt(5) == 0 ? "&page=1" : "")
                    + "&size=20&facets=topic,region,channel,sentiment");
            case "message" -> messageIds.isEmpty() ? call("search", random)
                    : new Call(endpoint, "/api/messages/" + enc(pick(messageIds, random)));
            case "trends" -> new Call(endpoint, "/api/trends?interval=month&split=none" + dashboardFilter(random));
            case "trends-by-topic" -> new Call(endpoint,
                    "/api/trends?interval=month&split=topic&maxSeries=8" + dashboardFilter(random));
            case "matrix" -> new Call(endpoint, "/api/insight/matrix?" + dashboardFilter(random));
            case "demands" -> new Call(endpoint, "/api/demands?limit=10" + dashboardFilter(random));
            case "hotspots" -> new Call(endpoint, "/api/hotspots?limit=8"); // the default period, as the page asks
            case "timeliness" -> new Call(endpoint, "/api/timeliness?" + dashboardFilter(random));
            case "export-csv" -> new Call(endpoint, "/api/export?format=csv&limit=200&q=" + enc(pick(WORDS, random))
                    + searchFilter(random));
            default -> throw new IllegalArgumentException("unknown endpoint " + endpoint);
        };
    }

    /** Half the searches narrow by a topic, region or channel. */
    private String searchFilter(RandomGenerator random) {
        return switch (random.nextInt(6)) {
            case 0 -> "&topic=" + enc(pick(topics, random));
            case 1 -> "&region=" + enc(pick(regions, random));
            case 2 -> "&channel=" + pick(CHANNELS, random);
            default -> "";
        };
    }

    /** The dashboard unfiltered half the time, else for one topic or one region. */
    private String dashboardFilter(RandomGenerator random) {
        return switch (random.nextInt(4)) {
            case 0 -> "&topic=" + enc(pick(topics, random));
            case 1 -> "&region=" + enc(pick(regions, random));
            default -> "";
        };
    }

    private static <T> T pick(List<T> values, RandomGenerator random) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> strings(JsonNode array) {
        return array == null ? List.of() : array.valueStream().map(JsonNode::asString).toList();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
