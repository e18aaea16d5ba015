package org.minyi.index.lucene;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.DemandProfile;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.message.Channel;
import org.minyi.message.Message;
import org.minyi.message.Votes;

/**
 * A message's {@link IndexedMessage#summary()} as compact bytes for doc values, written and read with Lucene's own
 * data streams. Whole-period reads decode tens of thousands of summaries per request; field by field in a fixed
 * order this is several times cheaper than JSON, and it stays cheap before the JIT has compiled a general parser.
 * A leading format byte lets a later format live next to this one; bytes of another format read as absent.
 */
final class SummaryCodec {

    /**
     * Format 3 adds the issue after the demand profile; format 2 (before it) reads without an issue, format 1
     * (before the profile) with an empty profile as well.
     */
    private static final byte FORMAT = 3;
    private static final byte FORMAT_WITHOUT_ISSUE = 2;
    private static final byte FORMAT_WITHOUT_PROFILE = 1;

    private SummaryCodec() {
    }

    static BytesRef encode(IndexedMessage indexed) {
        IndexedMessage summary = indexed.summary();
        Message m = summary.message();
        Analysis a = summary.analysis();
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeByte(FORMAT);
            out.writeString(m.id());
            writeOptional(out, m.source());
            writeOptional(out, m.channel() == null ? null : m.channel().key());
            writeOptional(out, m.title());
            out.writeString(m.text());
            out.writeZLong(m.createdAt() == null ? Long.MIN_VALUE : m.createdAt().toEpochMilli());
            writeOptional(out, m.region());
            out.writeVInt(m.votes() == null ? -1 : m.votes().likes());
            out.writeVInt(m.votes() == null ? 0 : m.votes().against());
            writeList(out, a.tokens());
            writeOptional(out, a.topic());
            out.writeLong(Double.doubleToLongBits(a.topicScore()));
            writeOptional(out, a.sentiment() == null ? null : a.sentiment().key());
            out.writeLong(Double.doubleToLongBits(a.sentimentScore()));
            writeList(out, a.places());
            writeOptional(out, a.region());
            writeList(out, a.departments());
            writeList(out, a.keywords());
            out.writeLong(a.simhash());
            DemandProfile profile = a.profile();
            writeList(out, profile.domains());
            writeEvidence(out, profile.groups());
            writeEvidence(out, profile.stages());
            writeOptional(out, profile.area());
            writeOptional(out, summary.issue());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e); // ByteBuffersDataOutput never throws
        }
        return new BytesRef(out.toArrayCopy());
    }

    /** The summary, or empty for bytes of another format (such as a document written before this one). */
    static Optional<IndexedMessage> decode(BytesRef bytes) throws IOException {
        byte format = bytes.length == 0 ? 0 : bytes.bytes[bytes.offset];
        if (format != FORMAT && format != FORMAT_WITHOUT_ISSUE && format != FORMAT_WITHOUT_PROFILE) {
            return Optional.empty();
        }
        ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset + 1, bytes.length - 1);
        String id = in.readString();
        String source = readOptional(in);
        String channel = readOptional(in);
        String title = readOptional(in);
        String text = in.readString();
        long created = in.readZLong();
        String region = readOptional(in);
        int likes = in.readVInt();
        int against = in.readVInt();
        Message message = new Message(id, source, channel == null ? null : Channel.parse(channel), title, text,
                created == Long.MIN_VALUE ? null : Instant.ofEpochMilli(created), region, null,
                likes < 0 ? null : new Votes(likes, against), null);
        List<String> tokens = readList(in);
        String topic = readOptional(in);
        double topicScore = Double.longBitsToDouble(in.readLong());
        String sentiment = readOptional(in);
        double sentimentScore = Double.longBitsToDouble(in.readLong());
        List<String> places = readList(in);
        String analysedRegion = readOptional(in);
        List<String> departments = readList(in);
        List<String> keywords = readList(in);
        long simhash = in.readLong();
        Analysis analysis = new Analysis(tokens, topic, topicScore,
                sentiment == null ? null : Sentiment.parse(sentiment), sentimentScore, places, analysedRegion,
                departments, keywords, null, null, null, null, simhash);
        if (format != FORMAT_WITHOUT_PROFILE) {
            analysis = analysis.withProfile(new DemandProfile(readList(in), readEvidence(in), readEvidence(in),
                    readOptional(in)));
        }
        String issue = format == FORMAT ? readOptional(in) : null;
        return Optional.of(new IndexedMessage(message, analysis, issue));
    }

    private static void writeEvidence(ByteBuffersDataOutput out, List<DemandProfile.Evidence> evidence)
            throws IOException {
        out.writeVInt(evidence.size());
        for (DemandProfile.Evidence e : evidence) {
            out.writeString(e.label());
            out.writeString(e.cue());
            out.writeVInt(e.start());
        }
    }

    private static List<DemandProfile.Evidence> readEvidence(ByteArrayDataInput in) throws IOException {
        int size = in.readVInt();
        List<DemandProfile.Evidence> evidence = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            evidence.add(new DemandProfile.Evidence(in.readString(), in.readString(), in.readVInt()));
        }
        return evidence;
    }

    private static void writeOptional(ByteBuffersDataOutput out, String value) throws IOException {
        out.writeByte((byte) (value == null ? 0 : 1));
        if (value != null) {
            out.writeString(value);
        }
    }

    private static String readOptional(ByteArrayDataInput in) throws IOException {
        return in.readByte() == 0 ? null : in.readString();
    }

    private static void writeList(ByteBuffersDataOutput out, List<String> values) throws IOException {
        out.writeVInt(values.size());
        for (String value : values) {
            out.writeString(value);
        }
    }

    private static List<String> readList(ByteArrayDataInput in) throws IOException {
        int size = in.readVInt();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(in.readString());
        }
        return values;
    }
}
