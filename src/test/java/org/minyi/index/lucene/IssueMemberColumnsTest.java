package org.minyi.index.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.minyi.index.TestMessage.message;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.analysis.Sentiment;
import org.minyi.index.IndexedMessage;
import org.minyi.index.IssueMember;
import org.minyi.message.Channel;

/** Members of issues read from columns are the members the stored messages describe, in old segments too. */
class IssueMemberColumnsTest {

    @TempDir
    Path folder;

    private final MessageDocuments documents = new MessageDocuments();

    @Test
    void columnsAndTheSummariesOfSegmentsWrittenBeforeVotesAgainstHadAColumnReadAlike() throws Exception {
        IndexedMessage current = message("new", "路灯坏了三个月").at("2024-03-01T09:00+08:00").issue("is-a")
                .topic("城乡建设").region("A2区").sentiment(Sentiment.NEGATIVE, -0.5).votes(3, 4)
                .channel(Channel.HOTLINE).build();
        IndexedMessage older = message("old", "路灯还是坏的").at("2024-03-02T09:00+08:00").issue("is-a")
                .topic("城乡建设").region("A2区").sentiment(Sentiment.NEUTRAL, 0.1).votes(5, 6).build();
        IndexedMessage unassigned = message("none", "没有议题").at("2024-03-02T10:00+08:00").build();
        try (Directory directory = FSDirectory.open(folder);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            Document withoutColumn = documents.toDocument(older);
            withoutColumn.removeFields(MessageDocuments.VOTES_AGAINST);
            writer.addDocument(withoutColumn);
            writer.commit(); // its own segment, as an index written before the column existed
            writer.addDocument(documents.toDocument(current));
            writer.addDocument(documents.toDocument(unassigned));
            writer.commit();
        }

        List<IssueMember> read = new ArrayList<>();
        try (Directory directory = FSDirectory.open(folder);
             DirectoryReader reader = DirectoryReader.open(directory)) {
            assertEquals(2, reader.leaves().size(), "one segment without the column, one with it");
            IndexSearcher searcher = new IndexSearcher(reader);
            IssueMemberColumns.read(searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager())
                    .getMatchingDocs(), read::add);
        }
        read.sort(Comparator.comparing(IssueMember::id));

        assertEquals(List.of(IssueMember.of(current), IssueMember.of(older)), read,
                "the same values either way; a message without an issue is no member");
        assertEquals(7, read.get(0).votes());
        assertEquals(11, read.get(1).votes());
    }
}
