package org.minyi.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.minyi.MinYiSettings;
import org.minyi.MinYiStack;
import org.minyi.message.Message;

/**
 * The one contract every analysis step keeps (after Lucene's BaseTokenStreamTestCase): every step MinYi knows, built
 * from the production resources, is fed the same hard messages — an empty title, a text past the analysed cap,
 * lone surrogates, control characters, only punctuation, emoji, and personal data — and must
 * <ul>
 *   <li>add every fact it declares and touch no fact it does not declare (MessageFacts fails at once otherwise);</li>
 *   <li>give the same facts twice in a row, on two threads at once, and in a batch as one by one;</li>
 *   <li>never let a raw phone, ID or bank-card number through into anything it adds.</li>
 * </ul>
 * A new step registered in {@link AnalysisSteps} is held to this without writing a line here.
 */
class AnalysisStepContractTest {

    private static final String PHONE = "13812345678";
    private static final String ID = "11010519491231002X";
    private static final String CARD = "6222021234567890128";

    private static AnalysisSteps.Resources resources;

    @BeforeAll
    static void productionResources() {
        resources = MinYiStack.resources(MinYiSettings.from(key -> null));
    }

    @AfterAll
    static void closeEncoder() {
        if (resources.encoder() != null) {
            resources.encoder().close();
        }
    }

    static List<String> steps() {
        return List.copyOf(AnalysisSteps.known());
    }

    /** Hard messages: each becomes the input of every step. */
    static List<Message> hardMessages() {
        String longText = "小区路灯坏了，晚上一片漆黑。".repeat(AnalysisPipeline.MAX_ANALYSED_CHARS / 14 + 50);
        return List.of(
                new Message("no-title", null, null, null, "路灯坏了三个月，请修复。", null, null, null, null, null),
                new Message("empty-title", null, null, "", "路灯坏了", null, null, null, null, null),
                new Message("long", null, null, "路灯".repeat(30_000), longText, null, null, null, null, null),
                new Message("surrogates", null, null, "\uD83D标题\uDC00", "正文\uD800\uD800内容\uDFFF😀😀", null, null,
                        null, null, null),
                new Message("controls", null, null, "\u0000\u0007标题", "\u001B正文\u202E\u200B\uFFFE", null, null,
                        null, null, null),
                new Message("punctuation", null, null, "！？", "，。！？；：、“”…—·,.!?;:'\"()[]{}", null, null, null,
                        null, null),
                new Message("pii", null, null, "回电" + PHONE, "我叫张三，身份证" + ID + "，卡号" + CARD + "，电话" + PHONE
                        + "，邮箱zhang@qq.com，A3区物业不管事。", null, "A3区", null, null, null),
                new Message("latin", null, null, "ETC问题", "The ETC lane at A3区 is broken. 请处理。", null, null, null,
                        null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void addsExactlyWhatItDeclaresOnEveryHardMessage(String name) {
        AnalysisStep step = step(name);
        for (Message message : hardMessages()) {
            MessageFacts facts = factsBefore(step, message);
            facts.enter(step);
            step.apply(facts);
            facts.enter(null);
            for (Fact<?> fact : step.adds()) {
                assertThat(facts.has(fact)).as("%s on %s adds %s", name, message.id(), fact).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void isDeterministicAndGivesTheSameInABatchAsOneByOne(String name) {
        AnalysisStep step = step(name);
        List<Message> messages = hardMessages();
        List<Map<String, Object>> alone = new ArrayList<>();
        for (Message message : messages) {
            alone.add(added(step, message));
        }
        for (int i = 0; i < messages.size(); i++) {
            assertEquals(alone.get(i), added(step, messages.get(i)), name + " twice on " + messages.get(i).id());
        }
        List<MessageFacts> batch = new ArrayList<>();
        for (Message message : messages) {
            MessageFacts facts = factsBefore(step, message);
            facts.enter(step);
            batch.add(facts);
        }
        step.applyAll(batch);
        for (int i = 0; i < messages.size(); i++) {
            assertEquals(alone.get(i), comparable(step, batch.get(i)), name + " in a batch on " + messages.get(i).id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void isSafeOnTwoThreadsAtOnce(String name) throws Exception {
        AnalysisStep step = step(name);
        List<Message> messages = hardMessages();
        List<Map<String, Object>> expected = new ArrayList<>();
        for (Message message : messages) {
            expected.add(added(step, message));
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Map<String, Object>>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (Message message : messages) {
                    results.add(threads.submit(() -> added(step, message)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(expected.get(i % messages.size()), results.get(i).get(), name + " concurrently");
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void letsNoRawPersonalNumberThrough(String name) {
        AnalysisStep step = step(name);
        Message pii = hardMessages().stream().filter(m -> m.id().equals("pii")).findFirst().orElseThrow();
        String everything = added(step, pii).toString();
        for (String secret : List.of(PHONE, ID, CARD, "zhang@qq.com")) {
            assertThat(everything).as("%s adds raw %s", name, secret).doesNotContain(secret);
        }
    }

    private static AnalysisStep step(String name) {
        return AnalysisSteps.named(List.of(name), resources).getFirst();
    }

    /** The facts of the steps before this one in the standard order (or of all earlier steps it needs). */
    private static MessageFacts factsBefore(AnalysisStep step, Message message) {
        MessageFacts facts = new MessageFacts();
        facts.seed(Facts.MESSAGE, message);
        for (String earlier : AnalysisSteps.order()) {
            if (earlier.equals(step.name())) {
                break;
            }
            AnalysisStep before = step(earlier);
            facts.enter(before);
            before.apply(facts);
        }
        return facts;
    }

    private static Map<String, Object> added(AnalysisStep step, Message message) {
        MessageFacts facts = factsBefore(step, message);
        facts.enter(step);
        step.apply(facts);
        return comparable(step, facts);
    }

    /** The added facts by name, arrays and HanLP terms turned into comparable values. */
    private static Map<String, Object> comparable(AnalysisStep step, MessageFacts facts) {
        facts.enter(null);
        Map<String, Object> values = new LinkedHashMap<>();
        step.adds().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(fact -> {
            Object value = facts.valueOr(fact, null);
            if (value instanceof float[] vector) {
                value = Arrays.toString(vector);
            } else if (value instanceof List<?> list) {
                value = list.stream().map(Objects::toString).toList();
            }
            values.put(fact.name(), value);
        });
        return values;
    }
}
