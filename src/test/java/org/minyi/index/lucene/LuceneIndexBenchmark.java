package org.minyi.index.lucene;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.Sentiment;
import org.minyi.index.FacetField;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.SearchOrder;
import org.minyi.index.SearchQuery;
import org.minyi.index.TestMessage;
import org.minyi.index.TrendInterval;
import org.minyi.index.TrendQuery;
import org.minyi.index.TrendSplit;
import org.minyi.message.Channel;
import org.minyi.testing.TempFolders;

/**
 * Measures (reports, never asserts) indexing rate and query latency on synthetic messages. Not a test: run it with
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
 * java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
 *     org.minyi.index.lucene.LuceneIndexBenchmark 100000
 * </pre>
 * Messages are built from a fixed seed, so every run indexes the same text; the index goes to a temporary folder
 * that is deleted afterwards.
 */
public final class LuceneIndexBenchmark {

    private static final String[] TOPICS = {"城乡建设", "环境保护", "交通运输", "教育文体", "劳动和社会保障", "商贸旅游",
            "卫生计生"};
    private static final String[] COMPLAINTS = {"小区路灯坏了很久没人修", "夜间施工噪音太大影响休息", "停车位严重不足车辆乱停",
            "公交车班次太少等车时间长", "学校周边交通拥堵", "垃圾清运不及时气味难闻", "物业不作为乱收费", "自来水经常停水",
            "道路破损坑洼不平", "违章建筑占用公共绿地", "餐馆油烟扰民", "工资被拖欠三个月", "医保报销手续繁琐",
            "幼儿园学位紧张", "电梯老化经常故障", "雨天小区积水严重", "快递车辆占道", "广场舞音响声音过大"};
    private static final String[] DEMANDS = {"希望有关部门尽快处理", "请相关部门调查核实", "建议增加公交线路",
            "要求物业整改", "希望尽快维修", "请给我们一个答复", "建议加强监管", "希望落实补偿"};
    private static final String[] DEPARTMENTS = {"市住建局", "市生态环境局", "市交通运输局", "市教育局", "市人社局",
            "市城管局", "市卫健委", "市市场监管局", "区政府", "街道办事处"};

    private LuceneIndexBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path folder = Files.createTempDirectory("minyi-bench");
        Segmenter segmenter = new Segmenter(DomainDictionary.load(null));
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        try (LuceneMessageIndex index = LuceneMessageIndex.open(folder.resolve("index"), segmenter, zone)) {
            Random random = new Random(42);
            long chars = 0;
            long start = System.nanoTime();
            List<IndexedMessage> batch = new ArrayList<>(1000);
            for (int i = 0; i < count; i++) {
                IndexedMessage message = synthetic(i, random);
                chars += message.message().text().length() + message.message().title().length();
                batch.add(message);
                if (batch.size() == 1000) {
                    index.upsert(batch);
                    batch.clear();
                }
            }
            index.upsert(batch);
            index.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("indexed %,d messages (%,d chars of title+text) in %.1f s: %,.0f messages/s, one thread%n",
                    count, chars, seconds, count / seconds);
            System.out.printf("index size on disk: %,.1f MB%n", TempFolders.size(folder) / 1e6);

            MessageFilter lamps = MessageFilter.text("路灯");
            MessageFilter narrowed = new MessageFilter(null, Set.of("城乡建设"), Set.of(Sentiment.NEGATIVE),
                    Set.of(), Set.of(), Set.of(), Instant.parse("2024-01-01T00:00:00Z"), null);
            Set<FacetField> allFacets = EnumSet.allOf(FacetField.class);
            measure("search text + 7 facets, page of 20", () -> index.search(
                    new SearchQuery(lamps, SearchOrder.RELEVANCE, 0, 20, allFacets, 10)));
            measure("search all, newest 20, no facets", () -> index.search(
                    new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 0, 20, Set.of(), 10)));
            measure("search all + 7 facets, newest 20", () -> index.search(
                    new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 0, 20, allFacets, 10)));
            measure("search filters + 7 facets, most votes 20", () -> index.search(
                    new SearchQuery(narrowed, SearchOrder.MOST_VOTES, 0, 20, allFacets, 10)));
            measure("trend all by day, split topic", () -> index.trends(
                    new TrendQuery(MessageFilter.ALL, TrendInterval.DAY, TrendSplit.TOPIC, 10)));
            measure("trend text by week", () -> index.trends(
                    new TrendQuery(lamps, TrendInterval.WEEK, TrendSplit.NONE, 10)));
            measure("top 20 keywords, all", () -> index.topKeywords(MessageFilter.ALL, 20));
            measure("top 20 demands, all", () -> index.topDemands(MessageFilter.ALL, 20));

            // After a refresh the value ordinals of the new reader are built by the first query that counts.
            index.upsert(List.of(synthetic(count, random)));
            index.refresh();
            long first = System.nanoTime();
            index.search(new SearchQuery(MessageFilter.ALL, SearchOrder.NEWEST, 0, 20, allFacets, 10));
            index.topKeywords(MessageFilter.ALL, 20);
            System.out.printf("first facets + keywords after a refresh (one run) %6.1f ms%n",
                    (System.nanoTime() - first) / 1e6);
        } finally {
            TempFolders.delete(folder);
        }
    }

    static IndexedMessage synthetic(int i, Random random) {
        String district = "第" + (1 + random.nextInt(20)) + "区";
        String complaint = pick(COMPLAINTS, random);
        String demand = pick(DEMANDS, random);
        StringBuilder text = new StringBuilder("我住在").append(district).append(pick(new String[] {"幸福", "和平", "阳光",
                "东方", "锦绣"}, random)).append("小区，").append(complaint).append("。");
        for (int k = random.nextInt(4); k > 0; k--) {
            text.append("另外").append(pick(COMPLAINTS, random)).append("，");
        }
        text.append("已经反映过").append(1 + random.nextInt(9)).append("次，").append(demand).append("。");
        double score = Math.round((random.nextDouble() * 2 - 1) * 100) / 100.0;
        Sentiment sentiment = score < -0.2 ? Sentiment.NEGATIVE : score > 0.2 ? Sentiment.POSITIVE : Sentiment.NEUTRAL;
        Instant at = Instant.parse("2022-01-01T00:00:00Z").plusSeconds(random.nextLong(3L * 365 * 86_400));
        List<String> keywords = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            keywords.add("词" + random.nextInt(5000));
        }
        return TestMessage.message("bench-" + i, text.toString())
                .title(complaint)
                .at(at)
                .source(pick(new String[] {"board", "12345", "news", "forum", "weibo"}, random))
                .channel(Channel.values()[random.nextInt(Channel.values().length)])
                .region(district)
                .topic(pick(TOPICS, random))
                .sentiment(sentiment, score)
                .votes(random.nextInt(50), random.nextInt(5))
                .departments(pick(DEPARTMENTS, random))
                .places(district, "街道" + random.nextInt(300))
                .keywords(keywords.stream().distinct().toArray(String[]::new))
                .demand(demand, "诉求" + random.nextInt(300))
                .build();
    }

    private static void measure(String name, Supplier<?> query) {
        for (int i = 0; i < 20; i++) {
            query.get(); // warm-up: JIT, and global ordinals built once per reader
        }
        int runs = 200;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%-42s p50 %6.1f ms   p95 %6.1f ms   max %6.1f ms%n", name, nanos[runs / 2] / 1e6,
                nanos[runs * 95 / 100] / 1e6, nanos[runs - 1] / 1e6);
    }

    private static <T> T pick(T[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

}
