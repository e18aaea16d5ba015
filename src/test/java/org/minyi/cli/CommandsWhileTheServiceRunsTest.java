package org.minyi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.analysis.DomainDictionary;
import org.minyi.analysis.Segmenter;
import org.minyi.index.MessageFilter;
import org.minyi.index.MessageIndex;
import org.minyi.index.elasticsearch.ElasticsearchMessageIndex;
import org.minyi.insight.forecast.PeriodCounts;
import org.minyi.index.elasticsearch.ElasticsearchSettings;
import org.minyi.testing.es.ElasticsearchNode;
import org.minyi.testing.es.ElasticsearchNodeExtension;
import org.minyi.web.RunningService;

/**
 * Commands that need the index while a service holds it go through the service's API: the user runs them as
 * always and gets the same kind of answer. The service here is the web tests' one, on its own data folder.
 */
@ExtendWith(ElasticsearchNodeExtension.class)
class CommandsWhileTheServiceRunsTest extends RunningService {

    @TempDir
    Path tmp;

    @org.springframework.beans.factory.annotation.Autowired
    MessageIndex index;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void pointTheCommandsAtTheService() throws Exception {
        importFixture();
        System.setProperty("minyi.data-dir", dataDir.toString());
        System.setProperty("minyi.port", Integer.toString(port));
        System.setProperty("minyi.user", "admin");
        System.setProperty("minyi.password", ADMIN_PASSWORD);
    }

    @AfterEach
    void forgetTheService() {
        for (String key : new String[] {"minyi.data-dir", "minyi.port", "minyi.user", "minyi.password"}) {
            System.clearProperty(key);
        }
    }

    @Test
    void hotspotsAreAskedOfTheServiceThatHoldsTheIndex() {
        int exit = minyi("hotspots", "--from", "2019-01-01", "--to", "2020-01-01", "--members");

        assertEquals(0, exit, err.toString());
        assertTrue(err.toString().contains("The index is held by a running MinYi service; asking it at"), err.toString());
        assertTrue(out.toString().contains("messages; from the service)"), out.toString());
        assertTrue(out.toString().contains("Top 1 hotspots") && out.toString().contains("路灯"),
                "the streetlight messages of A3区 form an issue, listed with their titles: " + out);
    }

    @Test
    void aGbkFileIsImportedThroughTheServiceAndTheEncodingIsNamed() throws Exception {
        Path file = tmp.resolve("gbk.csv");
        Files.writeString(file, "id,title,text,createdAt,region\ncli1,路灯,小区路灯坏了，希望修复,2019-06-01T10:00:00+08:00,A3区\n",
                Charset.forName("GBK"));

        int exit = minyi("import", file.toString());

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("1 rows read, 1 imported, 0 rejected"), out.toString());
        assertTrue(out.toString().contains("read as GB18030 (GBK)"), out.toString());
        assertFalse(err.toString().contains("WARNING"), err.toString());
    }

    @Test
    void checkIndexIsAskedOfTheServiceWhichChecksItsIndexAndKeepsServing() throws Exception {
        int exit = minyi("check-index");

        assertEquals(0, exit, out + "\n" + err);
        assertTrue(err.toString().contains("asking it at"), err.toString());
        long messages = json.readTree(get("/api/status")).get("messages").asLong();
        assertTrue(messages > 0);
        assertTrue(out.toString().contains("is sound: ") && out.toString().contains(", " + messages + " messages"),
                "the service's check counts what the service serves (" + messages + "): " + out);
        assertEquals(0, minyi("import", writeOneMessage("after-check").toString()), err.toString());
    }

    @Test
    void checkIndexOfAnotherFolderInUseIsNotAnsweredWithTheServicesIndex() throws Exception {
        Path other = tmp.resolve("other-index");
        try (var held = org.minyi.index.lucene.LuceneMessageIndex.open(other,
                new org.minyi.analysis.Segmenter(org.minyi.analysis.DomainDictionary.load(null)),
                org.minyi.MinYiSettings.CHINA)) {
            int exit = minyi("check-index", "--index", other.toString());

            assertEquals(2, exit, out.toString());
            assertTrue(err.toString().contains("is in use by another process"), err.toString());
            assertFalse(out.toString().contains("is sound"), out.toString());
        }
    }

    @Test
    void reindexIsMadeByTheServiceWhichKeepsServingAndCopiesEveryMessage(ElasticsearchNode node) throws Exception {
        long messages = json.readTree(get("/api/status")).get("messages").asLong();

        int exit = minyi("reindex", "--es-url", node.url(), "--es-prefix", "served", "--es-replicas", "0");

        assertEquals(0, exit, out + "\n" + err);
        assertTrue(err.toString().contains("asking it at"), err.toString());
        assertTrue(out.toString().contains("copied " + messages + " of " + messages + " messages of the service's"),
                out.toString());
        try (ElasticsearchMessageIndex elastic = ElasticsearchMessageIndex.open(
                ElasticsearchSettings.of(URI.create(node.url()), tmp.resolve("check")).withIndexPrefix("served")
                        .withReplicas(0), new Segmenter(DomainDictionary.load(null)))) {
            assertEquals(messages, elastic.count());
        }
        assertEquals(0, minyi("reindex", "--es-url", node.url(), "--es-prefix", "served", "--es-replicas", "0"),
                "running it again is safe: " + err);
        assertTrue(out.toString().contains("the alias now holds " + messages + "\n"), out.toString());
    }

    @Test
    void aReindexOfAServiceIsRefusedClearlyWhenElasticsearchCannotBeReached() {
        int exit = minyi("reindex", "--es-url", "http://127.0.0.1:1", "--es-prefix", "nowhere");

        assertEquals(1, exit, out.toString());
        assertTrue(err.toString().contains("reindex failed after 0 messages"), err.toString());
    }

    @Test
    void aForecastBacktestReadsItsCountsFromTheService() {
        int exit = minyi("evaluate", "forecast", "--interval", "week", "--first-train", "1", "--horizon", "1",
                "--min-messages", "1");

        assertTrue(err.toString().contains("asking it at") && err.toString().contains("for the counts"),
                err.toString());
        assertEquals(0, exit, out + "\n" + err);
        // the service leaves out a last week that is not over, and the command takes its counts as they are
        PeriodCounts served = PeriodCounts.of(index, MessageFilter.ALL, PeriodCounts.Interval.WEEK,
                org.minyi.MinYiSettings.CHINA).withoutPartialLast(PeriodCounts.Interval.WEEK,
                java.time.LocalDate.now(org.minyi.MinYiSettings.CHINA));
        assertFalse(served.counts().isEmpty());
        assertTrue(out.toString().contains("(" + served.periods().size() + " periods)"), out.toString());
        served.counts().forEach((domain, weeks) -> assertTrue(out.toString().contains(String.format("%-14s %6.0f",
                domain, java.util.Arrays.stream(weeks).sum())), domain + " with its count as the service holds it: "
                + out));
    }

    private String get(String path) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private Path writeOneMessage(String id) throws Exception {
        Path file = tmp.resolve(id + ".jsonl");
        Files.writeString(file, "{\"id\":\"" + id + "\",\"title\":\"路灯\",\"text\":\"路灯坏了\"}\n");
        return file;
    }

    private int minyi(String... args) {
        picocli.CommandLine cli = CommandLines.create();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
