package org.minyi.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.minyi.index.TestMessage.message;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.MinYiSettings;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.IndexWord;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageFilter;
import org.minyi.index.SearchQuery;

/** An index written before words were folded is rewritten once when opened, and then finds what it should. */
class WordFormUpgradeTest {

    @TempDir
    Path folder;

    @Test
    void anIndexWithWordsAsWrittenIsRewrittenOnceWhenOpened() throws Exception {
        writeAsAnOlderVersionDid(message("old", "A3区高速ETC办理排队太久").title("ETC办理难").build());

        try (LuceneMessageIndex index = LuceneMessageIndex.open(folder, LuceneMessageIndexTest.SEGMENTER,
                MinYiSettings.CHINA)) {
            assertEquals(1, index.count());
            assertEquals(1, index.search(SearchQuery.of(MessageFilter.text("etc"))).total());
            assertEquals(1, index.search(SearchQuery.of(MessageFilter.text("a3区"))).total());
            assertEquals("<em>ETC</em>办理难",
                    index.search(SearchQuery.of(MessageFilter.text("ETC"))).hits().getFirst().titleHighlight());
        }
        try (Directory directory = FSDirectory.open(folder);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            assertEquals(0, WordFormUpgrade.bringUpToDate(writer, new MessageDocuments(), folder),
                    "the second open finds the index current");
        }
    }

    /** Indexes the title and text words exactly as written (upper case), as MinYi did before folding. */
    private void writeAsAnOlderVersionDid(IndexedMessage message) throws Exception {
        Analysis a = message.analysis();
        Analysis asWritten = new Analysis(a.tokens(), a.topic(), a.topicScore(), a.sentiment(), a.sentimentScore(),
                a.places(), a.region(), a.departments(), a.keywords(), a.demand(), a.demandKey(),
                message.message().title(), message.message().text(), a.simhash(),
                List.of(new IndexWord("ETC", 0, 3, false), new IndexWord("办理", 3, 5, false)),
                List.of(new IndexWord("A3区", 0, 3, false), new IndexWord("高速", 3, 5, false),
                        new IndexWord("ETC", 5, 8, false)));
        try (Directory directory = FSDirectory.open(folder);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.addDocument(new MessageDocuments().toDocument(IndexedMessage.of(message.message(), asWritten)));
            writer.setLiveCommitData(Map.<String, String>of().entrySet());
            writer.commit();
        }
        try (Directory directory = FSDirectory.open(folder);
             DirectoryReader reader = DirectoryReader.open(directory)) {
            assertEquals(0, new IndexSearcher(reader).count(new TermQuery(new Term(MessageDocuments.TITLE, "etc"))),
                    "the older index holds ETC, not etc");
        }
    }
}
