package org.minyi.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagePartName;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.openxml4j.opc.TargetMode;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRelation;

/**
 * Embeds the Chinese font in a Word document, so that Word and LibreOffice show the text in it where it is not
 * installed (ECMA-376 Part 1, §17.8.1 and §17.8.3.3): the font's glyphs for the characters the document uses, as a
 * TrueType subset, stored obfuscated in {@code /word/fonts/font1.odttf}, and named in {@code /word/fontTable.xml} by
 * an {@code w:embedRegular} that carries the relationship to the part and the obfuscation key; the settings ask to
 * keep embedded TrueType fonts and say they are subsets.
 *
 * <p>Obfuscation: the key is a GUID written {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}}; its 32 hex digits read as
 * 16 bytes in reverse order are XORed onto bytes 0–15 and again onto bytes 16–31 of the font file.
 */
final class EmbeddedDocxFont {

    static final String FONT_PART = "/word/fonts/font1.odttf";
    static final String OBFUSCATED_FONT = "application/vnd.openxmlformats-officedocument.obfuscatedFont";
    static final String FONT_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font";

    private EmbeddedDocxFont() {
    }

    /** Embeds the subset of {@code font} that {@code doc}'s text (body and footers) needs; call when it is complete. */
    static void embed(XWPFDocument doc, CjkFont font) {
        byte[] subset = font.subset(codePoints(doc));
        UUID key = UUID.randomUUID();
        try {
            OPCPackage pkg = doc.getPackage();
            PackagePart fontPart = pkg.createPart(name(FONT_PART), OBFUSCATED_FONT);
            try (OutputStream out = fontPart.getOutputStream()) {
                out.write(obfuscate(subset, key));
            }
            PackagePart table = pkg.createPart(name(XWPFRelation.FONT_TABLE.getDefaultFileName()),
                    XWPFRelation.FONT_TABLE.getContentType());
            PackageRelationship toFont = table.addRelationship(name(FONT_PART), TargetMode.INTERNAL, FONT_RELATION);
            try (OutputStream out = table.getOutputStream()) {
                out.write(fontTable(font.family(), toFont.getId(), fontKey(key)).getBytes(StandardCharsets.UTF_8));
            }
            doc.getPackagePart().addRelationship(table.getPartName(), TargetMode.INTERNAL,
                    XWPFRelation.FONT_TABLE.getRelation());
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("cannot add the font parts to the Word document: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var settings = doc.getSettings().getCTSettings();
        if (!settings.isSetEmbedTrueTypeFonts()) {
            settings.addNewEmbedTrueTypeFonts();
        }
        if (!settings.isSetSaveSubsetFonts()) {
            settings.addNewSaveSubsetFonts();
        }
    }

    /** Every character of the document's XML: its text, and harmlessly its markup (ASCII, needed anyway). */
    private static Set<Integer> codePoints(XWPFDocument doc) {
        Set<Integer> codePoints = new TreeSet<>();
        doc.getDocument().xmlText().codePoints().forEach(codePoints::add);
        doc.getFooterList().forEach(f -> f._getHdrFtr().xmlText().codePoints().forEach(codePoints::add));
        for (int c = 0x20; c < 0x7f; c++) {
            codePoints.add(c);   // digits and Latin letters for an edit of the figures
        }
        return codePoints;
    }

    /** {@code {XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}} in capitals, as Word writes it. */
    static String fontKey(UUID key) {
        return "{" + key.toString().toUpperCase(Locale.ROOT) + "}";
    }

    /** XORs the first 32 bytes with the key's bytes in reverse order; the same call undoes it. */
    static byte[] obfuscate(byte[] font, UUID key) {
        byte[] digits = HexFormat.of().parseHex(key.toString().replace("-", ""));
        byte[] out = font.clone();
        for (int i = 0; i < 32 && i < out.length; i++) {
            out[i] ^= digits[15 - (i % 16)];
        }
        return out;
    }

    private static String fontTable(String family, String relationId, String fontKey) {
        String name = HtmlBriefing.esc(family);
        // charset 86 = GB2312 (simplified Chinese); element order as CT_Font requires
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:fonts xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<w:font w:name=\"" + name + "\"><w:charset w:val=\"86\"/><w:family w:val=\"swiss\"/>"
                + "<w:pitch w:val=\"variable\"/><w:embedRegular r:id=\"" + relationId + "\" w:fontKey=\"" + fontKey
                + "\" w:subsetted=\"1\"/></w:font></w:fonts>";
    }

    private static PackagePartName name(String part) throws InvalidFormatException {
        return PackagingURIHelper.createPartName(part);
    }
}
