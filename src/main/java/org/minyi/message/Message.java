package org.minyi.message;

import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * One thing a citizen said, as collected: a board message, a hotline work order, a news or forum comment.
 * Only {@code id} and {@code text} are required; everything else is optional (null when unknown).
 * The text is raw here: PII is masked by the analysis pipeline before anything is indexed or logged.
 * {@code workOrder} is only there for hotline work orders.
 */
public record Message(
        String id,
        String source,
        Channel channel,
        String title,
        String text,
        Instant createdAt,
        String region,
        String url,
        Votes votes,
        Reply reply,
        WorkOrder workOrder) {

    /**
     * What a hotline work order adds to a message; every part may be missing.
     *
     * @param category     the complaint category the hotline filed it under (诉求类别)
     * @param status       handling status as the hotline words it (办理状态, e.g. 已办结)
     * @param satisfaction the caller's verdict at the follow-up call (满意度), as worded
     * @param department   the department the order was assigned to (承办单位)
     */
    public record WorkOrder(String category, String status, String satisfaction, String department) {

        public WorkOrder {
            category = blankToNull(category);
            status = blankToNull(status);
            satisfaction = blankToNull(satisfaction);
            department = blankToNull(department);
        }

        public boolean isEmpty() {
            return category == null && status == null && satisfaction == null && department == null;
        }

        WorkOrder map(UnaryOperator<String> f) {
            return new WorkOrder(apply(f, category), apply(f, status), apply(f, satisfaction), apply(f, department));
        }

        /** Field-wise: the parts this version knows win, the rest come from {@code earlier}. */
        WorkOrder mergedOver(WorkOrder earlier) {
            if (earlier == null) {
                return this;
            }
            return new WorkOrder(either(category, earlier.category), either(status, earlier.status),
                    either(satisfaction, earlier.satisfaction), either(department, earlier.department));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** A message without work-order fields (every channel but the hotline). */
    public Message(String id, String source, Channel channel, String title, String text, Instant createdAt,
                   String region, String url, Votes votes, Reply reply) {
        this(id, source, channel, title, text, createdAt, region, url, votes, reply, null);
    }

    public Message {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("message id is required");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("message " + id + " has no text");
        }
        id = id.strip();
        if (reply != null && reply.isEmpty()) {
            reply = null;
        }
        if (workOrder != null && workOrder.isEmpty()) {
            workOrder = null;
        }
    }

    public static Message of(String id, String text) {
        return new Message(id, null, null, null, text, null, null, null, null, null, null);
    }

    /**
     * This message laid over an earlier version of the same id: fields this one knows win, fields it lacks are
     * kept from {@code earlier}. So a later import that only brings the reply does not erase the votes.
     */
    public Message mergedOver(Message earlier) {
        if (earlier == null) {
            return this;
        }
        if (!earlier.id.equals(id)) {
            throw new IllegalArgumentException("cannot merge message " + id + " over " + earlier.id);
        }
        return new Message(
                id,
                either(source, earlier.source),
                either(channel, earlier.channel),
                either(title, earlier.title),
                text,
                either(createdAt, earlier.createdAt),
                either(region, earlier.region),
                either(url, earlier.url),
                either(votes, earlier.votes),
                either(reply, earlier.reply),
                workOrder == null ? earlier.workOrder : workOrder.mergedOver(earlier.workOrder));
    }

    /**
     * This message with {@code mask} applied to every free-text field other than id, title and text: source, region,
     * url, the reply's text and agency, the work order's category, status, satisfaction and department. Title and
     * text are left to the analysis, which masks them before it reads them. Any field added to a message that holds
     * text a person wrote or typed belongs here.
     */
    public Message withOtherFieldsMasked(UnaryOperator<String> mask) {
        Reply maskedReply = reply == null ? null
                : new Reply(apply(mask, reply.text()), apply(mask, reply.agency()), reply.time());
        return new Message(id, apply(mask, source), channel, title, text, createdAt, apply(mask, region),
                apply(mask, url), votes, maskedReply, workOrder == null ? null : workOrder.map(mask));
    }

    private static String apply(UnaryOperator<String> f, String value) {
        return value == null ? null : f.apply(value);
    }

    private static <T> T either(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
