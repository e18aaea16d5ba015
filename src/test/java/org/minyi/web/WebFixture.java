package org.minyi.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Messages for the web front's tests: realistic board messages with replies from two agencies, and one that tries to
 * inject script through its title and text.
 */
final class WebFixture {

    static final String PHONE = "13812345678";
    static final String SCRIPT_TITLE = "<script>window.xssFired=true</script>A3区物业乱收费";

    private static final List<String> LINES = List.of(
            line("w1", "A3区桂花路路灯不亮", "A市A3区桂花路的路灯坏了一个多月，晚上漆黑一片，我的电话" + PHONE + "，希望尽快修复路灯。",
                    "A3区", "2019-03-04T10:00:00+08:00", "市住建局", "2019-03-04T20:00:00+08:00"),
            line("w2", SCRIPT_TITLE, "<img src=x onerror=\\\"window.xssFired=true\\\">A3区景蓉华苑物业乱收停车费，要求住建局查处。",
                    "A3区", "2019-03-12T09:30:00+08:00", "市住建局", "2019-03-15T09:30:00+08:00"),
            line("w3", "A5区学校周边交通拥堵", "A5区实验小学门口每天上学放学时段交通拥堵，建议交警部门增派警力疏导。",
                    "A5区", "2019-04-02T08:00:00+08:00", "市公安局交警支队", "2019-04-12T08:00:00+08:00"),
            line("w4", "A3区路灯又坏了", "A市A3区桂花路路灯又不亮了，请尽快修复路灯，晚上出行很危险。",
                    "A3区", "2019-04-20T21:15:00+08:00", "市住建局", "2019-05-30T21:15:00+08:00"),
            line("w5", "A5区小区噪音扰民", "A5区某工地夜间施工噪音扰民，严重影响休息，希望环保部门管一管。",
                    "A5区", "2019-05-08T15:00:00+08:00", null, null),
            line("w6", "A7区公交线路太少", "A7区新城片区只有一条公交线路，出行很不方便，建议增开公交线路。",
                    "A7区", "2019-05-20T15:00:00+08:00", null, null));

    static final int COUNT = LINES.size();

    private WebFixture() {
    }

    static String jsonl() {
        return LINES.stream().collect(Collectors.joining("\n")) + "\n";
    }

    private static String line(String id, String title, String text, String region, String time, String agency,
                               String replyTime) {
        String reply = agency == null ? ""
                : String.format(",\"reply\":{\"text\":\"您好，已转相关部门处理。\",\"agency\":\"%s\",\"time\":\"%s\"}", agency, replyTime);
        return String.format("{\"id\":\"%s\",\"title\":\"%s\",\"text\":\"%s\",\"region\":\"%s\",\"createdAt\":\"%s\","
                + "\"source\":\"web-test\",\"channel\":\"board\",\"votes\":{\"likes\":3,\"against\":0}%s}",
                id, title.replace("\"", "\\\""), text, region, time, reply);
    }
}
