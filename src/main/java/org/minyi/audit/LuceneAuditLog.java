package org.minyi.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log of the embedded backend: a Lucene index of its own ({@code data/audit}), to which events are only
 * ever added. Each event is stored whole as JSON; time, user and action are indexed to read it back by them.
 */
public final class LuceneAuditLog implements AuditLog {

    private static final String TIME = "time";
    private static final String SEQUENCE = "seq";
    private static final String USER = "user";
    private static final String ACTION = "action";
    private static final String EVENT = "event";
    private static final Sort NEWEST_FIRST = new Sort(
            LongField.newSortField(TIME, true, SortedNumericSelector.Type.MIN),
            LongField.newSortField(SEQUENCE, true, SortedNumericSelector.Type.MIN));

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicLong sequence;
    private final JsonMapper json = JsonMapper.builder().build();

    private LuceneAuditLog(Path path, Directory directory, IndexWriter writer) throws IOException {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.sequence = new AtomicLong(lastSequence() + 1);
    }

    /** Opens (or creates) the audit index in {@code folder}. */
    public static LuceneAuditLog open(Path folder) {
        Path path = folder.toAbsolutePath().normalize();
        try {
            Directory directory = FSDirectory.open(path);
            IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            return new LuceneAuditLog(path, directory, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log at " + path, e);
        }
    }

    @Override
    public void append(AuditEvent event) {
        Document doc = new Document();
        doc.add(new LongField(TIME, event.time().toEpochMilli(), Field.Store.NO));
        doc.add(new LongField(SEQUENCE, sequence.getAndIncrement(), Field.Store.NO));
        doc.add(new KeywordField(USER, event.user(), Field.Store.NO));
        doc.add(new KeywordField(ACTION, event.action(), Field.Store.NO));
        doc.add(new StoredField(EVENT, new BytesRef(json.writeValueAsBytes(event))));
        try {
            writer.addDocument(doc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the audit log at " + path, e);
        }
    }

    @Override
    public void flush() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the audit log at " + path, e);
        }
    }

    @Override
    public AuditPage read(AuditQuery query) {
        Query matching = matching(query);
        int wanted = (query.page() + 1) * query.size();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(matching, wanted, NEWEST_FIRST);
                List<AuditEvent> events = new ArrayList<>();
                ScoreDoc[] hits = top.scoreDocs;
                for (int i = query.page() * query.size(); i < hits.length; i++) {
                    BytesRef bytes = searcher.storedFields().document(hits[i].doc).getBinaryValue(EVENT);
                    events.add(json.readValue(bytes.bytes, bytes.offset, bytes.length, AuditEvent.class));
                }
                return new AuditPage(searcher.count(matching), events);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log at " + path, e);
        }
    }

    private static Query matching(AuditQuery query) {
        BooleanQuery.Builder all = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST);
        if (query.user() != null) {
            all.add(KeywordField.newExactQuery(USER, query.user()), Occur.FILTER);
        }
        if (query.action() != null) {
            all.add(new BooleanQuery.Builder()
                    .add(KeywordField.newExactQuery(ACTION, query.action()), Occur.SHOULD)
                    .add(new PrefixQuery(new Term(ACTION, query.action() + ".")), Occur.SHOULD)
                    .build(), Occur.FILTER);
        }
        if (query.from() != null || query.to() != null) {
            long from = query.from() == null ? Long.MIN_VALUE : query.from().toEpochMilli();
            long to = query.to() == null ? Long.MAX_VALUE : query.to().toEpochMilli() - 1;
            all.add(LongField.newRangeQuery(TIME, from, to), Occur.FILTER);
        }
        return all.build();
    }

    private long lastSequence() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs last = searcher.search(new MatchAllDocsQuery(), 1, new Sort(
                    LongField.newSortField(SEQUENCE, true, SortedNumericSelector.Type.MAX)));
            if (last.scoreDocs.length == 0) {
                return 0;
            }
            Object value = ((org.apache.lucene.search.FieldDoc) last.scoreDocs[0]).fields[0];
            return ((Number) value).longValue();
        } finally {
            searchers.release(searcher);
        }
    }

    /** Commits what was appended and releases the folder. */
    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the audit log at " + path, e);
        }
    }
}
