package org.minyi.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** Which messages a briefing is about: one region and/or one topic, or all (null). */
public record ReportScope(String region, String topic) {

    public static final ReportScope ALL = new ReportScope(null, null);

    public ReportScope {
        region = region == null || region.isBlank() ? null : region.strip();
        topic = topic == null || topic.isBlank() ? null : topic.strip();
    }

    /** In Chinese for the cover, e.g. 全部地区 · 全部主题. */
    public String chinese() {
        return (region == null ? "全部地区" : region) + " · " + (topic == null ? "全部主题" : topic);
    }

    /** The API filter parameters of this scope. */
    Map<String, String> params() {
        Map<String, String> params = new LinkedHashMap<>();
        if (region != null) {
            params.put("region", region);
        }
        if (topic != null) {
            params.put("topic", topic);
        }
        return params;
    }
}
