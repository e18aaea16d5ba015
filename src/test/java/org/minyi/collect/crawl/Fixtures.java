package org.minyi.collect.crawl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.minyi.ingest.MessageSink;
import org.minyi.message.Message;

/** The shipped Shangluo config pointed at the loopback fixture site, and a sink that remembers. */
final class Fixtures {

    static final Path SHANGLUO_CONFIG = Path.of("crawler-config", "shangluo-mayor-mailbox.yaml");

    private Fixtures() {
    }

    static List<FixtureLetter> lettersOrSkip() throws IOException {
        assumeTrue(Files.exists(FixtureLetter.CSV), "real letters not found at " + FixtureLetter.CSV.toAbsolutePath()
                + "; skipping fixture-site crawl tests");
        return FixtureLetter.readAll();
    }

    /** No delay and short limits: the politeness machinery still runs, the fixture just never makes it wait long. */
    static CrawlerConfig shangluoAt(URI start, int concurrency) {
        CrawlerConfig shipped = CrawlerConfig.load(SHANGLUO_CONFIG);
        CrawlerConfig.Politeness fast = new CrawlerConfig.Politeness(Duration.ZERO, concurrency, 2,
                Duration.ofMillis(10), Duration.ofSeconds(1), 200_000, 5, shipped.politeness().userAgent(), true);
        return shipped.withStartUrls(List.of(start)).withPoliteness(fast)
                .withNetwork(new CrawlerConfig.NetworkPolicy(true, false));
    }

    static final class RecordingSink implements MessageSink {
        final List<Message> accepted = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void accept(Message message) {
            accepted.add(message);
        }

        List<String> ids() {
            synchronized (accepted) {
                return accepted.stream().map(Message::id).toList();
            }
        }
    }
}
