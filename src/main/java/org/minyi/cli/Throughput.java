package org.minyi.cli;

import java.util.List;
import java.util.function.Consumer;

/** Single-thread classification speed over already segmented documents (segmentation is the pipeline's cost). */
final class Throughput {

    private Throughput() {
    }

    static <T> String measure(List<T> documents, Consumer<T> classify) {
        for (int round = 0; round < 3; round++) { // warm-up: let the JIT compile the hot path
            documents.forEach(classify);
        }
        int calls = 0;
        long start = System.nanoTime();
        while (calls < 20_000 || System.nanoTime() - start < 2_000_000_000L) {
            for (T document : documents) {
                classify.accept(document);
            }
            calls += documents.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return String.format("throughput: %.0f messages/s on one thread (%d classifications in %.2f s,"
                + " segmentation not included)", calls / seconds, calls, seconds);
    }
}
