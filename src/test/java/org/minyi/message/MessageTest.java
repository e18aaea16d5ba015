package org.minyi.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MessageTest {

    @Test
    void idAndTextAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> Message.of(" ", "text"));
        assertThrows(IllegalArgumentException.class, () -> Message.of("1", "  "));
    }

    @Test
    void laterPartialVersionKeepsWhatItDoesNotKnow() {
        Instant asked = Instant.parse("2019-02-28T03:25:05Z");
        Message withVotes = new Message("188006", "teddy", Channel.BOARD, "路灯不亮", "路灯坏了", asked, "A3区", null,
                new Votes(12, 1), null);
        Message withReply = new Message("188006", "teddy", null, null, "路灯坏了，请修", null, null, null, null,
                new Reply("已修复", "住建局", asked.plusSeconds(86400)));

        Message merged = withReply.mergedOver(withVotes);

        assertEquals("路灯坏了，请修", merged.text());
        assertEquals(new Votes(12, 1), merged.votes());
        assertEquals("住建局", merged.reply().agency());
        assertEquals(Channel.BOARD, merged.channel());
        assertEquals(asked, merged.createdAt());
        assertEquals("A3区", merged.region());
    }

    @Test
    void emptyReplyIsNoReply() {
        Message m = new Message("1", null, null, null, "t", null, null, null, null, new Reply(" ", null, null));
        assertNull(m.reply());
    }

    @Test
    void channelNamesAreForgivingButStrict() {
        assertEquals(Channel.HOTLINE, Channel.parse(" Hotline "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Channel.parse("wechat"));
        assertEquals("unknown channel 'wechat'; expected one of board, hotline, news, forum", e.getMessage());
    }

    @Test
    void workOrderPartsMergeFieldWiseLaterKnownPartsWin() {
        Message assigned = new Message("WO-1", "hotline", Channel.HOTLINE, null, "楼上漏水", null, null, null, null,
                null, new Message.WorkOrder("住房管理", "办理中", null, "区住建局"));
        Message closed = new Message("WO-1", "hotline", Channel.HOTLINE, null, "楼上漏水", null, null, null, null,
                null, new Message.WorkOrder(null, "已办结", "满意", null));

        Message.WorkOrder merged = closed.mergedOver(assigned).workOrder();

        assertEquals(new Message.WorkOrder("住房管理", "已办结", "满意", "区住建局"), merged);
        assertEquals(assigned.workOrder(), Message.of("WO-1", "楼上漏水").mergedOver(assigned).workOrder());
    }

    @Test
    void blankWorkOrderIsNoWorkOrder() {
        Message m = new Message("1", null, null, null, "t", null, null, null, null, null,
                new Message.WorkOrder(" ", null, "", null));
        assertNull(m.workOrder());
    }

    @Test
    void messagesStoredBeforeWorkOrdersExistedStillRead() {
        Message old = JsonMapper.builder().build().readValue(
                "{\"id\":\"1\",\"text\":\"路灯坏了\",\"reply\":{\"text\":\"已修\"}}", Message.class);
        assertEquals("已修", old.reply().text());
        assertNull(old.workOrder());
    }
}
