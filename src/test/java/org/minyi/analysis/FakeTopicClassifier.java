package org.minyi.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tiny honest stand-in for the real topic model: counts tokens from a few hand-picked words per topic and
 * answers the topic with most hits (score = its share of hits), or 其他 when nothing matches.
 */
final class FakeTopicClassifier implements TopicClassifier {

    private static final Map<String, Set<String>> CUES = new LinkedHashMap<>();

    static {
        CUES.put("城乡建设", Set.of("小区", "物业", "业主", "拆迁", "房屋", "道路", "施工", "住建局"));
        CUES.put("劳动和社会保障", Set.of("社保", "工资", "养老金", "退休", "养老保险", "人社局", "工伤"));
        CUES.put("教育文体", Set.of("学校", "学生", "老师", "教育", "幼儿园", "教师"));
        CUES.put("环境保护", Set.of("污染", "噪音", "垃圾", "排放", "环保", "异味"));
        CUES.put("交通运输", Set.of("公交", "出租车", "网约车", "车辆", "交通"));
        CUES.put("商贸旅游", Set.of("传销", "商家", "旅游", "市场", "消费者"));
        CUES.put("卫生计生", Set.of("医院", "医生", "抚养费", "计生", "卫计局", "医保"));
    }

    @Override
    public TopicPrediction classify(List<String> tokens, String text) {
        String best = "其他";
        int bestHits = 0;
        int total = 0;
        for (Map.Entry<String, Set<String>> topic : CUES.entrySet()) {
            int hits = (int) tokens.stream().filter(topic.getValue()::contains).count();
            total += hits;
            if (hits > bestHits) {
                best = topic.getKey();
                bestHits = hits;
            }
        }
        return new TopicPrediction(best, total == 0 ? 0 : (double) bestHits / total);
    }
}
