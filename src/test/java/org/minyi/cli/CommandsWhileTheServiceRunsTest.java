package org.minyi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.web.RunningService;

/**
 * Commands that need the index while a service holds it go through the service's API: the user runs them as
 * always and gets the same kind of answer. The service here is the web tests' one, on its own data folder.
 */
class CommandsWhileTheServiceRunsTest extends RunningService {

    @TempDir
    Path tmp;

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

    private int minyi(String... args) {
        picocli.CommandLine cli = CommandLines.create();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
