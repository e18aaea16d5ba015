package org.minyi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 13: the data folder holds the index, uploads, alert history and password hashes, and the files
 * inside it are made by libraries under the umask (Lucene's segments, history segments: 0644). The folder itself is
 * the service's user's only, whatever the umask made of it, so none of them can be read by other users.
 */
class DataFolderTest {

    @TempDir
    Path home;

    @Test
    void anExistingDataFolderOpenToOthersIsClosedToTheOwnerOnly() throws IOException {
        Path data = Files.createDirectory(home.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));

        MinYiStack.ownDataFolder(data);

        assertThat(mode(data)).isEqualTo("rwx------");
    }

    @Test
    void aMissingDataFolderIsCreatedForTheOwnerOnly() throws IOException {
        Path data = home.resolve("minyi").resolve("data");

        MinYiStack.ownDataFolder(data);

        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.getParent())).isEqualTo("rwx------");
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
