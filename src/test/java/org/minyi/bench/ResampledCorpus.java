package org.minyi.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.minyi.analysis.Analysis;
import org.minyi.analysis.AnalysisPipeline;
import org.minyi.index.IndexedMessage;
import org.minyi.message.Message;

/**
 * Large corpora made from the real messages: each synthetic message takes the body (and its analysis) of one real
 * message and the title of another, a new id and a date spread evenly over two years. The real messages are
 * analysed once through the production pipeline; resampling reuses those analyses (index words included), so a
 * million messages cost index time only. Fixed seed: every run builds the same corpus.
 */
final class ResampledCorpus {

    static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    static final long TWO_YEARS_SECONDS = 2L * 365 * 86_400;

    private final List<IndexedMessage> real;
    private final Random random = new Random(20_260_101);

    private ResampledCorpus(List<IndexedMessage> real) {
        this.real = real;
    }

    /** Analyses the real messages on all cores. */
    static ResampledCorpus analyse(AnalysisPipeline pipeline, List<Message> messages) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<IndexedMessage>> futures = new ArrayList<>(messages.size());
            for (Message m : messages) {
                futures.add(pool.submit(() -> IndexedMessage.of(m, pipeline.analyze(m))));
            }
            List<IndexedMessage> analysed = new ArrayList<>(messages.size());
            for (Future<IndexedMessage> f : futures) {
                analysed.add(f.get());
            }
            return new ResampledCorpus(List.copyOf(analysed));
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same corpus again from its first message (the analyses are shared). */
    ResampledCorpus fromStart() {
        return new ResampledCorpus(real);
    }

    IndexedMessage next(int i) {
        IndexedMessage body = real.get(random.nextInt(real.size()));
        IndexedMessage title = real.get(random.nextInt(real.size()));
        Message b = body.message();
        Analysis a = body.analysis();
        Analysis t = title.analysis();
        Instant at = FROM.plusSeconds(random.nextLong(TWO_YEARS_SECONDS));
        Message message = new Message("syn-" + i, b.source(), b.channel(), title.message().title(), b.text(), at,
                b.region(), null, b.votes(), null);
        Analysis analysis = new Analysis(a.tokens(), a.topic(), a.topicScore(), a.sentiment(), a.sentimentScore(),
                a.places(), a.region(), a.departments(), a.keywords(), a.demand(), a.demandKey(), t.maskedTitle(),
                a.maskedText(), a.simhash(), t.titleWords(), a.textWords());
        return new IndexedMessage(message, analysis);
    }
}
