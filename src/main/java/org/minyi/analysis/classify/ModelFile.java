package org.minyi.analysis.classify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The on-disk form of a trained model: gzip (whose CRC catches corruption) around a magic word, the model kind, a
 * format version, free-form training facts, then the kind's own payload.
 */
final class ModelFile {

    private static final String MAGIC = "MINYI-MODEL";
    private static final int VERSION = 1;

    interface Payload {
        void write(DataOutputStream out) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in, Map<String, String> facts) throws IOException;
    }

    private ModelFile() {
    }

    static void write(Path file, String kind, Map<String, String> facts, Payload payload) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16)))) {
                out.writeUTF(MAGIC);
                out.writeUTF(kind);
                out.writeInt(VERSION);
                out.writeInt(facts.size());
                for (Map.Entry<String, String> fact : facts.entrySet()) {
                    out.writeUTF(fact.getKey());
                    out.writeUTF(fact.getValue());
                }
                payload.write(out);
                out.writeUTF(MAGIC); // end marker: a truncated payload cannot pass for a whole one
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model file " + file, e);
        }
    }

    static <T> T read(Path file, String kind, String retrainHint, Reader<T> reader) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("model file " + file.toAbsolutePath().normalize() + " is missing; "
                    + retrainHint);
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), 1 << 16))) {
            String magic = in.readUTF();
            if (!magic.equals(MAGIC)) {
                throw new ModelLoadException(file + " is not a MinYi model file");
            }
            String actualKind = in.readUTF();
            if (!actualKind.equals(kind)) {
                throw new ModelLoadException(file + " holds a " + actualKind + " model, not a " + kind + " model");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new ModelLoadException(file + " has model format version " + version
                        + "; this build reads version " + VERSION + "; " + retrainHint);
            }
            int factCount = in.readInt();
            if (factCount < 0 || factCount > 10_000) {
                throw new IOException("implausible header");
            }
            Map<String, String> facts = new LinkedHashMap<>();
            for (int i = 0; i < factCount; i++) {
                facts.put(in.readUTF(), in.readUTF());
            }
            T model = reader.read(in, facts);
            if (!in.readUTF().equals(MAGIC)) {
                throw new IOException("end marker missing");
            }
            return model;
        } catch (ZipException | EOFException e) {
            throw new ModelLoadException("model file " + file + " is corrupt or truncated (" + e.getMessage()
                    + "); " + retrainHint, e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelLoadException loadException) {
                throw loadException;
            }
            throw new ModelLoadException("model file " + file + " is corrupt (" + e.getMessage() + "); "
                    + retrainHint, e);
        }
    }
}
