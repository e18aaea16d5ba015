package org.minyi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.analysis.TitleAndText;
import org.minyi.analysis.classify.LabelledMessages;
import org.minyi.analysis.classify.TopicModel;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code minyi} commands as a user runs them, on a data folder of their own. */
class CommandLineTest {

    private static final Path VOTES = Path.of("..", "shared", "data", "gov-messages",
            "teddy2020-messages-with-votes.csv");

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void ownDataFolder() {
        System.setProperty("minyi.data-dir", tmp.resolve("data").toString());
    }

    @AfterEach
    void forgetDataFolder() {
        System.clearProperty("minyi.data-dir");
        System.clearProperty("minyi.encoder.enabled");
    }

    private int minyi(String... args) {
        CommandLine cli = new CommandLine(new MinYiCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void evaluateAreaComparesTheServicesUrbanRuralCallWithTheHandLabels() throws Exception {
        Path messages = tmp.resolve("messages.jsonl");
        Files.writeString(messages, String.join("\n",
                "{\"id\":\"village\",\"title\":\"村道\",\"text\":\"我是石梅村村民，村里的通村公路坏了三年，希望修建\"}",
                "{\"id\":\"compound\",\"title\":\"物业\",\"text\":\"我们小区物业不作为，业主意见很大\"}",
                "{\"id\":\"policy\",\"title\":\"社保\",\"text\":\"请问灵活就业人员的社保怎么缴纳\"}"), StandardCharsets.UTF_8);
        Path labels = tmp.resolve("area.csv");
        Files.writeString(labels, "id,area,reason,reader\nvillage,农村,ev:村,r\ncompound,城市,ev:小区,r\n"
                + "policy,城市,a reader's slip,r\n", StandardCharsets.UTF_8);

        int code = minyi("evaluate", "area", "--labels", labels.toString(), "--messages", messages.toString(),
                "--errors");

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("农村: precision 1.000 (1 of 1 answers), recall 1.000 (1 of 1 messages)"),
                out.toString());
        assertTrue(out.toString().contains("城镇: precision 1.000 (1 of 1 answers), recall 0.500 (1 of 2 messages)"),
                out.toString());
        assertTrue(out.toString().contains("policy  hand 城镇  answer neither"), out.toString());
        assertFalse(out.toString().contains("灵活就业"), "ids and labels only, never the text");
    }

    @Test
    void checkedGroupAnswersGivePrecisionWithAWilsonInterval() throws Exception {
        Path verdicts = tmp.resolve("verdicts.csv");
        StringBuilder rows = new StringBuilder("id,kind,label,verdict,reason,reader\n");
        for (int i = 0; i < 20; i++) {
            rows.append("m").append(i).append(",group,老年人,").append(i < 18 ? "right" : "wrong").append(",r,g\n");
        }
        rows.append("s1,stage,老年,right,r,g\n");
        Files.writeString(verdicts, rows, StandardCharsets.UTF_8);

        int code = minyi("evaluate", "group-answers", "--verdicts", verdicts.toString());

        assertEquals(0, code, err.toString());
        // 18 of 20: Wilson's 95 % interval is 0.699–0.972
        String table = out.toString().replaceAll(" +", " ");
        assertTrue(table.contains("group 老年人 18 20 0.900 0.699–0.972"), table);
        assertTrue(table.contains("stage (all) 1 1 1.000"), table);
    }

    @Test
    void aDrawOfAnswersLeavesOutCopiesOfLabelledMessagesFoundInAnotherFile() throws Exception {
        System.setProperty("minyi.encoder.enabled", "false");
        String old = "我父亲今年七十五岁，独自住在老小区五楼，没有电梯，希望给老人加装电梯方便出行。";
        Path seen = tmp.resolve("seen.jsonl");
        Files.writeString(seen, "{\"id\":\"s1\",\"text\":\"" + old + "\"}\n", StandardCharsets.UTF_8);
        Path pool = tmp.resolve("pool.jsonl");
        Files.writeString(pool, String.join("\n",
                "{\"id\":\"copy\",\"text\":\"" + old.replace("，", " ").replace("。", "") + "\"}",
                "{\"id\":\"fresh\",\"text\":\"我母亲今年八十岁，腿脚不便，希望社区为高龄老人提供上门送餐服务。\"}"),
                StandardCharsets.UTF_8);
        Path sample = tmp.resolve("sample.csv");
        // the labelled message's id as the importer names it
        String seenId = LabelledMessages.messagesById(List.of(seen), id -> true).firstKey();
        Path labels = tmp.resolve("labels.csv");
        Files.writeString(labels, "id\n" + seenId + "\n", StandardCharsets.UTF_8);

        int code = minyi("evaluate", "group-answers", "--draw", "5", "--kind", "stage", "--labels", labels.toString(),
                "--messages", pool.toString(), "--seen-in", seen.toString(), "--sample", sample.toString(),
                "--batches", tmp.resolve("batches").toString());

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("(1 more left out as copies of labelled or earlier-drawn messages)"),
                out.toString());
        List<String> drawn = Files.readAllLines(sample, StandardCharsets.UTF_8);
        assertTrue(drawn.stream().noneMatch(line -> line.contains("copy")), drawn.toString());
        assertTrue(drawn.stream().anyMatch(line -> line.contains("fresh")), "the fresh one is drawn: " + drawn);
    }

