package org.minyi.index.lucene;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.minyi.analysis.IndexWord;
import org.minyi.index.FacetField;
import org.minyi.index.IndexedMessage;
import org.minyi.index.ReplyDelays;
import org.minyi.message.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * How an {@link IndexedMessage} is laid out in a Lucene document. The whole message travels as JSON in one stored
 * field (what {@code get} and hits return); every other field exists to search, filter, sort or count, and those
 * that are counted or sorted have doc values so aggregations never load stored fields.
 */
final class MessageDocuments {

    static final String ID = "id";
    static final String SOURCE_JSON = "_json";
    /**
     * The message's {@link IndexedMessage#summary()} in doc values ({@link SummaryCodec}): reading a whole period
     * from stored fields decompresses every message in full (most of the time of a hotspot computation); doc
     * values of a fraction of the size are read straight from the file.
     */
    static final String SUMMARY = "_summary";
    static final String TITLE = "title";
    static final String TEXT = "text";
    /** Keywords, places and departments, segmented like the text so a name typed in the search box finds them. */
    static final String MENTIONS = "mentions";
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
    /** Likes, what the "most votes" order sorts by. */
    static final String VOTES = "votes";
    /** Votes against: with likes, the votes a hotspot's heat weighs, read from columns ({@link IssueMemberColumns}). */
    static final String VOTES_AGAINST = "votes_against";
    /** Reply time − message time in ms, and the replying agency: only messages with a dated reply have them. */
    static final String REPLY_DELAY = "reply_delay";
    static final String REPLY_AGENCY = "reply_agency";
    /** The sentence vector (unit length, so the dot product is the cosine); only messages encoded have one. */
    static final String EMBEDDING = "embedding";
    /** The same agency indexed to filter by (the doc values above only count). */
    static final String REPLY_AGENCY_TERM = "reply_agency_term";

    /** Stored for highlighting; offsets in the postings spare the highlighter a re-analysis of each hit. */
    private static final FieldType HIGHLIGHTABLE_TEXT = highlightableText();

    private final JsonMapper json = JsonMapper.builder().build();

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

    static Term idTerm(String id) {
        return new Term(ID, id);
    }

    Document toDocument(IndexedMessage indexed) {
        Message message = indexed.message();
        var analysis = indexed.analysis();
        Document doc = new Document();
        doc.add(new KeywordField(ID, message.id(), Field.Store.NO));
        doc.add(new StoredField(SOURCE_JSON, new BytesRef(json.writeValueAsBytes(indexed))));
        doc.add(new BinaryDocValuesField(SUMMARY, SummaryCodec.encode(indexed)));
        if (message.title() != null) {
            doc.add(highlightable(TITLE, message.title(), analysis.maskedTitle(), analysis.titleWords()));
        }
        doc.add(highlightable(TEXT, message.text(), analysis.maskedText(), analysis.textWords()));
        addMentions(doc, analysis.keywords());
        addMentions(doc, analysis.places());
        addMentions(doc, analysis.departments());

        addKeyword(doc, TOPIC, analysis.topic());
        addKeyword(doc, SENTIMENT, analysis.sentiment() == null ? null : analysis.sentiment().key());
        addKeyword(doc, REGION, indexed.region());
        addKeyword(doc, CHANNEL, message.channel() == null ? null : message.channel().key());
        addKeyword(doc, SOURCE, message.source());
        addKeywords(doc, DEPARTMENT, analysis.departments());
        addKeywords(doc, PLACE, analysis.places());
        addKeywords(doc, KEYWORD, analysis.keywords());
        addKeyword(doc, DEMAND_KEY, analysis.demandKey());
        addKeyword(doc, ISSUE, indexed.issue());
        addKeywords(doc, DOMAIN, analysis.profile().domains());
        addKeywords(doc, GROUP, analysis.profile().groupLabels());
        addKeywords(doc, STAGE, analysis.profile().stageLabels());
        addKeyword(doc, AREA, analysis.profile().area());

        doc.add(new DoubleField(SENTIMENT_SCORE, analysis.sentimentScore(), Field.Store.NO));
        doc.add(new NumericDocValuesField(VOTES, message.votes() == null ? 0 : message.votes().likes()));
        doc.add(new NumericDocValuesField(VOTES_AGAINST, message.votes() == null ? 0 : message.votes().against()));
        if (message.createdAt() != null) {
            doc.add(new LongField(CREATED_AT, message.createdAt().toEpochMilli(), Field.Store.NO));
        }
        long replyDelay = ReplyDelays.delayMillis(message);
        if (replyDelay >= 0) {
            doc.add(new NumericDocValuesField(REPLY_DELAY, replyDelay));
            doc.add(new SortedDocValuesField(REPLY_AGENCY, new BytesRef(ReplyDelays.agencyOf(message))));
            doc.add(new StringField(REPLY_AGENCY_TERM, ReplyDelays.agencyOf(message), Field.Store.NO));
        }
        if (analysis.embedding() != null) {
            doc.add(new KnnFloatVectorField(EMBEDDING, analysis.embedding(), VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }

    /** The summary kept in doc values; empty for documents written before summaries were kept. */
    static java.util.Optional<IndexedMessage> readSummary(BinaryDocValues summaries, int docId)
            throws java.io.IOException {
        if (summaries == null || !summaries.advanceExact(docId)) {
            return java.util.Optional.empty();
        }
        return SummaryCodec.decode(summaries.binaryValue());
    }

    IndexedMessage read(StoredFields storedFields, int docId) throws java.io.IOException {
        BytesRef bytes = storedFields.document(docId, java.util.Set.of(SOURCE_JSON)).getBinaryValue(SOURCE_JSON);
        return json.readValue(bytes.bytes, bytes.offset, bytes.length, IndexedMessage.class);
    }

    private static void addMentions(Document doc, List<String> values) {
        for (String value : values) {
            doc.add(new TextField(MENTIONS, value, Field.Store.NO));
        }
    }

    private static void addKeywords(Document doc, String field, List<String> values) {
        for (String value : values) {
            addKeyword(doc, field, value);
        }
    }

    private static void addKeyword(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new KeywordField(field, value, Field.Store.NO));
        }
    }

    /** A stored, offset-indexed text field; tokens come from the analysis when it cut this very text. */
    private static Field highlightable(String name, String value, String analysed, List<IndexWord> words) {
        if (words == null || !value.equals(analysed)) {
            return new Field(name, value, HIGHLIGHTABLE_TEXT); // the index analyzer segments it
        }
        return new Field(name, value, HIGHLIGHTABLE_TEXT) {
            @Override
            public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
                return new IndexWordStream(words, value.length());
            }
        };
    }

    private static FieldType highlightableText() {
        FieldType type = new FieldType(TextField.TYPE_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
