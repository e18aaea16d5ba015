package org.minyi.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Messages for the briefing tests, written so that every section of a weekly report (2019-03-18 to 2019-03-24) has
 * something to say: a street-light issue of eight near-identical messages with one demand (a hot issue, a top demand,
 * a new demand), traffic complaints in A5区 and property complaints in A3区 in both weeks (attitude movers), replies
 * from three agencies with known delays, and messages a year before (同比). A second week (2019-04-08 to 04-14) has
 * what the blind-spot section reads: elderly residents' requests left unanswered beside answered ones.
 */
final class BriefingFixture {

    private static final java.util.Set<Integer> LOADED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private BriefingFixture() {
    }

    /** Imports the messages through the import endpoint, once per service. */
    static synchronized void importInto(RunningService service) throws Exception {
        if (LOADED.contains(service.port)) {
            return;
        }
        String boundary = "briefing-fixture";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"briefing.jsonl\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n" + jsonl() + "\r\n--" + boundary + "--\r\n";
        var started = service.send(service.asAdmin("/api/imports")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(RunningService.jsonBody(body)));
        org.junit.jupiter.api.Assertions.assertEquals(202, started.statusCode(), started.body());
        var job = service.awaitImport(service.json.readTree(started.body()).get("id").asString());
        org.junit.jupiter.api.Assertions.assertEquals("DONE", job.get("state").asString(), job.toString());
        LOADED.add(service.port);
    }

    static String jsonl() {
        List<String> lines = new ArrayList<>();
        // this week: the street-light issue, answered by 市住建局 after 1..8 days
        for (int i = 0; i < 8; i++) {
            lines.add(line("b-light-" + i, "A3区桂花路路灯不亮",
                    "A市A3区桂花路的路灯坏了" + (10 + i) + "天，晚上漆黑一片，已有行人摔倒，希望尽快修复路灯。",
                    "A3区", String.format("2019-03-%02dT%02d:00:00+08:00", 19 + i % 3, 9 + i), 5 + i,
                    "市住建局", String.format("2019-03-%02dT%02d:00:00+08:00", 20 + i % 3 + i, 9 + i)));
        }
        // this week and last: traffic near a school in A5区, answered by the traffic police
        for (int i = 0; i < 6; i++) {
            lines.add(line("b-traffic-" + i, "A5区实验小学门口交通拥堵",
                    "A5区实验小学门口每天上学放学时段交通拥堵，车辆乱停乱放，孩子过马路很危险，建议交警部门增派警力疏导。",
                    "A5区", String.format("2019-03-%02dT08:%02d:00+08:00", 18 + i, 10 + i), 2,
                    "市公安局交警支队", String.format("2019-03-%02dT08:%02d:00+08:00", 20 + i + i % 4, 10 + i)));
            lines.add(line("b-praise-" + i, "感谢A5区交警疏导交通",
                    "上周A5区交警在学校门口疏导交通，效果很好，感谢交警同志的辛勤付出，秩序好多了。",
                    "A5区", String.format("2019-03-%02dT17:%02d:00+08:00", 11 + i, 10 + i), 1, null, null));
        }
        // this week and last: property fees in A3区, answered by 市住建局 last week
        for (int i = 0; i < 5; i++) {
            lines.add(line("b-fee-" + i, "A3区景蓉华苑物业乱收停车费",
                    "A3区景蓉华苑物业公司乱收停车费，每月涨价，业主很不满，要求住建局查处物业违规收费。",
                    "A3区", String.format("2019-03-%02dT11:%02d:00+08:00", 11 + i, 20 + i), 3,
                    "市住建局", String.format("2019-03-%02dT11:%02d:00+08:00", 12 + i * 2, 20 + i)));
            lines.add(line("b-park-" + i, "A3区新建公园环境优美",
                    "A3区新建的滨江公园环境优美，绿化很好，周末带孩子去玩很开心，点赞政府的民生工程。",
                    "A3区", String.format("2019-03-%02dT15:%02d:00+08:00", 18 + i, 30 + i), 4, null, null));
        }
        // a year before, the same week: a few messages for 同比
        for (int i = 0; i < 5; i++) {
            lines.add(line("b-2018-" + i, "A7区公交线路太少",
                    "A7区新城片区只有一条公交线路，出行很不方便，建议增开公交线路。",
                    "A7区", String.format("2018-03-%02dT10:00:00+08:00", 19 + i), 1,
                    "市交通运输局", String.format("2018-03-%02dT10:00:00+08:00", 25 + i)));
        }
        // week 2019-04-08 to 04-14, nothing the week before: elderly residents of A2区 ask for lifts and get no
        // reply (a need voiced, replies rare; a group that grew), while A4区's blocked drains are answered in two days
        for (int i = 0; i < 6; i++) {
            lines.add(line("b-lift-" + i, "A2区幸福小区老旧楼房加装电梯",
                    "A2区幸福小区住的多是空巢老人，六层老楼没有电梯，老年人上下楼非常困难，希望政府支持加装电梯。",
                    "A2区", String.format("2019-04-%02dT10:%02d:00+08:00", 8 + i, 10 + i), 2, null, null));
            lines.add(line("b-drain-" + i, "A4区体育路下水道堵塞",
                    "A4区体育路下水道堵塞，下雨后污水横流，气味难闻，希望尽快疏通下水道。",
                    "A4区", String.format("2019-04-%02dT14:%02d:00+08:00", 8 + i, 10 + i), 1,
                    "市水务局", String.format("2019-04-%02dT14:%02d:00+08:00", 10 + i, 10 + i)));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String line(String id, String title, String text, String region, String time, int likes,
                               String agency, String replyTime) {
        String reply = agency == null ? ""
                : String.format(",\"reply\":{\"text\":\"您好，已转相关部门处理。\",\"agency\":\"%s\",\"time\":\"%s\"}",
                agency, replyTime);
        return String.format("{\"id\":\"%s\",\"title\":\"%s\",\"text\":\"%s\",\"region\":\"%s\",\"createdAt\":\"%s\","
                + "\"source\":\"briefing-test\",\"channel\":\"board\",\"votes\":{\"likes\":%d,\"against\":0}%s}",
                id, title, text, region, time, likes, reply);
    }
}