    @Test
    void evaluateDemandsListsTheTopPhrasesWithCountsAndExampleIds() throws Exception {
        Path messages = tmp.resolve("messages.csv");
        Files.writeString(messages, String.join("\n",
                "留言编号,留言主题,留言详情,一级分类",
                "a1,路灯坏了,小区路灯坏了半年，希望尽快修复路灯。,城乡建设",
                "a2,路灯,我们这里的路灯不亮，请尽快维修路灯。,城乡建设",
                "a3,路灯,路灯一直不亮，恳请修好路灯。,城乡建设",
                "b1,欠薪,公司拖欠工资半年，请求尽快补发拖欠工资。,劳动和社会保障",
                "c1,问候,感谢政府的关心。,城乡建设"), StandardCharsets.UTF_8);

        int code = minyi("evaluate", "demands", "--messages", messages.toString(), "--top", "5");

        assertEquals(0, code, err.toString());
        String list = out.toString().replaceAll(" +", " ");
        assertTrue(list.contains("5 messages, 4 with a demand phrase, 2 distinct phrases"), list);
        assertTrue(list.contains("1 3 修复路灯 a1 a2\n"), "the most asked first, with two example ids: " + list);
        assertTrue(list.contains("2 1 补发工资 b1\n"), list);
        assertFalse(list.contains("半年"), "ids and phrases only, never the text");

        out.getBuffer().setLength(0);
        code = minyi("evaluate", "demands", "--messages", messages.toString(), "--topic", "劳动和社会保障");

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("(劳动和社会保障): 1 messages, 1 with a demand phrase"), out.toString());
        assertFalse(out.toString().contains("修复路灯"), out.toString());
    }

    @Test
    void evaluateDemandsRefusesTheShangluoLetters() throws Exception {
        Path letters = tmp.resolve("shangluo-mayor-mailbox-letters.csv");
        Files.writeString(letters, "留言主题,留言详情\n路灯,请修复路灯\n", StandardCharsets.UTF_8);

        int code = minyi("evaluate", "demands", "--messages", letters.toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("the Shangluo letters are for out-of-domain evaluation only"),
                err.toString());
        assertTrue(out.toString().isEmpty(), "nothing of the letters is listed: " + out);
    }

    @Test
    void drawUnsureWritesTheUnlabelledMessagesTheTopicModelIsLeastSureOfAsBatchesAndAnIdOnlySample() throws Exception {
        String labelledText = "小区门口的路灯坏了三个月，晚上一片漆黑，希望尽快修复路灯。";
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("labelled", labelledText);
        texts.put("copy", labelledText.replace("，", " "));
        texts.put("wage", "公司拖欠我们工资半年了，请劳动监察部门督促补发工资。");
        texts.put("school", "孩子今年上小学，请问学区怎么划分，户口不在本区能不能入学？");
        texts.put("mixed", "小区旁边的工地晚上施工，渣土车占道，灰尘大，路也被压坏了。");
        Path messages = tmp.resolve("messages.jsonl");
        StringBuilder lines = new StringBuilder();
        texts.forEach((id, text) -> lines.append("{\"id\":\"").append(id).append("\",\"title\":\"留言\",\"text\":\"")
                .append(text).append("\"}\n"));
        Files.writeString(messages, lines, StandardCharsets.UTF_8);
        Map<String, String> idOf = new LinkedHashMap<>();
        LabelledMessages.messagesById(List.of(messages), id -> true).forEach((id, m) ->
                texts.forEach((key, text) -> {
                    if (m.text().equals(text)) {
                        idOf.put(key, id);
                    }
                }));
        Path labels = tmp.resolve("labels.csv");
        Files.writeString(labels, "id,topic,attitude,domains,groups,stages,reason,reader,guide\n" + idOf.get("labelled")
                + ",城乡建设,negative,城市管理,,,street light,r-01,v2\n", StandardCharsets.UTF_8);
        Path sample = tmp.resolve("sample.csv");
        Path batches = tmp.resolve("batches");

        int code = minyi("labels", "draw-unsure", "--messages", messages.toString(), "--labels", labels.toString(),
                "--count", "2", "--batch-size", "1", "--double", "1", "--first-batch", "3",
                "--sample", sample.toString(), "--batches", batches.toString());

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains(
                "3 unlabelled messages (left out: 1 labelled, 0 repeated texts, 1 near-copies"), out.toString());
        List<String> rows = Files.readAllLines(sample, StandardCharsets.UTF_8);
        assertEquals("id,source,batch,double", rows.getFirst());
        assertEquals(3, rows.size(), rows.toString());
        List<String> drawn = rows.subList(1, 3).stream().map(r -> r.split(",")[0]).toList();
        assertFalse(drawn.contains(idOf.get("labelled")) || drawn.contains(idOf.get("copy")), drawn.toString());
        // the one left out is the one the distilled model is surest of
        TopicModel model = TopicModel.load(Path.of("models/topic"), TopicModel.DISTILLED_FILE_NAME);
        Segmenter segmenter = new Segmenter(DomainDictionary.load(Path.of("dictionaries")));
        Map<String, Double> margin = new LinkedHashMap<>();
        for (String key : List.of("wage", "school", "mixed")) {
            String text = TitleAndText.analysed("留言", texts.get(key));
            margin.put(idOf.get(key), DrawUnsure.margin(model.probabilities(segmenter.contentWords(text), text)));
        }
        String surest = margin.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertFalse(drawn.contains(surest), margin + " drew " + drawn);
        assertTrue(rows.stream().allMatch(r -> r.chars().noneMatch(c -> c >= 0x4E00 && c <= 0x9FFF)),
                "ids only, never the text: " + rows);
        assertEquals(1, rows.stream().filter(r -> r.endsWith(",yes")).count(), "one is read twice");
        assertTrue(Files.readString(batches.resolve("batch-t03.txt")).contains("正文: "), "a later round goes on");
        assertTrue(Files.isRegularFile(batches.resolve("batch-t04.txt")));
        assertTrue(Files.isRegularFile(batches.resolve("double-t03.txt")));
        assertTrue(rows.get(1).contains(",batch-t03,") || rows.get(1).contains(",batch-t04,"), rows.toString());
    }

    @Test
    void drawUnsureRefusesTheShangluoLettersAndSaysWhenNothingIsLeftToDraw() throws Exception {
        Path letters = tmp.resolve("shangluo-mayor-mailbox-letters.csv");
        Files.writeString(letters, "留言主题,留言详情\n路灯,请修复路灯\n", StandardCharsets.UTF_8);

        int code = minyi("labels", "draw-unsure", "--messages", letters.toString(), "--batches", tmp.toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("never read for labels"), err.toString());

        Path empty = tmp.resolve("empty.jsonl");
        Files.writeString(empty, "", StandardCharsets.UTF_8);
        Path labels = tmp.resolve("labels.csv");
        Files.writeString(labels, "id,topic,attitude,domains,groups,stages,reason,reader,guide\n",
                StandardCharsets.UTF_8);
        err.getBuffer().setLength(0);

        code = minyi("labels", "draw-unsure", "--messages", empty.toString(), "--labels", labels.toString(),
                "--batches", tmp.resolve("b").toString(), "--sample", tmp.resolve("s.csv").toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("no unlabelled message to draw"), err.toString());
    }

    @Test
    void theMarginIsTheGapBetweenTheFirstAndTheSecondAnswer() {
        assertEquals(0.2, DrawUnsure.margin(new double[] {0.3, 0.5, 0.2}), 1e-9);
        assertEquals(0.0, DrawUnsure.margin(new double[] {0.4, 0.4, 0.2}), 1e-9);
    }

    @Test
    void evaluateAreaRefusesALabelTheGuideDoesNotHave() throws Exception {
        Path labels = tmp.resolve("area.csv");
        Files.writeString(labels, "id,area,reason,reader\na,郊区,?,r\n", StandardCharsets.UTF_8);

        int code = minyi("evaluate", "area", "--labels", labels.toString(), "--messages", labels.toString());

        assertEquals(2, code);
        assertTrue(err.toString().contains("area must be 农村, 城市 or 不明, was 郊区"), err.toString());
    }

    @Test
    void analyzeWritesOneResultPerGoodLineInOrderAndReportsBadLines() throws Exception {
        Path in = tmp.resolve("in.jsonl");
        Path outFile = tmp.resolve("out.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\":\"a\",\"text\":\"小区门口垃圾堆积发臭，联系电话13912345678，希望环卫部门尽快清运。\"}",
                "{\"id\":\"b\",\"title\":\"公交线路\",\"text\":\"建议增开到高铁站的公交线路\"}",
                "not json",
                "{\"id\":\"c\"}",
                "{\"id\":\"d\",\"text\":\"感谢社区工作人员的耐心帮助\"}"), StandardCharsets.UTF_8);

        int code = minyi("analyze", "--input", in.toString(), "--output", outFile.toString());

        assertEquals(1, code, "some lines were bad");
        List<String> lines = Files.readAllLines(outFile, StandardCharsets.UTF_8);
        assertEquals(List.of("a", "b", "d"), lines.stream().map(l -> json.readTree(l).get("id").asString()).toList());
        JsonNode first = json.readTree(lines.get(0));
        assertFalse(first.get("maskedText").asString().contains("13912345678"));
        assertTrue(first.get("demand").asString().contains("清运"), first.toString());
        assertTrue(List.of("negative", "neutral", "positive").contains(first.get("sentiment").asString()));
        double score = first.get("sentimentScore").asDouble();
        assertTrue(score >= -1 && score <= 1);
        assertTrue(err.toString().contains("line 3: not valid JSON"), err.toString());
        assertTrue(err.toString().contains("line 4: message c: missing \"text\""), err.toString());
    }

    @Test
    void importOfTheRealVotesFileIndexesEveryMessageOnceEvenWhenRepeated() {
        assumeTrue(Files.isRegularFile(VOTES), "real data not found at " + VOTES.toAbsolutePath());
        // Once-only indexing does not depend on the sentence vectors; with the encoder the two imports take minutes.
        System.setProperty("minyi.encoder.enabled", "false");

        assertEquals(0, minyi("import", VOTES.toString()), err.toString());
        assertTrue(out.toString().contains("4326 rows read, 4326 imported, 0 rejected"), out.toString());
        assertTrue(out.toString().contains("index now holds 4,326"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, minyi("import", VOTES.toString()), err.toString());
        assertTrue(out.toString().contains("index now holds 4,326"), "re-import must update, not duplicate: " + out);
    }

    @Test
    void analyzeUsesTheWordsAdminsAddedInTheService() throws Exception {
        Path adminWords = tmp.resolve("data").resolve("dictionaries").resolve("admin-words.txt");
        Files.createDirectories(adminWords.getParent());
        Files.writeString(adminWords, "青禾湾综合执法办 nt 1000\n", StandardCharsets.UTF_8);
        Path in = tmp.resolve("in.jsonl");
        Path outFile = tmp.resolve("out.jsonl");
        Files.writeString(in, "{\"id\":\"w\",\"text\":\"青禾湾综合执法办对占道经营长期不管，希望尽快整治。\"}\n",
                StandardCharsets.UTF_8);

        assertEquals(0, minyi("analyze", "--input", in.toString(), "--output", outFile.toString()), err.toString());

        JsonNode result = json.readTree(Files.readAllLines(outFile, StandardCharsets.UTF_8).getFirst());
        assertTrue(result.get("departments").toString().contains("青禾湾综合执法办"), result.toString());
    }

    @Test
    void importOfAMissingFileSaysSo() {
        assertEquals(2, minyi("import", tmp.resolve("nope.csv").toString()));
        assertTrue(err.toString().contains("no such file"), err.toString());
    }

    @Test
    void trainDistilRefusesALabelWeightBelowOneBeforeAnyWork() {
        assertEquals(2, minyi("train", "distil", "--labelled-copies", "0"));
        assertTrue(err.toString().contains("--labelled-copies must be >= 1, was 0"), err.toString());
    }

    @Test
    void trainDistilIsATrainCommand() {
        assertEquals(0, minyi("train", "distil", "--help"));
        assertTrue(out.toString().contains("--labelled-copies") && out.toString().contains("--teddy"), out.toString());
    }
}
