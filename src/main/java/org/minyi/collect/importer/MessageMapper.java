package org.minyi.collect.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.minyi.message.Channel;
import org.minyi.message.Message;
import org.minyi.message.Reply;
import org.minyi.message.Votes;

/**
 * Turns a {@link SourceRow} into a {@link Message} following a mapping. Collects every problem of a row, so one
 * error line tells the whole story.
 */
final class MessageMapper {

    private final ColumnMapping mapping;
    private final ImportOptions options;
    private final Timestamps timestamps;
    private final Pattern idPattern;

    MessageMapper(ColumnMapping mapping, ImportOptions options) {
        this.mapping = mapping;
        this.options = options;
        this.timestamps = new Timestamps(mapping.dateFormats(), mapping.zone());
        this.idPattern = mapping.idPattern() == null ? null : Pattern.compile(mapping.idPattern());
    }

    Message map(SourceRow row) {
        List<String> problems = new ArrayList<>();
        String text = CellText.clean(row.value(MessageField.TEXT));
        if (text == null) {
            problems.add("text is empty (" + where(MessageField.TEXT) + ")");
        }
        String rowSource = source(row);
        String id = id(row, text, rowSource, problems);
        Instant createdAt = instant(row, MessageField.CREATED_AT, problems);
        Votes votes = votes(row, problems);
        Message.WorkOrder workOrder = new Message.WorkOrder(
                CellText.clean(row.value(MessageField.WORK_ORDER_CATEGORY)),
                CellText.clean(row.value(MessageField.WORK_ORDER_STATUS)),
                CellText.clean(row.value(MessageField.WORK_ORDER_SATISFACTION)),
                CellText.clean(row.value(MessageField.WORK_ORDER_DEPARTMENT)));
        Reply reply = reply(row, workOrder.department(), problems);
        Channel rowChannel = channel(row, problems);
        if (!problems.isEmpty()) {
            throw new RowProblem(String.join("; ", problems));
        }
        try {
            return new Message(id, rowSource, rowChannel,
                    CellText.clean(row.value(MessageField.TITLE)),
                    text,
                    createdAt,
                    CellText.clean(row.value(MessageField.REGION)),
                    CellText.clean(row.value(MessageField.URL)),
                    votes,
                    reply,
                    workOrder);
        } catch (IllegalArgumentException e) {
            throw new RowProblem(ValueShape.inMessage(e.getMessage()));
        }
    }

    /**
     * The reply; without a replying-agency cell the handling department stands in, since for a work order that is
     * who answered. Only for a reply that exists (text or time): an order still in progress has no reply.
     */
    private Reply reply(SourceRow row, String department, List<String> problems) {
        String text = CellText.clean(row.value(MessageField.REPLY_TEXT));
        Instant time = instant(row, MessageField.REPLY_TIME, problems);
        String agency = CellText.clean(row.value(MessageField.REPLY_AGENCY));
        if (agency == null && (text != null || time != null)) {
            agency = department;
        }
        return new Reply(text, agency, time);
    }

    private String id(SourceRow row, String text, String rowSource, List<String> problems) {
        String prefix = mapping.idPrefix() == null ? "" : mapping.idPrefix();
        if (mapping.column(MessageField.ID) == null) {
            // No id column: derive one from the text so that re-importing the file yields the same ids.
            return text == null ? null : prefix + (rowSource == null ? "message" : rowSource) + ":" + hash(text);
        }
        String raw = CellText.clean(row.value(MessageField.ID));
        if (raw == null) {
            problems.add("id is empty (" + where(MessageField.ID) + ")");
            return null;
        }
        if (idPattern == null) {
            return prefix + raw;
        }
        Matcher matcher = idPattern.matcher(raw);
        if (!matcher.find() || matcher.group(1) == null) {
            problems.add("id " + ValueShape.of(raw) + " does not match idPattern " + idPattern + " ("
                    + where(MessageField.ID) + ")");
            return null;
        }
        return prefix + matcher.group(1);
    }

    private Instant instant(SourceRow row, MessageField field, List<String> problems) {
        String raw = CellText.clean(row.value(field));
        if (raw == null) {
            return null;
        }
        Instant instant = timestamps.parse(raw);
        if (instant == null) {
            problems.add("bad date " + ValueShape.of(raw) + " (" + where(field) + "); expected " + timestamps.expected());
        }
        return instant;
    }

    private Votes votes(SourceRow row, List<String> problems) {
        String likes = CellText.clean(row.value(MessageField.VOTES_LIKES));
        String against = CellText.clean(row.value(MessageField.VOTES_AGAINST));
        if (likes == null && against == null) {
            return null;
        }
        int likeCount = count(likes, MessageField.VOTES_LIKES, problems);
        int againstCount = count(against, MessageField.VOTES_AGAINST, problems);
        return likeCount < 0 || againstCount < 0 ? null : new Votes(likeCount, againstCount);
    }

    /** The count, 0 when empty, -1 (with a problem noted) when not a non-negative whole number. */
    private int count(String raw, MessageField field, List<String> problems) {
        if (raw == null) {
            return 0;
        }
        try {
            int value = Integer.parseInt(raw.replace(",", ""));
            if (value < 0) {
                problems.add("negative vote count " + value + " (" + where(field) + ")");
                return -1;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add("vote count " + ValueShape.of(raw) + " is not a whole number (" + where(field) + ")");
            return -1;
        }
    }

    /** The option overrides everything; a cell of the row beats the mapping's constant. */
    private String source(SourceRow row) {
        if (options.source() != null) {
            return options.source();
        }
        String cell = CellText.clean(row.value(MessageField.SOURCE));
        return cell != null ? cell : mapping.source();
    }

    private Channel channel(SourceRow row, List<String> problems) {
        if (options.channel() != null) {
            return options.channel();
        }
        String raw = CellText.clean(row.value(MessageField.CHANNEL));
        if (raw == null) {
            return mapping.channel();
        }
        try {
            return Channel.parse(raw);
        } catch (IllegalArgumentException e) {
            problems.add("unknown channel " + ValueShape.of(raw) + "; expected one of board, hotline, news, forum ("
                    + where(MessageField.CHANNEL) + ")");
            return null;
        }
    }

    private String where(MessageField field) {
        String column = mapping.column(field);
        if (column == null) {
            return "field " + field.key() + " is not mapped";
        }
        return (mapping.header() ? "column '" + column + "'" : "column " + column) + " → " + field.key();
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
