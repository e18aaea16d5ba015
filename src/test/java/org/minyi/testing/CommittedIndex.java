package org.minyi.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * What a Lucene index folder holds as of its last commit, read straight from disk (no MinYi code, no lock): the id
 * of every live message, duplicates included. Crash tests read it after a kill -9, when only commits count.
 */
public final class CommittedIndex {

    private CommittedIndex() {
    }

    /** Ids of all live documents, one entry per document (so a duplicate shows twice); empty when no commit yet. */
    public static List<String> ids(Path indexFolder) throws IOException {
        List<String> ids = new ArrayList<>();
        try (FSDirectory directory = FSDirectory.open(indexFolder)) {
            if (!DirectoryReader.indexExists(directory)) {
                return ids;
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    SortedSetDocValues values = leaf.reader().getSortedSetDocValues("id");
                    Bits live = leaf.reader().getLiveDocs();
                    if (values == null) {
                        continue;
                    }
                    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            for (int i = 0; i < values.docValueCount(); i++) {
                                ids.add(values.lookupOrd(values.nextOrd()).utf8ToString());
                            }
                        }
                    }
                }
            }
        }
        return ids;
    }
}
