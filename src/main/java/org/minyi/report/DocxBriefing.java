package org.minyi.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.model.XWPFHeaderFooterPolicy;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.VerticalAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.minyi.report.Briefing.Cell;
import org.minyi.report.Briefing.Chart;
import org.minyi.report.Briefing.Quote;
import org.minyi.report.Briefing.Section;
import org.minyi.report.Briefing.Sentence;

/**
 * A briefing as a Word document (Apache POI XWPF), built from the same {@link Briefing} as the HTML: A4, a cover,
 * page numbers in the footer (a PAGE field), charts as embedded PNG, figures footnoted with their number and listed
 * with their query at the end. Runs name the Chinese font found at run time, and the glyphs the document uses are
 * embedded ({@link EmbeddedDocxFont}), so Word and LibreOffice show them where that font is not installed.
 */
public final class DocxBriefing {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String RED = "A61B1B";

    private final CjkFont font;
    private final String linkBase;

    public DocxBriefing(CjkFont font, String linkBase) {
        this.font = font;
        this.linkBase = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
    }

    public byte[] render(Briefing briefing) {
        List<Figure> figures = briefing.figures();
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            a4WithPageNumbers(doc);
            cover(doc, briefing);
            for (Section section : briefing.sections()) {
                heading(doc, section.heading(), false);
                for (Sentence sentence : section.sentences()) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setIndentationFirstLine(440);
                    text(p, sentence.text(), 11, false, null);
                    sentence.figures().forEach(f -> marker(p, figures, f));
                }
                if (section.table() != null && !section.table().rows().isEmpty()) {
                    table(doc, section.table(), figures);
                }
                for (Chart chart : section.charts()) {
                    XWPFParagraph p = doc.createParagraph();
                    XWPFRun run = p.createRun();
                    run.addPicture(new ByteArrayInputStream(chart.png()), Document.PICTURE_TYPE_PNG, "chart.png",
                            Units.toEMU(chart.width() * 0.75), Units.toEMU(chart.height() * 0.75));
                    text(doc.createParagraph(), chart.caption(), 9, false, "555555");
                }
                int n = 1;
                for (Quote quote : section.quotes()) {
                    XWPFParagraph p = doc.createParagraph();
                    text(p, (n++) + ". “" + quote.text() + "”", 11, false, null);
                    XWPFParagraph meta = doc.createParagraph();
                    meta.setIndentationLeft(300);
                    text(meta, "编号 " + quote.id() + " · " + quote.time() + " · ", 9, false, "666666");
                    link(meta, "查看原留言", linkBase + quote.link());
                }
            }
            sources(doc, figures);
            EmbeddedDocxFont.embed(doc, font);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the Word document: " + e.getMessage(), e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("a chart is not a PNG: " + e.getMessage(), e);
        }
    }

    private void cover(XWPFDocument doc, Briefing briefing) {
        for (int i = 0; i < 6; i++) {
            doc.createParagraph();
        }
        XWPFParagraph header = centered(doc);
        text(header, "民 意 监 测", 14, false, RED);
        XWPFParagraph title = centered(doc);
        title.setSpacingBefore(400);
        title.setSpacingAfter(600);
        text(title, "民意" + briefing.kind().chinese(), 26, true, RED);
        for (String line : List.of("范围：" + briefing.scope().chinese(), "时段：" + briefing.period().chinese(),
                "生成时间：" + MINUTE.format(briefing.generatedAt()) + "（" + briefing.generatedAt().getZone() + "）")) {
            text(centered(doc), line, 12, false, null);
        }
        XWPFParagraph note = centered(doc);
        note.setSpacingBefore(1600);
        text(note, "文中每个数字都带脚注编号，文末列出得到它的查询（检索页或 API），可随时复核。", 9, false, "666666");
        note.setPageBreak(false);
        doc.createParagraph().createRun().addBreak(org.apache.poi.xwpf.usermodel.BreakType.PAGE);
    }

    private void table(XWPFDocument doc, Briefing.Table table, List<Figure> figures) {
        XWPFTable t = doc.createTable(table.rows().size() + 1, table.header().size());
        t.setWidth("100%");
        for (int c = 0; c < table.header().size(); c++) {
            XWPFParagraph p = t.getRow(0).getCell(c).getParagraphs().getFirst();
            t.getRow(0).getCell(c).setColor("F3E9E9");
            text(p, table.header().get(c), 10, true, null);
        }
        for (int r = 0; r < table.rows().size(); r++) {
            XWPFTableRow row = t.getRow(r + 1);
            List<Cell> cells = table.rows().get(r);
            for (int c = 0; c < cells.size(); c++) {
                XWPFParagraph p = row.getCell(c).getParagraphs().getFirst();
                text(p, cells.get(c).text(), 10, false, null);
                if (cells.get(c).figure() != null) {
                    marker(p, figures, cells.get(c).figure());
                }
            }
        }
        doc.createParagraph();
    }

    private void sources(XWPFDocument doc, List<Figure> figures) {
        XWPFParagraph breakBefore = doc.createParagraph();
        breakBefore.setPageBreak(true);
        heading(doc, "数据来源（每个数字的查询）", false);
        for (Figure f : figures) {
            XWPFParagraph p = doc.createParagraph();
            text(p, "[" + (figures.indexOf(f) + 1) + "] " + f.label() + "：" + f.shown() + "（依据 " + f.basis()
                    + " 条留言）。", 8, false, "444444");
            link(p, linkBase + f.query().apiLink(), linkBase + f.query().pageLink());
            text(p, " 取 " + f.query().read(), 8, false, "444444");
            if (f.per() != null) {
                text(p, "，除以 ", 8, false, "444444");
                link(p, linkBase + f.per().apiLink(), linkBase + f.per().pageLink());
                text(p, " 取 " + f.per().read(), 8, false, "444444");
            }
        }
    }

    private void heading(XWPFDocument doc, String title, boolean pageBreak) {
        XWPFParagraph p = doc.createParagraph();
        p.setPageBreak(pageBreak);
        p.setSpacingBefore(240);
        p.setSpacingAfter(120);
        text(p, title, 14, true, RED);
    }

    private static XWPFParagraph centered(XWPFDocument doc) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        return p;
    }

    private XWPFRun text(XWPFParagraph p, String text, int size, boolean bold, String color) {
        XWPFRun run = p.createRun();
        run.setText(clean(text));
        run.setFontSize(size);
        run.setBold(bold);
        if (color != null) {
            run.setColor(color);
        }
        fonts(run);
        return run;
    }

    private void marker(XWPFParagraph p, List<Figure> figures, Figure figure) {
        XWPFRun run = text(p, "[" + (figures.indexOf(figure) + 1) + "]", 8, false, "1F5FA8");
        run.setVerticalAlignment(VerticalAlign.SUPERSCRIPT.toString().toLowerCase(java.util.Locale.ROOT));
    }

    private void link(XWPFParagraph p, String text, String url) {
        XWPFHyperlinkRun run = p.createHyperlinkRun(url);
        run.setText(clean(text));
        run.setFontSize(8);
        run.setColor("1F5FA8");
        run.setUnderline(org.apache.poi.xwpf.usermodel.UnderlinePatterns.SINGLE);
        fonts(run);
    }

    private void fonts(XWPFRun run) {
        run.setFontFamily(font.family(), XWPFRun.FontCharRange.eastAsia);
        run.setFontFamily(font.family(), XWPFRun.FontCharRange.ascii);
        run.setFontFamily(font.family(), XWPFRun.FontCharRange.hAnsi);
    }

    private static void a4WithPageNumbers(XWPFDocument doc) {
        CTSectPr section = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));   // A4 in twentieths of a point
        size.setH(BigInteger.valueOf(16838));
        var margins = section.addNewPgMar();
        for (var set : List.<java.util.function.Consumer<BigInteger>>of(margins::setTop, margins::setBottom,
                margins::setLeft, margins::setRight)) {
            set.accept(BigInteger.valueOf(1134));   // 20 mm
        }
        XWPFHeaderFooterPolicy policy = new XWPFHeaderFooterPolicy(doc, section);
        XWPFFooter footer = policy.createFooter(XWPFHeaderFooterPolicy.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.createRun().setText("第 ");
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        p.createRun().setText(" 页");
    }

    /** Drops characters XML 1.0 cannot hold (Word would refuse the file). */
    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "");
    }
}
