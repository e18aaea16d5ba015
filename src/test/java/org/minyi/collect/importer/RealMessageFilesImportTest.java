package org.minyi.collect.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.minyi.message.Channel;
import org.minyi.message.Message;

/**
 * Imports every real message file as it is, with the mapping chosen automatically. Row counts were checked
 * independently with Python's csv module (records minus the header line, where there is one):
 * {@code python3 -c "import csv,sys; print(len(list(csv.reader(open(sys.argv[1], encoding='utf-8', newline='')))))" FILE}
 */
class RealMessageFilesImportTest {

    private final FileImporter importer = new FileImporter();

    private ImportReport importAll(Path file, CollectingSink sink) {
        return importer.run(file, ImportOptions.defaults(), sink, ImportProgress.NONE);
    }

    @Test
    void withVotesFileImportsEveryRowAndReadsVoteColumnsByName() {
        CollectingSink sink = new CollectingSink();
        ImportReport report = importAll(RealFiles.require("teddy2020-messages-with-votes.csv"), sink);

        assertThat(report.mapping()).isEqualTo("teddy2020-with-votes");
        assertThat(report.rowsRead()).isEqualTo(4_326);
        assertThat(report.accepted()).isEqualTo(4_326);
        assertThat(report.errors()).isEmpty();
        assertThat(sink.byId).hasSize(4_326);

        // The header says 反对数 (against) before 点赞数 (likes): 208636 has 0 against and 2097 likes.
        Message mostLiked = sink.get("teddy2020-votes:208636");
        assertThat(mostLiked.votes().likes()).isEqualTo(2097);
        assertThat(mostLiked.votes().against()).isZero();
        Message mostOpposed = sink.get("teddy2020-votes:203187");
        assertThat(mostOpposed.votes().against()).isEqualTo(53);
        assertThat(mostOpposed.votes().likes()).isEqualTo(10);
    }

    @Test
    void withVotesFileKeepsFieldsAndReadsTimesInShanghai() {
        CollectingSink sink = new CollectingSink();
        importAll(RealFiles.require("teddy2020-messages-with-votes.csv"), sink);

        Message first = sink.get("teddy2020-votes:188006");
        assertThat(first.source()).isEqualTo("teddy2020-votes");
        assertThat(first.channel()).isEqualTo(Channel.BOARD);
        assertThat(first.title()).isEqualTo("A3区一米阳光婚纱艺术摄影是否合法纳税了？");
        // 2019/2/28 11:25:05 in Asia/Shanghai (UTC+8)
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2019-02-28T03:25:05Z"));
        // The cell is wrapped in newlines and tab runs; the body itself is kept.
        assertThat(first.text()).startsWith("座落在A市A3区联丰路米兰春天G2栋320").endsWith("应该会怎么操作！");
    }

    @Test
    void multiLineBodiesStayIntact() {
        CollectingSink sink = new CollectingSink();
        importAll(RealFiles.require("teddy2020-messages-with-votes.csv"), sink);

        String text = sink.get("teddy2020-votes:206355").text();
        assertThat(text).startsWith("一、做为A市伊景园滨河苑项目最终买单的吃瓜群众，我们需要知情权\n(一)限价4500到均价5500依据何在？\n\n(二)")
                .endsWith("我们的利益需要得到保障。");
        assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(15);
    }

    @Test
    void withRepliesFileKeepsTheOfficialReplyAndItsTime() {
        CollectingSink sink = new CollectingSink();
        ImportReport report = importAll(RealFiles.require("teddy2020-messages-with-replies.csv"), sink);

        assertThat(report.mapping()).isEqualTo("teddy2020-with-replies");
        assertThat(report.rowsRead()).isEqualTo(2_816);
        assertThat(report.accepted()).isEqualTo(2_816);
        Message message = sink.get("teddy2020-replies:2549");
        assertThat(message.createdAt()).isEqualTo(Instant.parse("2019-04-25T01:32:09Z"));
        assertThat(message.reply().text()).startsWith("现将网友在平台《问政西地省》栏目向胡华衡书记留言反映");
        assertThat(message.reply().time()).isEqualTo(Instant.parse("2019-05-10T06:56:53Z"));
        // one reply time in the file is a bare date: 2018/4/24 → midnight in Shanghai
        assertThat(sink.get("teddy2020-replies:27610").reply().time()).isEqualTo(Instant.parse("2018-04-23T16:00:00Z"));
    }

