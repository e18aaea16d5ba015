package org.minyi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small state file written whole as JSON (users, saved searches): through a temporary file and an atomic move, so
 * a crash leaves the old or the new content, never half. Readable by the service's own user only ({@link OwnerOnly}).
 */
public final class JsonFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonFile() {
    }

    public static void replace(Path file, Object content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        OwnerOnly.createFile(tmp);
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
