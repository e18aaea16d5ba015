package org.minyi.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The exact API call that yields a figure, and where in its JSON answer the number is. {@code read} is a path of
 * field names separated by dots; a step {@code name[field=value]} picks the element of the array {@code name} whose
 * {@code field} (itself a dotted path) equals {@code value}, and {@code name[a=x][b=y]} the element where both hold.
 * Examples: {@code total} of {@code /api/search}, {@code agencies[agency=全部].medianDays} of {@code /api/timeliness},
 * {@code hotspots[hotspot.id=teddy:1].hotspot.messageCount} of {@code /api/hotspots},
 * {@code blindSpots[domain=义务教育][column=A7区].observed} of {@code /api/demand-map},
 * {@code rows[name=市住建局].index} of {@code /api/demand-map/satisfaction}.
 */
public record FigureQuery(String path, Map<String, String> params, String read) {

    public FigureQuery {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A count of messages: the {@code total} of a search of no hits. */
    static FigureQuery count(Map<String, String> filter) {
        Map<String, String> params = new LinkedHashMap<>(filter);
        params.put("size", "0");
        params.put("facets", "");
        return new FigureQuery("/api/search", params, "total");
    }

    /** The step that picks the element of {@code array} whose fields have the given values, in order. */
    static String element(String array, Map<String, String> fields) {
        StringBuilder step = new StringBuilder(array);
        fields.forEach((field, value) -> step.append('[').append(field).append('=').append(value).append(']'));
        return step.toString();
    }

    /** The API call, relative to the service's root, parameters percent-encoded. */
    public String apiLink() {
        return path + query(params);
    }

    /** Where a reader sees the messages behind the figure: the search page for counts, else the API call. */
    public String pageLink() {
        if (!path.equals("/api/search")) {
            return apiLink();
        }
        Map<String, String> shown = new LinkedHashMap<>(params);
        shown.remove("size");
        shown.remove("facets");
        return "/search.html" + query(shown);
    }

    private static String query(Map<String, String> params) {
        return params.isEmpty() ? "" : params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&", "?", ""));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
