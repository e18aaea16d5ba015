package org.minyi.collect.crawl;

import java.util.List;

/** A crawler config (or several) is unusable; {@link #problems()} names every file and key that is wrong. */
public final class CrawlerConfigException extends RuntimeException {

    private final List<String> problems;

    CrawlerConfigException(List<String> problems) {
        super(problems.size() + " problem(s) in crawler config:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
