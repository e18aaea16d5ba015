package org.minyi.collect.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.message.Channel;
import org.minyi.message.Message;

class HotlineImportTest {

    private static final List<SyntheticWorkOrders.Order> ORDERS = SyntheticWorkOrders.orders(24);

    @TempDir
    Path dir;

    @Test
    void csvExportIsRecognisedAsHotlineAndEveryWorkOrderColumnLandsInItsField() throws IOException {
        Path csv = SyntheticWorkOrders.csv(dir.resolve("orders.csv"), SyntheticWorkOrders.HEADER_A, ORDERS);

        CollectingSink sink = new CollectingSink();
        ImportReport report = new FileImporter().run(csv, ImportOptions.defaults(), sink, update -> { });

        assertThat(report.mapping()).isEqualTo("hotline-12345");
        assertThat(report.accepted()).isEqualTo(ORDERS.size());
        assertThat(report.rejected()).isZero();
        for (SyntheticWorkOrders.Order order : ORDERS) {
            assertMatches(sink.get("hotline-12345:" + order.id()), order);
        }
    }

    @Test
    void xlsxExportInTheOtherWordingWithDateCellsGivesTheSameMessagesAsTheCsv() throws IOException {
        Path csv = SyntheticWorkOrders.csv(dir.resolve("orders.csv"), SyntheticWorkOrders.HEADER_A, ORDERS);
        Path xlsx = SyntheticWorkOrders.xlsx(dir.resolve("orders.xlsx"), SyntheticWorkOrders.HEADER_B, ORDERS);

        CollectingSink fromCsv = new CollectingSink();
        new FileImporter().run(csv, ImportOptions.defaults(), fromCsv, update -> { });
        CollectingSink fromXlsx = new CollectingSink();
        ImportReport report = new FileImporter().run(xlsx, ImportOptions.defaults(), fromXlsx, update -> { });

        assertThat(report.mapping()).isEqualTo("hotline-12345");
        assertThat(report.rejected()).isZero();
        assertThat(fromXlsx.messages).isEqualTo(fromCsv.messages);
    }

    @Test
    void jsonLinesReadWithTheHotlineMappingTakeWhicheverKeyEachRecordHas() throws IOException {
        Path jsonl = SyntheticWorkOrders.jsonLines(dir.resolve("orders.jsonl"), SyntheticWorkOrders.HEADER_B, ORDERS);

        CollectingSink sink = new CollectingSink();
        ImportReport report = new FileImporter().run(jsonl,
                ImportOptions.defaults().withMapping(ColumnMapping.builtIn("hotline-12345")), sink, update -> { });

        assertThat(report.rejected()).isZero();
        for (SyntheticWorkOrders.Order order : ORDERS) {
            assertMatches(sink.get("hotline-12345:" + order.id()), order);
        }
    }

    @Test
    void anOrderStillBeingHandledHasNoReplyButKeepsItsDepartment() throws IOException {
        SyntheticWorkOrders.Order open = ORDERS.get(3);
        assertThat(open.reply()).as("fixture: every fourth order is open").isNull();
        Path csv = SyntheticWorkOrders.csv(dir.resolve("open.csv"), SyntheticWorkOrders.HEADER_A, List.of(open));

        CollectingSink sink = new CollectingSink();
        new FileImporter().run(csv, ImportOptions.defaults(), sink, update -> { });

        Message message = sink.get("hotline-12345:" + open.id());
        assertThat(message.reply()).isNull();
        assertThat(message.workOrder().department()).isEqualTo(open.department());
        assertThat(message.workOrder().status()).isEqualTo("办理中");
    }

    @Test
    void aSeparateReplyingAgencyColumnIsNotOverriddenByTheDepartment() throws IOException {
        ColumnMapping mapping = ColumnMapping.parse("""
                channel: hotline
                fields:
                  id: 工单编号
                  text: 诉求内容
                  reply.text: 答复内容
                  reply.agency: 答复单位
                  workOrder.department: 承办单位
                """, "own");
        Path csv = java.nio.file.Files.writeString(dir.resolve("own.csv"), """
                工单编号,诉求内容,答复内容,答复单位,承办单位
                A1,小区路灯不亮,已修复,街道办事处,区城市管理局
                """);

        CollectingSink sink = new CollectingSink();
        new FileImporter().run(csv, ImportOptions.defaults().withMapping(mapping), sink, update -> { });

        assertThat(sink.get("A1").reply().agency()).isEqualTo("街道办事处");
        assertThat(sink.get("A1").workOrder().department()).isEqualTo("区城市管理局");
    }

    @Test
    void aHeaderMissingAFieldNamesEveryAlternativeColumnOfIt() throws IOException {
        List<String> withoutSatisfaction = SyntheticWorkOrders.HEADER_A.subList(0, 9);
        Path csv = SyntheticWorkOrders.csv(dir.resolve("short.csv"), withoutSatisfaction, List.of());

        assertThatThrownBy(() -> new FileImporter().run(csv,
                ImportOptions.defaults().withMapping(ColumnMapping.builtIn("hotline-12345")),
                new CollectingSink(), update -> { }))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("满意度 | 回访满意度 (workOrder.satisfaction)");
    }

    @Test
    void alternativesNeedAHeader() {
        assertThatThrownBy(() -> ColumnMapping.parse("header: false\nfields:\n  text: [0, 1]\n", "bad"))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("text needs one column index");
    }

    private static void assertMatches(Message message, SyntheticWorkOrders.Order order) {
        assertThat(message.channel()).isEqualTo(Channel.HOTLINE);
        assertThat(message.source()).isEqualTo("hotline-12345");
        assertThat(message.text()).isEqualTo(order.content());
        assertThat(message.region()).isEqualTo(order.region());
        assertThat(message.createdAt()).isEqualTo(inChina(order.calledAt()));
        assertThat(message.workOrder()).isEqualTo(new Message.WorkOrder(order.category(), order.status(),
                order.satisfaction(), order.department()));
        if (order.reply() == null) {
            assertThat(message.reply()).isNull();
        } else {
            assertThat(message.reply().text()).isEqualTo(order.reply());
            assertThat(message.reply().time()).isEqualTo(inChina(order.repliedAt()));
            assertThat(message.reply().agency()).as("the handling department answers").isEqualTo(order.department());
        }
    }

    private static Instant inChina(LocalDateTime time) {
        return time.atZone(ColumnMapping.DEFAULT_ZONE).toInstant();
    }
}
