package org.minyi.index.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.DoubleField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.minyi.analysis.Segmenter;
import org.minyi.index.DemandCount;
import org.minyi.index.FacetField;
import org.minyi.index.IndexHealth;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.Neighbour;
import org.minyi.index.ReplyDelays;
import org.minyi.index.SearchCursor;
import org.minyi.index.SearchHit;
import org.minyi.index.SearchOrder;
import org.minyi.index.SearchQuery;
import org.minyi.index.SearchResult;
import org.minyi.index.TermCount;
import org.minyi.index.TrendQuery;
import org.minyi.index.TrendSeries;

/**
 * The embedded index: Lucene in a folder on this machine, needing no configuration. One process at a time may
 * open a folder (Lucene's write lock); a second gets {@link IndexLockedException}.
 *
 * <p>Text is segmented by the pipeline's {@link Segmenter}; see {@link MessageQueries} for how query text matches.
 * Creation times are kept to the millisecond. Messages without a creation time sort last in both time orders and
 * are left out of trends.
 */
public final class LuceneMessageIndex implements MessageIndex {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LuceneMessageIndex.class);

    /** Lucene's own default: past this many hits, a page collector may stop counting and skip. */
    private static final int DEFAULT_COUNT_THRESHOLD = 1000;

    private final Path directoryPath;
    private final Directory directory;
    private final ReopenableWriter writing;
    private final MessageDocuments documents = new MessageDocuments();
    private final MessageQueries queries;
    private final HitHighlighter highlighter;
    private final TrendAggregation trends;
    private final AtomicBoolean closed = new AtomicBoolean();
    /**
     * Value ordinals per open reader, dropped when the reader closes. Kept per reader rather than for the newest
     * only, so searches still running on the previous reader after a refresh do not rebuild them back and forth.
     */
    private final ConcurrentHashMap<IndexReader.CacheKey, GlobalOrdinals> ordinals = new ConcurrentHashMap<>();

    private LuceneMessageIndex(Path directoryPath, Directory directory, ReopenableWriter writing,
                               SegmenterAnalyzer analyzer, ZoneId zone) {
        this.directoryPath = directoryPath;
        this.directory = directory;
        this.writing = writing;
        this.queries = new MessageQueries(analyzer);
        this.highlighter = new HitHighlighter(analyzer);
        this.trends = new TrendAggregation(zone);
    }

    /**
     * Opens the index in {@code directory}, creating folder and index when absent.
     *
     * @param zone the time zone trend buckets follow
     * @throws IndexLockedException     when another process has the index open
     * @throws IndexCorruptedException  when the index there cannot be read
     * @throws IllegalArgumentException when the folder holds files that are not an index
     */
    public static LuceneMessageIndex open(Path directory, Segmenter segmenter, ZoneId zone) {
        Objects.requireNonNull(directory, "directory");
        return open(directory, segmenter, zone, FSDirectory::open);
    }

    /** How the folder is opened as a Lucene directory; tests wrap it to inject faults such as a full disk. */
    @FunctionalInterface
    interface DirectoryOpener {
        Directory open(Path path) throws IOException;
    }

    static LuceneMessageIndex open(Path directory, Segmenter segmenter, ZoneId zone, DirectoryOpener opener) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(segmenter, "segmenter");
        Objects.requireNonNull(zone, "zone");
        Path path = directory.toAbsolutePath().normalize();
        Directory fsDirectory = null;
        IndexWriter writer = null;
        try {
            Files.createDirectories(path);
            fsDirectory = opener.open(path);
            refuseForeignFolder(path, fsDirectory);
            SegmenterAnalyzer analyzer = new SegmenterAnalyzer(segmenter);
            // snapshots let a check read one commit to the end while writes and merges go on
            java.util.function.Supplier<IndexWriterConfig> config = () -> new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.APPEND).setIndexDeletionPolicy(snapshots());
            writer = new IndexWriter(fsDirectory, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setIndexDeletionPolicy(snapshots()));
            WordFormUpgrade.bringUpToDate(writer, new MessageDocuments(), path);
            ReopenableWriter writing = new ReopenableWriter(path, fsDirectory, config, writer);
            return new LuceneMessageIndex(path, fsDirectory, writing, analyzer, zone);
        } catch (LockObtainFailedException e) {
            abandon(writer, fsDirectory);
            throw new IndexLockedException(path, e);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException
                 | NoSuchFileException | java.io.EOFException e) {
            abandon(writer, fsDirectory);
            throw new IndexCorruptedException(path, e);
        } catch (IOException e) {
            abandon(writer, fsDirectory);
            throw new UncheckedIOException("cannot open the index at " + path, e);
        } catch (RuntimeException e) {
            abandon(writer, fsDirectory);
            throw e;
        }
    }

    /**
     * Guards against pointing the index at, say, a home folder: Lucene would happily write its files there. A folder
     * of nothing but Lucene's own files without a commit is the index of a first run killed before its first commit
     * (kill -9 in the first seconds of the first import): nothing in it was acknowledged, and Lucene starts it
     * afresh, dropping those files.
     */
    private static void refuseForeignFolder(Path path, Directory directory) throws IOException {
        if (DirectoryReader.indexExists(directory)) {
            return;
        }
        List<String> names;
        try (Stream<Path> files = Files.list(path)) {
            names = files.map(f -> f.getFileName().toString())
                    .filter(name -> !name.equals(IndexWriter.WRITE_LOCK_NAME)).sorted().toList();
        }
        List<String> foreign = names.stream().filter(name -> !isLuceneFile(name)).limit(3).toList();
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException("the folder " + path + " holds files that are not a MinYi index ("
                    + String.join(", ", foreign) + "…); give an empty or new folder for the index");
        }
        if (!names.isEmpty()) {
            LOG.warn("the index at {} was never committed (the service stopped during its first import): starting it"
                    + " afresh; its {} files held nothing acknowledged", path, names.size());
        }
    }

    /** Segment files ({@code _0.cfs}, {@code _0_Lucene101_0.doc}, temporary {@code _0…tmp}) and commit points. */
    private static boolean isLuceneFile(String name) {
        return name.startsWith("_") || name.startsWith(IndexFileNames.SEGMENTS + "_")
                || name.startsWith(IndexFileNames.PENDING_SEGMENTS + "_");
    }

    public Path directory() {
        return directoryPath;
    }

    @Override
    public void upsert(Collection<IndexedMessage> messages) {
        ReopenableWriter.Writing w = writing.current();
        try {
            for (IndexedMessage message : messages) {
                w.writer().updateDocument(MessageDocuments.idTerm(message.id()), documents.toDocument(message));
            }
        } catch (IOException | RuntimeException e) {
            throw writing.failed(w, "write to", e);
        }
    }

    /** Refreshes first, so a message upserted but not yet refreshed counts as existing. */
    @Override
    public synchronized boolean delete(String id) {
        ReopenableWriter.Writing w = writing.current();
        try {
            w.searchers().maybeRefreshBlocking();
            boolean existed = withSearcher(s -> s.count(new TermQuery(MessageDocuments.idTerm(id))) > 0);
            w.writer().deleteDocuments(MessageDocuments.idTerm(id));
            return existed;
        } catch (IOException | RuntimeException e) {
            throw writing.failed(w, "delete message " + id + " from", e);
        }
    }

    @Override
    public Optional<IndexedMessage> get(String id) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(MessageDocuments.idTerm(id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(documents.read(searcher.storedFields(), top.scoreDocs[0].doc));
        });
    }

    @Override
    public Optional<float[]> vector(String id) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new TermQuery(MessageDocuments.idTerm(id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int doc = top.scoreDocs[0].doc;
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
            FloatVectorValues values = leaf.reader().getFloatVectorValues(MessageDocuments.EMBEDDING);
            if (values == null) {
                return Optional.empty();
            }
            KnnVectorValues.DocIndexIterator docs = values.iterator();
            if (docs.advance(doc - leaf.docBase) != doc - leaf.docBase) {
                return Optional.empty();
            }
            return Optional.of(values.vectorValue(docs.index()).clone());
        });
    }

    @Override
    public List<Neighbour> nearest(float[] vector, MessageFilter filter, int k) {
        requirePositive(k);
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(MessageDocuments.EMBEDDING, vector, k,
                    queries.matching(filter)), k);
            StoredFields stored = searcher.storedFields();
            List<Neighbour> neighbours = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                // Lucene scores a dot product as (1 + cosine) / 2
                neighbours.add(new Neighbour(documents.read(stored, hit.doc), 2.0 * hit.score - 1));
            }
            return neighbours;
        });
    }

    @Override
    public void refresh() {
        ReopenableWriter.Writing w = writing.current();
        try {
            w.searchers().maybeRefreshBlocking();
        } catch (IOException | RuntimeException e) {
            throw writing.failed(w, "refresh", e);
        }
    }

    @Override
    public void commit() {
        ReopenableWriter.Writing w = writing.current();
        try {
            w.writer().commit();
        } catch (IOException | RuntimeException e) {
            throw writing.failed(w, "commit to", e);
        }
        refresh();
    }

    @Override
    public long count() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    /** Commits, then checks that commit while writes go on: a snapshot keeps its files until the check is done. */
    @Override
    public IndexHealth checkHealth() {
        commit();
        ReopenableWriter.Writing w = writing.current();
        SnapshotDeletionPolicy snapshots = (SnapshotDeletionPolicy) w.writer().getConfig().getIndexDeletionPolicy();
        IndexCommit pinned;
        try {
            pinned = snapshots.snapshot();
        } catch (IOException | RuntimeException e) {
            throw writing.failed(w, "snapshot", e);
        }
        try {
            return LuceneIndexCheck.ofCommit(directory, pinned, directoryPath);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check the index at " + directoryPath, e);
        } finally {
            try {
                snapshots.release(pinned);
                w.writer().deleteUnusedFiles();
            } catch (IOException | RuntimeException e) {
                LOG.warn("the checked commit of {} stays on disk until the next commit: {}", directoryPath, e.toString());
            }
        }
    }

    private static SnapshotDeletionPolicy snapshots() {
        return new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
    }

    @Override
    public SearchResult search(SearchQuery query) {
        return withSearcher(searcher -> search(searcher, query));
    }

    @Override
    public void scan(MessageFilter filter, Consumer<? super IndexedMessage> action) {
        scan(filter, false, action);
    }

    @Override
    public void scanSummaries(MessageFilter filter, Consumer<? super IndexedMessage> action) {
        scan(filter, true, action);
    }

    @Override
    public void scanIssueMembers(java.util.Set<String> issues, MessageFilter filter,
                                 Consumer<? super org.minyi.index.IssueMember> action) {
        if (issues.isEmpty()) {
            return;
        }
        Query inIssues = new BooleanQuery.Builder()
                .add(queries.matching(filter), Occur.MUST)
                .add(new org.apache.lucene.search.TermInSetQuery(MessageDocuments.ISSUE,
                        issues.stream().map(org.apache.lucene.util.BytesRef::new).toList()), Occur.FILTER)
                .build();
        withSearcher(searcher -> {
            IssueMemberColumns.read(matchingDocs(searcher, inIssues), action);
            return null;
        });
    }

    private void scan(MessageFilter filter, boolean summaries, Consumer<? super IndexedMessage> action) {
        scan(queries.matching(filter), summaries, action);
    }

    private void scan(Query matching, boolean summaries, Consumer<? super IndexedMessage> action) {
        withSearcher(searcher -> {
            // Segment by segment in document order: values are read sequentially, no sort is needed.
            for (MatchingDocs matches : matchingDocs(searcher, matching)) {
                LeafReader reader = matches.context().reader();
                BinaryDocValues summary = summaries ? reader.getBinaryDocValues(MessageDocuments.SUMMARY) : null;
                StoredFields stored = null;
                DocIdSetIterator docs = matches.bits().iterator();
                if (docs == null) {
                    continue;
                }
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    Optional<IndexedMessage> kept = MessageDocuments.readSummary(summary, doc);
                    if (kept.isPresent()) {
                        action.accept(kept.get());
                        continue;
                    }
                    if (stored == null) {
                        stored = sequentialStoredFields(reader);
                    }
                    IndexedMessage whole = documents.read(stored, doc);
                    action.accept(summaries ? whole.summary() : whole);
                }
            }
            return null;
        });
    }

    /**
     * Stored fields for reading many documents in order. The codec's merge instance decompresses each block of
     * documents once, where the ordinary reader decompresses the block's dictionary again for every document: most
     * of a scan's time, since every message travels as one stored JSON value.
     */
    private static StoredFields sequentialStoredFields(LeafReader reader) throws IOException {
        if (reader instanceof CodecReader codec && codec.getFieldsReader() != null) {
            return codec.getFieldsReader().getMergeInstance();
        }
        return reader.storedFields();
    }

    private SearchResult search(IndexSearcher searcher, SearchQuery query) throws IOException {
        Query textQuery = queries.textOnly(query.filter());
        Query matching = queries.combine(textQuery, query.filter());
        long wanted = (long) (query.page() + 1) * query.size();
        int numHits = (int) Math.min(wanted, Math.max(1, searcher.getIndexReader().maxDoc()));
        boolean needFacets = !query.facets().isEmpty();
        Sort sort = sort(query.order(), textQuery != null);
        FieldDoc after = query.after() == null ? null : CursorValues.after(query.after(), sort);

        TopDocs top = null;
        FacetsCollector facetMatches = null;
        long total;
        if (query.size() > 0 && needFacets) {
            // Facets visit every match anyway, so the page collector may as well count them all.
            var topManager = new TopFieldCollectorManager(sort, numHits, after, Integer.MAX_VALUE);
            Object[] both = searcher.search(matching, new MultiCollectorManager(topManager,
                    new FacetsCollectorManager()));
            top = (TopDocs) both[0];
            facetMatches = (FacetsCollector) both[1];
            total = top.totalHits.value();
        } else if (query.size() > 0) {
            // Without facets the page collector may skip documents that cannot make the page; counting is then
            // left to count(), which answers from index statistics when it can (no filter, say).
            top = searcher.search(matching, new TopFieldCollectorManager(sort, numHits, after,
                    DEFAULT_COUNT_THRESHOLD));
            total = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO ? top.totalHits.value()
                    : searcher.count(matching);
        } else if (needFacets) {
            facetMatches = searcher.search(matching, new FacetsCollectorManager());
            total = facetMatches.getMatchingDocs().stream().mapToLong(MatchingDocs::totalHits).sum();
        } else {
            total = searcher.count(matching);
        }

        List<SearchHit> hits = top == null ? List.of() : hits(searcher, query, top, textQuery, matching);
        Map<FacetField, List<TermCount>> facets = new EnumMap<>(FacetField.class);
        if (needFacets) {
            GlobalOrdinals current = ordinals(searcher);
            for (FacetField facet : query.facets()) {
                facets.put(facet, ValueCounts.top(current, facetMatches.getMatchingDocs(),
                        MessageDocuments.field(facet), query.facetSize()));
            }
        }
        SearchCursor next = hits.size() == query.size() && query.size() > 0
                ? CursorValues.of(query.order(), (FieldDoc) top.scoreDocs[top.scoreDocs.length - 1]) : null;
        return new SearchResult(total, query.page(), query.size(), hits, facets, next);
    }

    private List<SearchHit> hits(IndexSearcher searcher, SearchQuery query, TopDocs top, Query textQuery,
                                 Query matching) throws IOException {
        int from = query.page() * query.size();
        if (from >= top.scoreDocs.length) {
            return List.of();
        }
        ScoreDoc[] page = java.util.Arrays.copyOfRange(top.scoreDocs, from, top.scoreDocs.length);
        if (textQuery != null && query.order() == SearchOrder.RELEVANCE) {
            for (ScoreDoc hit : page) {
                hit.score = (Float) ((FieldDoc) hit).fields[0]; // sorted collection keeps it as the sort value
            }
        } else if (textQuery != null) {
            TopFieldCollector.populateScores(page, searcher, matching); // hits report it whatever the order
        }
        int[] docIds = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docIds[i] = page[i].doc;
        }
        HitHighlighter.Highlight[] highlights = textQuery == null ? null
                : highlighter.highlight(searcher, textQuery, docIds);
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            float score = Float.isNaN(page[i].score) ? 0f : page[i].score;
            IndexedMessage message = documents.read(stored, docIds[i]);
            hits.add(highlights == null ? new SearchHit(message, score, null, null)
                    : new SearchHit(message, score, highlights[i].title(), highlights[i].text()));
        }
        return hits;
    }

    /** Every order ends with newest, then id, so equal keys still page stably. */
    private static Sort sort(SearchOrder order, boolean hasText) {
        SortField newest = LongField.newSortField(MessageDocuments.CREATED_AT, true, SortedNumericSelector.Type.MIN,
                Long.MIN_VALUE);
        SortField byId = KeywordField.newSortField(MessageDocuments.ID, false, SortedSetSelector.Type.MIN);
        return switch (order) {
            case RELEVANCE -> hasText ? new Sort(SortField.FIELD_SCORE, newest, byId) : new Sort(newest, byId);
            case NEWEST -> new Sort(newest, byId);
            case OLDEST -> new Sort(LongField.newSortField(MessageDocuments.CREATED_AT, false,
                    SortedNumericSelector.Type.MIN, Long.MAX_VALUE), byId);
            case MOST_NEGATIVE -> new Sort(DoubleField.newSortField(MessageDocuments.SENTIMENT_SCORE, false,
                    SortedNumericSelector.Type.MIN, Double.MAX_VALUE), newest, byId);
            case MOST_VOTES -> {
                SortField votes = new SortField(MessageDocuments.VOTES, SortField.Type.LONG, true);
                votes.setMissingValue(0L);
                yield new Sort(votes, newest, byId);
            }
        };
    }

    @Override
    public List<TrendSeries> trends(TrendQuery query) {
        return withSearcher(searcher -> {
            Query matching = new BooleanQuery.Builder()
                    .add(queries.matching(query.filter()), Occur.MUST)
                    .add(new FieldExistsQuery(MessageDocuments.CREATED_AT), Occur.FILTER)
                    .build();
            return trends.aggregate(ordinals(searcher), matchingDocs(searcher, matching), query);
        });
    }

    @Override
    public List<TermCount> topKeywords(MessageFilter filter, int limit) {
        requirePositive(limit);
        return withSearcher(searcher -> ValueCounts.top(ordinals(searcher),
                matchingDocs(searcher, queries.matching(filter)), MessageDocuments.KEYWORD, limit));
    }

    @Override
    public List<TermCount> topIssues(MessageFilter filter, int limit) {
        requirePositive(limit);
        return withSearcher(searcher -> ValueCounts.top(ordinals(searcher),
                matchingDocs(searcher, queries.matching(filter)), MessageDocuments.ISSUE, limit));
    }

    /** The example of each demand is the demand sentence of the newest matching message with that key. */
    @Override
    public List<DemandCount> topDemands(MessageFilter filter, int limit) {
        requirePositive(limit);
        return withSearcher(searcher -> {
            Query matching = queries.matching(filter);
            List<TermCount> keys = ValueCounts.top(ordinals(searcher), matchingDocs(searcher, matching),
                    MessageDocuments.DEMAND_KEY, limit);
            Sort newest = sort(SearchOrder.NEWEST, false);
            List<DemandCount> demands = new ArrayList<>(keys.size());
            for (TermCount key : keys) {
                Query withKey = new BooleanQuery.Builder()
                        .add(matching, Occur.MUST)
                        .add(KeywordField.newExactQuery(MessageDocuments.DEMAND_KEY, key.term()), Occur.FILTER)
                        .build();
                TopDocs example = searcher.search(withKey, 1, newest);
                String sentence = example.scoreDocs.length == 0 ? null
                        : documents.read(searcher.storedFields(), example.scoreDocs[0].doc).analysis().demand();
                demands.add(new DemandCount(key.term(), key.count(), sentence));
            }
            return demands;
        });
    }

    @Override
    public List<ReplyDelays> replyDelays(MessageFilter filter, int maxAgencies) {
        requirePositive(maxAgencies);
        return withSearcher(searcher -> ReplyDelayAggregation.of(
                matchingDocs(searcher, queries.matching(filter)), maxAgencies));
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    private static List<MatchingDocs> matchingDocs(IndexSearcher searcher, Query query) throws IOException {
        return searcher.search(query, new FacetsCollectorManager()).getMatchingDocs();
    }

    private GlobalOrdinals ordinals(IndexSearcher searcher) {
        IndexReader reader = searcher.getIndexReader();
        IndexReader.CacheHelper cacheHelper = reader.getReaderCacheHelper();
        if (cacheHelper == null) {
            return new GlobalOrdinals(reader);
        }
        return ordinals.computeIfAbsent(cacheHelper.getKey(), key -> {
            cacheHelper.addClosedListener(ordinals::remove);
            return new GlobalOrdinals(reader);
        });
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        SearcherManager searchers = writing.current().searchers(); // released to the manager it came from
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index at " + directoryPath, e);
        }
        try {
            return work.apply(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index at " + directoryPath, e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release a searcher of the index at " + directoryPath, e);
            }
        }
    }

    /** Commits what was written and releases the folder's lock. Closing twice does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ReopenableWriter.Writing w = writing.current();
        try {
            w.searchers().close();
            w.writer().close(); // commits
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the index at " + directoryPath, e);
        }
    }

    /** Gives up a half-opened index without committing anything, so a failed open changes nothing on disk. */
    private static void abandon(IndexWriter writer, Directory directory) {
        try {
            if (writer != null) {
                writer.rollback();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // already failing with a clearer error
        }
    }
}
