package org.minyi.index.lucene;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.minyi.analysis.TextFolding;
import org.minyi.index.IndexedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an index written with older word forms up to the current ones when it is opened. Since words are
 * {@link TextFolding folded} (a3区 and A3区, 物業 and 物业 alike), an index whose documents kept words as written
 * would no longer find them: every document is rewritten from its stored message, once, and the index remembers
 * the form in its commit data. New indices are marked at once and never rewritten.
 */
final class WordFormUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(WordFormUpgrade.class);

    static final String KEY = "minyi.word-forms";
    /** Bump when the words an index holds for a text change, so old indices are rewritten. */
    static final String CURRENT = "folded-1";

    private static final int PROGRESS_EVERY = 10_000;

    private WordFormUpgrade() {
    }

    /** @return how many documents were rewritten (0 when the index was current or empty) */
    static long bringUpToDate(IndexWriter writer, MessageDocuments documents, Path path) throws IOException {
        String form = null;
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (KEY.equals(entry.getKey())) {
                    form = entry.getValue();
                }
            }
        }
        if (CURRENT.equals(form)) {
            return 0;
        }
        long rewritten = 0;
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            if (reader.numDocs() > 0) {
                LOG.warn("the index at {} holds {} messages with words of an older form ({}); rewriting them once "
                        + "so searches find them (folded case, width and traditional characters)", path,
                        reader.numDocs(), form == null ? "as written" : form);
                for (LeafReaderContext leaf : reader.leaves()) {
                    StoredFields stored = leaf.reader().storedFields();
                    Bits live = leaf.reader().getLiveDocs();
                    // the sentence vectors live apart from the stored JSON: carried over, not lost
                    org.apache.lucene.index.FloatVectorValues vectors =
                            leaf.reader().getFloatVectorValues(MessageDocuments.EMBEDDING);
                    org.apache.lucene.index.KnnVectorValues.DocIndexIterator vectorDocs =
                            vectors == null ? null : vectors.iterator();
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        if (live != null && !live.get(doc)) {
                            continue;
                        }
                        IndexedMessage message = documents.read(stored, doc);
                        if (vectorDocs != null && (vectorDocs.docID() < doc ? vectorDocs.advance(doc) : vectorDocs.docID())
                                == doc) {
                            message = new IndexedMessage(message.message(),
                                    message.analysis().withEmbedding(vectors.vectorValue(vectorDocs.index()).clone()));
                        }
                        writer.updateDocument(MessageDocuments.idTerm(message.id()), documents.toDocument(message));
                        if (++rewritten % PROGRESS_EVERY == 0) {
                            LOG.info("rewritten {} of {} messages", rewritten, reader.numDocs());
                        }
                    }
                }
            }
        }
        writer.setLiveCommitData(Map.of(KEY, CURRENT).entrySet());
        if (rewritten > 0) {
            writer.commit();
            LOG.info("the index at {} now has current word forms ({} messages rewritten)", path, rewritten);
        }
        return rewritten;
    }
}
