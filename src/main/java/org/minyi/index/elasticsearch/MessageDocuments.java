package org.minyi.index.elasticsearch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.Segmenter;
import org.minyi.index.FacetField;
import org.minyi.index.IndexedMessage;
import org.minyi.index.ReplyDelays;
import org.minyi.message.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How an {@link IndexedMessage} is laid out in an Elasticsearch document. The whole record travels in
 * {@code record} (not indexed; what {@code get} and hits return); every other field exists to search, filter,
 * sort or count. Field names match the index template {@code message-template.json}.
 */
final class MessageDocuments {

    static final String ID = "id";
    static final String TITLE_WORDS = "title_words";
    static final String TEXT_WORDS = "text_words";
    static final String MENTION_WORDS = "mention_words";
    static final String TOPIC = "topic";
    static final String SENTIMENT = "sentiment";
    static final String SENTIMENT_SCORE = "sentiment_score";
    static final String REGION = "region";
    static final String CHANNEL = "channel";
    static final String SOURCE = "source";
    static final String DEPARTMENT = "department";
    static final String PLACE = "place";
    static final String KEYWORD = "keyword";
    static final String DEMAND_KEY = "demand_key";
    /** The issue assigned at indexing ({@link IndexedMessage#issue()}), counted per period for hotspots. */
    static final String ISSUE = "issue";
    /** The demand profile: service domains, groups, life stages, urban/rural. */
    static final String DOMAIN = "domain";
    static final String GROUP = "group";
    static final String STAGE = "stage";
    static final String AREA = "area";
    static final String CREATED_AT = "created_at";
    static final String VOTES = "votes";
    /** Reply time − message time in ms, and the replying agency: only messages with a dated reply have them. */
    static final String REPLY_DELAY = "reply_delay_ms";
    static final String REPLY_AGENCY = "reply_agency";
    /** The sentence vector (unit length: dot product = cosine); only messages encoded have one. */
    static final String EMBEDDING = "embedding";
    static final String SPANS = "spans";
    static final String RECORD = "record";

    private final Segmenter segmenter;
    private final JsonMapper json;

    MessageDocuments(Segmenter segmenter, JsonMapper json) {
        this.segmenter = segmenter;
        this.json = json;
    }

    static String field(FacetField facet) {
        return switch (facet) {
            case TOPIC -> TOPIC;
            case SENTIMENT -> SENTIMENT;
            case REGION -> REGION;
            case CHANNEL -> CHANNEL;
            case SOURCE -> SOURCE;
            case DEPARTMENT -> DEPARTMENT;
            case PLACE -> PLACE;
            case DOMAIN -> DOMAIN;
            case GROUP -> GROUP;
            case STAGE -> STAGE;
            case AREA -> AREA;
        };
    }

    /** The document's JSON, ready for a bulk request. */
    byte[] toJson(IndexedMessage indexed) {
        Message message = indexed.message();
        Analysis analysis = indexed.analysis();
        WordSpans title = WordSpans.of(message.title(), analysis.maskedTitle(), analysis.titleWords(), segmenter);
        WordSpans text = WordSpans.of(message.text(), analysis.maskedText(), analysis.textWords(), segmenter);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put(ID, message.id());
        doc.put(TITLE_WORDS, title.joined());
        doc.put(TEXT_WORDS, text.joined());
        doc.put(MENTION_WORDS, mentions(analysis));
        putIfPresent(doc, TOPIC, analysis.topic());
        doc.put("topic_score", analysis.topicScore());
        putIfPresent(doc, SENTIMENT, analysis.sentiment() == null ? null : analysis.sentiment().key());
        doc.put(SENTIMENT_SCORE, analysis.sentimentScore());
        putIfPresent(doc, REGION, indexed.region());
        putIfPresent(doc, CHANNEL, message.channel() == null ? null : message.channel().key());
        putIfPresent(doc, SOURCE, message.source());
        doc.put(DEPARTMENT, nonBlank(analysis.departments()));
        doc.put(PLACE, nonBlank(analysis.places()));
        doc.put(KEYWORD, nonBlank(analysis.keywords()));
        putIfPresent(doc, DEMAND_KEY, analysis.demandKey());
        putIfPresent(doc, ISSUE, indexed.issue());
        doc.put(DOMAIN, nonBlank(analysis.profile().domains()));
        doc.put(GROUP, nonBlank(analysis.profile().groupLabels()));
        doc.put(STAGE, nonBlank(analysis.profile().stageLabels()));
        putIfPresent(doc, AREA, analysis.profile().area());
        if (message.createdAt() != null) {
            doc.put(CREATED_AT, message.createdAt().toEpochMilli());
        }
        doc.put(VOTES, message.votes() == null ? 0 : message.votes().likes()); // most_votes sorts by likes
        long replyDelay = ReplyDelays.delayMillis(message);
        if (replyDelay >= 0) {
            doc.put(REPLY_DELAY, replyDelay);
            doc.put(REPLY_AGENCY, ReplyDelays.agencyOf(message));
        }
        doc.put("simhash", analysis.simhash());
        if (analysis.embedding() != null) {
            doc.put(EMBEDDING, analysis.embedding());
        }
        doc.put(SPANS, Map.of("title", title.offsets(), "text", text.offsets()));
        doc.put(RECORD, indexed);
        return json.writeValueAsBytes(doc);
    }

    IndexedMessage recordOf(JsonNode source) {
        return json.treeToValue(source.get(RECORD), IndexedMessage.class);
    }

    static int[] spans(JsonNode source, String which) {
        JsonNode node = source.path(SPANS).path(which);
        int[] offsets = new int[node.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = node.get(i).asInt();
        }
        return offsets;
    }

    /** Keywords, places and departments, segmented like the text so a name typed in the search box finds them. */
    private List<String> mentions(Analysis analysis) {
        List<String> mentions = new ArrayList<>();
        for (List<String> values : List.of(analysis.keywords(), analysis.places(), analysis.departments())) {
            for (String value : values) {
                WordSpans words = WordSpans.of(value, segmenter);
                if (!words.words().isEmpty()) {
                    mentions.add(words.joined());
                }
            }
        }
        return mentions;
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().filter(value -> value != null && !value.isBlank()).toList();
    }

    private static void putIfPresent(Map<String, Object> doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.put(field, value);
        }
    }
}
