package org.minyi.analysis.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.collect.importer.FileImporter;
import org.minyi.collect.importer.ImportOptions;
import org.minyi.collect.importer.ImportProgress;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * MinYi's WordPiece tokenizer gives the ids of the reference Hugging Face tokenizer (Rust, through DJL) for the
 * model's own tokenizer.json — with lower-casing on, as the original BGE model was trained — on real messages and
 * on awkward text, and cuts at the same place.
 */
class WordPieceTokenizerTest {

    private static final Path MESSAGES = Path.of("..", "shared", "data", "gov-messages",
            "teddy2020-messages-with-votes.csv");

    @Test
    void givesTheReferenceIdsOnRealMessagesAndAwkwardText(@TempDir Path dir) throws Exception {
        WordPieceTokenizer ours;
        byte[] json;
        try (InputStream in = getClass().getResourceAsStream("/bge-small-zh-v1.5-q-tokenizer.json")) {
            json = in.readAllBytes();
        }
        ours = WordPieceTokenizer.fromTokenizerJson(new java.io.ByteArrayInputStream(json));
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(json);
        ((ObjectNode) tree.get("normalizer")).put("lowercase", true);
        Path reference = dir.resolve("tokenizer.json");
        Files.writeString(reference, tree.toString(), StandardCharsets.UTF_8);

        List<String> texts = new ArrayList<>(List.of("A3区ETC车道坏了，请尽快修复！", "Ｅｍａｉｌ：zhang@qq.com 【手机号】",
                "café naïve ÀÉÎ", "😀表情\u200B零宽\u0007控制", "   ", "１２３４５６ 全角", "𠀀扩展汉字𪚥", "co-op's \"quote\"",
                "supercalifragilisticexpialidocious" + "x".repeat(120)));
        if (Files.isRegularFile(MESSAGES)) {
            new FileImporter().run(MESSAGES, ImportOptions.defaults(), m -> {
                if (texts.size() < 600) {
                    texts.add(m.title() + "\n" + m.text());
                }
            }, ImportProgress.NONE);
        }
        for (int max : new int[] {16, 256}) {
            try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(reference, Map.of(
                    "maxLength", Integer.toString(max), "truncation", "true", "padding", "false"))) {
                for (String text : texts) {
                    long[] expected = hf.encode(text).getIds();
                    int[] actual = ours.encode(text, max);
                    assertThat(Arrays.stream(actual).asLongStream().toArray()).as("%s (max %d)", text, max)
                            .isEqualTo(expected);
                }
            }
        }
        assumeTrue(texts.size() > 100, "real messages at " + MESSAGES + " not found: only the awkward texts checked");
    }
}
