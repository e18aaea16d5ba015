package org.minyi.index;

import java.util.List;
import java.util.Objects;
import org.minyi.analysis.Analysis;
import org.minyi.message.Message;

/**
 * A message with its analysis, as stored in an index. The message's own text is replaced by the masked text before
 * it gets here (see {@link #of}), so no index ever holds unmasked PII.
 *
 * @param issue the issue the message was assigned to when it was indexed (issues of one matter, see
 *              {@code org.minyi.insight.IssueAssigner}), or null when none was (assignment off, or indexed before
 *              it existed). Ids of issues merged since may name the issue they merged into only through the issue
 *              table; the index keeps what was assigned.
 */
public record IndexedMessage(Message message, Analysis analysis, String issue) {

    public IndexedMessage {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(analysis, "analysis");
        issue = issue == null || issue.isBlank() ? null : issue;
    }

    /** A message not assigned to an issue. */
    public IndexedMessage(Message message, Analysis analysis) {
        this(message, analysis, null);
    }

    /** This message assigned to {@code newIssue}. */
    public IndexedMessage withIssue(String newIssue) {
        return new IndexedMessage(message, analysis, newIssue);
    }

    /** Pairs a raw message with its analysis, replacing title and text with their masked forms. */
    public static IndexedMessage of(Message raw, Analysis analysis) {
        Message masked = new Message(raw.id(), raw.source(), raw.channel(), analysis.maskedTitle(),
                analysis.maskedText(), raw.createdAt(), raw.region(), raw.url(), raw.votes(), raw.reply(),
                raw.workOrder());
        return new IndexedMessage(masked, analysis);
    }

    public String id() {
        return message.id();
    }

    /** Characters of text a {@link #summary()} keeps: enough for an excerpt and for the text's opening words. */
    public static final int SUMMARY_TEXT = 120;
    /** Tokens a {@link #summary()} keeps: stand-ins for keywords when a message has none. */
    public static final int SUMMARY_TOKENS = 10;

    /**
     * This message as analytics over whole periods need it (hotspots): every label, number, place, keyword and the
     * hash, but the text cut to {@value #SUMMARY_TEXT} characters, at most {@value #SUMMARY_TOKENS} tokens, and no
     * reply, work order, link or demand; the demand profile and the issue are kept whole; the analysis does not repeat the masked title and text (the message holds
     * them). A fraction of the size, so indices can hand over many of them cheaply.
     */
    public IndexedMessage summary() {
        String text = cut(message.text().strip());
        Message shortMessage = new Message(message.id(), message.source(), message.channel(), message.title(), text,
                message.createdAt(), message.region(), null, message.votes(), null, null);
        List<String> tokens = analysis.tokens();
        Analysis shortAnalysis = new Analysis(tokens.subList(0, Math.min(SUMMARY_TOKENS, tokens.size())),
                analysis.topic(), analysis.topicScore(), analysis.sentiment(), analysis.sentimentScore(),
                analysis.places(), analysis.region(), analysis.departments(), analysis.keywords(), null, null,
                null, null, analysis.simhash()).withProfile(analysis.profile());
        return new IndexedMessage(shortMessage, shortAnalysis, issue);
    }

    private static String cut(String text) {
        if (text.length() <= SUMMARY_TEXT) {
            return text;
        }
        // never split a surrogate pair
        int end = Character.isHighSurrogate(text.charAt(SUMMARY_TEXT - 1)) ? SUMMARY_TEXT - 1 : SUMMARY_TEXT;
        return text.substring(0, end);
    }

    /** The region the message is filed under: the one the source gave, else the one analysis found. */
    public String region() {
        return message.region() != null ? message.region() : analysis.region();
    }
}
