package org.minyi.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * The Chinese font embedded in PDFs and drawn into charts: a TrueType-outline font file (.ttf or a .ttc collection;
 * PDFBox cannot embed the CFF outlines of Noto CJK's .otf/.ttc), found at run time. {@code minyi.report.font} names a
 * file; otherwise the usual Debian packages are looked for (fonts-wqy-zenhei, fonts-wqy-microhei, fonts-arphic-uming,
 * fonts-droid-fallback) under /usr/share/fonts and ~/.fonts.
 */
public final class CjkFont {

    /** File names tried in this order, each a TrueType font with the common Chinese characters. */
    static final List<String> KNOWN = List.of("wqy-zenhei.ttc", "wqy-microhei.ttc", "DroidSansFallbackFull.ttf",
            "DroidSansFallback.ttf", "uming.ttc", "ukai.ttc");

    private final Path file;
    private final Font awt;

    private CjkFont(Path file, Font awt) {
        this.file = file;
        this.awt = awt;
    }

    public Path file() {
        return file;
    }

    /** The font's family name, as DOCX runs name it. */
    public String family() {
        return awt.getFamily(Locale.ROOT);
    }

    /** The font at {@code size} points, for charts. */
    public Font awt(float size, int style) {
        return awt.deriveFont(style, size);
    }

    /**
     * The font's first face cut down to the glyphs of {@code codePoints}, as a standalone TrueType file: what a Word
     * document embeds (a .ttc collection cannot be embedded, and the whole face would add megabytes). Only the tables
     * a TrueType renderer needs are kept; bitmap strikes and layout tables, which name glyphs by their old numbers,
     * are dropped.
     */
    public byte[] subset(Set<Integer> codePoints) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                try (TrueTypeCollection collection =
                             new TrueTypeCollection(file.toFile())) {
                    boolean[] first = {true};
                    collection.processAllFonts(face -> {
                        if (first[0]) {
                            first[0] = false;
                            writeSubset(face, codePoints, out);
                        }
                    });
                }
            } else {
                try (TrueTypeFont face = new TTFParser().parse(
                        new RandomAccessReadBufferedFile(file.toFile()))) {
                    writeSubset(face, codePoints, out);
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot cut a subset of the font " + file, e);
        }
    }

    private static final List<String> SUBSET_TABLES = List.of("head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap",
            "name", "OS/2", "post", "cvt ", "fpgm", "prep", "gasp");

    private static void writeSubset(TrueTypeFont face, Set<Integer> codePoints,
                                    OutputStream out) throws IOException {
        TTFSubsetter subsetter = new TTFSubsetter(face, SUBSET_TABLES);
        subsetter.addAll(codePoints);
        subsetter.writeToStream(out);
    }

    /** The configured or first known font, or an error that says what to install. */
    public static CjkFont find(String configured) {
        Path path = configured != null && !configured.isBlank() ? Path.of(configured.strip()) : search()
                .orElseThrow(() -> new IllegalStateException("no Chinese font for briefings: install fonts-wqy-zenhei "
                        + "(apt-get install fonts-wqy-zenhei) or set minyi.report.font to a .ttf/.ttc file; looked for "
                        + KNOWN + " under /usr/share/fonts and ~/.fonts"));
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("minyi.report.font: no font file at " + path);
        }
        try {
            Font[] fonts = Font.createFonts(path.toFile());
            return new CjkFont(path, fonts[0]);
        } catch (FontFormatException e) {
            throw new IllegalStateException("minyi.report.font: " + path + " is not a TrueType font: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + path, e);
        }
    }

    private static Optional<Path> search() {
        List<Path> roots = Stream.of(Path.of("/usr/share/fonts"), Path.of(System.getProperty("user.home"), ".fonts"),
                Path.of(System.getProperty("user.home"), ".local/share/fonts")).filter(Files::isDirectory).toList();
        for (String name : KNOWN) {
            for (Path root : roots) {
                try (Stream<Path> files = Files.walk(root, 4)) {
                    Optional<Path> found = files.filter(p -> p.getFileName().toString().equals(name)).findFirst();
                    if (found.isPresent()) {
                        return found;
                    }
                } catch (IOException | UncheckedIOException e) {
                    // an unreadable font folder: try the next
                }
            }
        }
        return Optional.empty();
    }
}
