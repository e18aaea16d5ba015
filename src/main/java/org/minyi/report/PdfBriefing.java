package org.minyi.report;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A briefing as an A4 PDF, laid out by openhtmltopdf from the same XHTML as the HTML download (so an operator's
 * template shapes both), with the Chinese font embedded as a subset and page numbers from the template's
 * {@code @page} counters.
 */
public final class PdfBriefing {

    /** The font family the templates' CSS names. */
    static final String FAMILY = "MinYiCJK";

    static {
        // openhtmltopdf logs every layout step at INFO through java.util.logging; failures still arrive as exceptions
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    private final HtmlBriefing html;
    private final CjkFont font;

    public PdfBriefing(HtmlBriefing html, CjkFont font) {
        this.html = html;
        this.font = font;
    }

    public byte[] render(Briefing briefing) {
        String xhtml = html.render(briefing);
        List<AutoCloseable> open = new ArrayList<>();
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(load(document, open)), FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the PDF: " + e.getMessage(), e);
        } finally {
            for (AutoCloseable c : open) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // the PDF is written; a font file left open is closed with the JVM
                }
            }
        }
    }

    /** The first font of the file (a .ttc holds several faces of one family), embedded as a subset. */
    private PDType0Font load(PDDocument document, List<AutoCloseable> open) {
        try {
            String name = font.file().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(font.file().toFile());
                open.add(collection);
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(ttf -> {
                    if (first[0] == null) {
                        first[0] = ttf;
                    }
                });
                return PDType0Font.load(document, first[0], true);
            }
            return PDType0Font.load(document, new RandomAccessReadBufferedFile(font.file().toFile()), true, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the Chinese font " + font.file() + ": " + e.getMessage(), e);
        }
    }
}