    @Test
    void labelledRawFileImportsAll921Messages() {
        CollectingSink sink = new CollectingSink();
        ImportReport report = importAll(RealFiles.require("teddy2020-messages-labeled-raw-921.csv"), sink);

        assertThat(report.mapping()).isEqualTo("teddy2020-labeled");
        assertThat(report.rowsRead()).isEqualTo(921);
        assertThat(report.accepted()).isEqualTo(921);
        Message message = sink.get("teddy2020-labeled:154061");
        assertThat(message.title()).isEqualTo("茶叶生产许可证能否简政放权");
        assertThat(message.createdAt()).isEqualTo(Instant.parse("2018-06-14T09:32:20Z"));
    }

    /**
     * The file has no header: all 9,210 records are messages (the data README's 9,209 counts one line as a header).
     * Without an id column the ids are hashes of the text, so the 133 rows that repeat an earlier text share its id.
     */
    @Test
    void segmentedFileWithoutHeaderIsRecognisedByItsShape() {
        CollectingSink sink = new CollectingSink();
        ImportReport report = importAll(RealFiles.require("teddy2020-messages-labeled-segmented.csv"), sink);

        assertThat(report.mapping()).isEqualTo("teddy2020-segmented");
        assertThat(report.rowsRead()).isEqualTo(9_210);
        assertThat(report.accepted()).isEqualTo(9_210);
        assertThat(sink.byId).hasSize(9_077);
        Message first = sink.messages.getFirst();
        assertThat(first.text()).startsWith("市 西湖 建筑 集团 占 道 施工 安全隐患");
        assertThat(first.id()).isEqualTo("teddy2020-segmented:" + MessageMapper.hash(first.text()));
    }

    @Test
    void segmentedIdsAreTheSameOnEveryImport() {
        Path file = RealFiles.require("teddy2020-messages-labeled-segmented.csv");
        CollectingSink once = new CollectingSink();
        CollectingSink twice = new CollectingSink();
        importAll(file, once);
        importAll(file, twice);

        assertThat(twice.byId.keySet()).containsExactlyElementsOf(once.byId.keySet());
    }

    @Test
    void shangluoLettersImportWithRepliesAndEmptyLettersAreReportedByLine() {
        CollectingSink sink = new CollectingSink();
        ImportReport report = importAll(RealFiles.require("shangluo-mayor-mailbox-letters.csv"), sink);

        assertThat(report.mapping()).isEqualTo("shangluo-mayor-mailbox");
        assertThat(report.rowsRead()).isEqualTo(1_179);
        // Two letters have an empty body (a lone no-break space, and nothing): lines 690 and 3201.
        assertThat(report.rejected()).isEqualTo(2);
        assertThat(report.accepted()).isEqualTo(1_177);
        assertThat(report.errors()).extracting(RowError::line).containsExactly(690L, 3201L);
        assertThat(report.errors()).allSatisfy(error ->
                assertThat(error.problem()).contains("text is empty", "column 'query'"));
        // mail_id repeats across different letters; the site's leadermailid does not
        assertThat(sink.byId).hasSize(1_177);

        Message letter = sink.get("shangluo-mayor-mailbox:9169");
        assertThat(letter.title()).isEqualTo("洛南县东风砖厂的路何时硬化");
        assertThat(letter.createdAt()).isEqualTo(Instant.parse("2022-05-09T16:00:00Z"));
        assertThat(letter.reply().agency()).isEqualTo("洛南县人民政府办公室");
        assertThat(letter.reply().time()).isEqualTo(Instant.parse("2022-05-11T16:00:00Z"));
        assertThat(letter.reply().text()).startsWith("网友你好，你反映的问题洛南县政府高度重视");
        assertThat(letter.url()).endsWith("leadermailid=9169");
    }
}
