package org.minyi.insight;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work of one hotspot request spread over the cores: each part on a thread of its own (a request runs a few, and
 * they must not queue behind unrelated tasks in a shared pool), failures rethrown as they were thrown.
 */
final class BackgroundWork {

    private BackgroundWork() {
    }

    static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, runnable -> Thread.ofPlatform().name(name).daemon().start(runnable));
    }

    static <T> T join(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
