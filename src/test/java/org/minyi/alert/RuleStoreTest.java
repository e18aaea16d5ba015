package org.minyi.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 13: files holding secrets are the service's user's only. {@code rules.json} holds every webhook
 * secret and robot token, which the API never shows again; it was written with the umask's mode (0644).
 */
class RuleStoreTest {

    @TempDir
    Path home;

    @Test
    void theRulesFileWithItsSecretsIsReadableByTheServicesUserOnly() throws IOException {
        Path folder = home.resolve("alerts");
        RuleStore store = new RuleStore(folder);

        store.save(List.of(new Rule("r", "ops", null, Set.of(), Set.of(), List.of(), null, null, null,
                Destination.webhook("https://203.0.113.7/hook", "whsec-0123456789"))));

        assertEquals("rwx------", mode(folder));
        assertEquals("rw-------", mode(folder.resolve("rules.json")));
        assertEquals(1, store.load().size());
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
