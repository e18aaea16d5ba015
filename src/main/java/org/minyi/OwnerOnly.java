package org.minyi;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders only the system user running MinYi may read: user passwords' hashes, uploads and inbox files
 * full of citizens' messages, and the errors about them. Created with mode 0600 (files) or 0700 (folders) where the
 * file system has POSIX permissions, whatever the umask; elsewhere (Windows) the folder's own access list applies.
 */
public final class OwnerOnly {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    /** Creates an empty file readable by the owner only, replacing one already there. */
    public static Path createFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        return POSIX ? Files.createFile(file, attribute(FILE)) : Files.createFile(file);
    }

    /** Creates the folder and missing parents; those it creates are for the owner only. */
    public static Path createDirectories(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return folder;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            if (POSIX) {
                Files.createDirectory(absolute, attribute(FOLDER));
            } else {
                Files.createDirectory(absolute);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made meanwhile by someone else: fine when it is a folder
            if (!Files.isDirectory(absolute)) {
                throw e;
            }
        }
        return folder;
    }

    /** Makes an existing file or folder the owner's only (0600 / 0700); does nothing where POSIX modes do not exist. */
    public static void restrict(Path path) throws IOException {
        if (POSIX && Files.exists(path)) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? FOLDER : FILE);
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
