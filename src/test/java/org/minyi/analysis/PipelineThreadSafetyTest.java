package org.minyi.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.minyi.message.Message;

class PipelineThreadSafetyTest {

    @Test
    void fourThreadsGiveExactlyTheSingleThreadResults() throws Exception {
        AnalysisPipeline pipeline = Pipelines.shared();
        List<Message> messages = RealMessages.labeled().subList(0, 300);
        List<Analysis> expected = new ArrayList<>();
        for (Message m : messages) {
            expected.add(pipeline.analyze(m));
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Analysis>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                // Each thread walks all messages in its own order, so different messages overlap in time.
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < messages.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new Random(t));
                runs.add(threads.submit(() -> {
                    Analysis[] results = new Analysis[messages.size()];
                    for (int i : order) {
                        results[i] = pipeline.analyze(messages.get(i));
                    }
                    return List.of(results);
                }));
            }
            for (Future<List<Analysis>> run : runs) {
                List<Analysis> actual = run.get();
                for (int i = 0; i < messages.size(); i++) {
                    assertEquals(expected.get(i), actual.get(i), "message " + messages.get(i).id());
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
