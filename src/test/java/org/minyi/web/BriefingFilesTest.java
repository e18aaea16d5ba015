package org.minyi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The weekly report as files a leader opens: the PDF is A4 with the Chinese font embedded, numbered pages and a
 * chart, and its pages render to pictures (pdftoppm); the DOCX holds the same text, a chart picture and a page-number
 * field, and LibreOffice turns it into a PDF of several pages. The pictures are kept under
 * {@code target/briefing-pages/} for a person to look at. Without pdftoppm or LibreOffice those parts are skipped
 * with a message, except on CI ({@code CI=true}), where {@code .ci/run} installs them.
 */
@TestPropertySource(properties = "minyi.report.link-base=http://briefing.test")
class BriefingFilesTest extends RunningService {

    private static final Path PAGES = Path.of("target/briefing-pages");
    private static final String WEEK = "/api/reports?kind=weekly&date=2019-03-20&format=";

    @BeforeEach
    void fixture() throws Exception {
        importFixture();
        BriefingFixture.importInto(this);
    }

    @Test
    void thePdfIsA4WithAnEmbeddedChineseFontAndPageNumbers() throws Exception {
        byte[] pdf = download("pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("cover, sections, sources").isGreaterThanOrEqualTo(3);
            for (PDPage page : document.getPages()) {
                PDRectangle box = page.getMediaBox();
                assertEquals(PDRectangle.A4.getWidth(), box.getWidth(), 1.0, "A4 width");
                assertEquals(PDRectangle.A4.getHeight(), box.getHeight(), 1.0, "A4 height");
            }
            String text = new PDFTextStripper().getText(document);
            assertThat(text).as("Chinese comes out as text, so the embedded font maps back to characters")
                    .contains("民意周报", "本期共收到留言19条", "数据来源");
            assertThat(text).contains("第 2 页 / 共 " + document.getNumberOfPages() + " 页");
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
            boolean hasImage = false;
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    hasImage |= page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
                }
            }
            assertThat(hasImage).as("the hot issue's timeline chart").isTrue();
        }
        Files.createDirectories(PAGES);
        Files.write(PAGES.resolve("weekly.pdf"), pdf);
        assumeTool("pdftoppm");
        List<Path> pngs = pdfToPng(PAGES.resolve("weekly.pdf"), "weekly-pdf");
        assertThat(pngs).hasSizeGreaterThanOrEqualTo(3);
        for (Path png : pngs) {
            assertThat(inkShare(png)).as("%s shows something", png).isGreaterThan(0.002);
        }
    }

    @Test
    void theDocxHasTheTextAChartAndPageNumbersAndLibreOfficeRendersIt() throws Exception {
        byte[] docx = download("docx");
        try (XWPFDocument document = new XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document).getText();
            assertThat(text).contains("民意周报", "本期共收到留言19条", "数据来源", "市住建局");
            assertThat(document.getAllPictures()).as("the timeline chart").isNotEmpty();
            assertThat(document.getFooterList()).isNotEmpty();
            assertThat(document.getFooterList().getFirst().getParagraphs().getFirst().getCTP().xmlText()).contains("PAGE");
            var size = document.getDocument().getBody().getSectPr().getPgSz();
            assertEquals("11906", size.getW().toString(), "A4 width in twips");
        }
        Files.createDirectories(PAGES);
        Path file = PAGES.resolve("weekly.docx");
        Files.write(file, docx);
        String office = assumeTool("soffice");
        Path outDir = Files.createDirectories(PAGES.resolve("from-docx"));
        Path profile = Files.createTempDirectory("minyi-soffice-");
        ProcessBuilder soffice = new ProcessBuilder(office, "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--convert-to", "pdf", "--outdir", outDir.toAbsolutePath().toString(), file.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(PAGES.resolve("soffice.log").toFile());
        // LibreOffice sees no Chinese font of the system: the Chinese it shows comes from the document's embedded one
        soffice.environment().put("FONTCONFIG_FILE", latinOnlyFontconfig().toString());
        Process convert = soffice.start();
        assertThat(convert.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice finished").isTrue();
        Path pdf = outDir.resolve("weekly.pdf");
        assertThat(pdf).as("LibreOffice wrote a PDF; see target/briefing-pages/soffice.log").exists();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            // LibreOffice's PDF puts spaces between Chinese and digits in extracted text
            assertThat(new PDFTextStripper().getText(document).replaceAll("\\s", ""))
                    .contains("民意周报", "本期共收到留言19条");
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name).getName());
                }
            }
            assertThat(fonts).as("LibreOffice drew with the font embedded in the document")
                    .anyMatch(name -> name.contains("WenQuanYi"));
        }
        if (which("pdftoppm") != null) {
            for (Path png : pdfToPng(pdf, "weekly-docx")) {
                assertThat(inkShare(png)).as("%s shows something", png).isGreaterThan(0.002);
            }
        }
    }

    @Test
    void theDocxEmbedsTheGlyphsOfItsChineseTextAsAnObfuscatedFont() throws Exception {
        byte[] docx = download("docx");
        try (OPCPackage pkg = OPCPackage.open(new java.io.ByteArrayInputStream(docx))) {
            PackagePart main = pkg.getPartsByContentType(XWPFRelation.DOCUMENT.getContentType()).getFirst();
            PackageRelationship toTable = main.getRelationshipsByType(XWPFRelation.FONT_TABLE.getRelation())
                    .getRelationship(0);
            assertThat(toTable).as("the document names its font table").isNotNull();
            PackagePart table = pkg.getPart(PackagingURIHelper.createPartName(toTable.getTargetURI()));
            String fonts = new String(table.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher embed = Pattern.compile("<w:font w:name=\"([^\"]+)\">.*?<w:embedRegular r:id=\"([^\"]+)\""
                    + " w:fontKey=\"\\{([0-9A-F-]{36})}\"").matcher(fonts);
            assertThat(embed.find()).as("fontTable.xml embeds a regular face: %s", fonts).isTrue();
            PackageRelationship toFont = table.getRelationship(embed.group(2));
            PackagePart fontPart = pkg.getPart(PackagingURIHelper.createPartName(
                    PackagingURIHelper.resolvePartUri(table.getPartName().getURI(), toFont.getTargetURI())));
            assertEquals("application/vnd.openxmlformats-officedocument.obfuscatedFont", fontPart.getContentType());

            // ECMA-376 Part 1 §17.8.1: the key's hex digits as bytes, last first, XORed onto bytes 0-31
            byte[] key = java.util.HexFormat.of().parseHex(embed.group(3).replace("-", ""));
            byte[] font = fontPart.getInputStream().readAllBytes();
            for (int i = 0; i < 32; i++) {
                font[i] ^= key[15 - i % 16];
            }
            assertThat(java.util.Arrays.copyOf(font, 4)).as("a TrueType file once the key is applied")
                    .containsExactly(0, 1, 0, 0);
            try (TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font));
                 XWPFDocument document = new XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
                assertEquals(embed.group(1), ttf.getNaming().getFontFamily(), "the font named in the table");
                var cmap = ttf.getUnicodeCmapLookup();
                String text = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document).getText();
                List<String> missing = text.codePoints().filter(c -> c > 0x2E80 && cmap.getGlyphId(c) == 0)
                        .mapToObj(Character::toString).distinct().toList();
                assertThat(missing).as("every Chinese character of the document has its glyph").isEmpty();
                assertThat(font.length).as("a subset, not the whole face").isLessThan(3_000_000);
                assertThat(document.getSettings().getCTSettings().isSetEmbedTrueTypeFonts()).isTrue();
            }
        }
    }

    private byte[] download(String format) throws Exception {
        HttpResponse<byte[]> response = http.send(as("leader", USER_PASSWORD, WEEK + format).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment", "minyi-weekly-2019-03-18." + format);
        return response.body();
    }

    /**
     * A fontconfig setup that offers one Latin font of the system and no Chinese one: a font folder holding a link to
     * a font file that supports English but not Chinese.
     */
    private static Path latinOnlyFontconfig() throws IOException, InterruptedException {
        List<String> latin = fcList(":lang=en");
        List<String> chinese = fcList(":lang=zh-cn");
        // a plain sans face if there is one (DejaVuSans.ttf before DejaVuSans-Bold.ttf)
        String font = latin.stream().filter(f -> !chinese.contains(f))
                .min(java.util.Comparator.comparing((String f) -> !Path.of(f).getFileName().toString().contains("Sans"))
                        .thenComparing(f -> Path.of(f).getFileName().toString().length()).thenComparing(f -> f))
                .orElseThrow(() -> new AssertionError("no Latin-only font for LibreOffice: " + latin));
        Path folder = Files.createTempDirectory("minyi-latin-fonts-");
        Files.createSymbolicLink(folder.resolve(Path.of(font).getFileName()), Path.of(font));
        Path config = folder.resolveSibling(folder.getFileName() + ".conf");
        Files.writeString(config, "<?xml version=\"1.0\"?>\n<fontconfig><dir>" + folder + "</dir><cachedir>"
                + folder.resolve("cache") + "</cachedir></fontconfig>\n");
        return config;
    }

    private static List<String> fcList(String pattern) throws IOException, InterruptedException {
        Process list = new ProcessBuilder("fc-list", "-f", "%{file}\\n", pattern).redirectErrorStream(true).start();
        String output = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(list.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output.lines().filter(line -> line.endsWith(".ttf") || line.endsWith(".otf")).toList();
    }

    /** Renders every page at 60 dpi; returns the pictures in page order. */
    private static List<Path> pdfToPng(Path pdf, String prefix) throws IOException, InterruptedException {
        Process render = new ProcessBuilder("pdftoppm", "-png", "-r", "60", pdf.toString(),
                PAGES.resolve(prefix).toString()).redirectErrorStream(true).start();
        String output = new String(render.getInputStream().readAllBytes());
        assertThat(render.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertEquals(0, render.exitValue(), output);
        try (var files = Files.list(PAGES)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix + "-")
                    && p.getFileName().toString().endsWith(".png")).sorted().toList();
        }
    }

    /** The share of pixels that are not near white. */
    private static double inkShare(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                if (r + g + b < 600) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }

    /** The tool's path; skips the test when it is absent, unless on CI, where its absence is a failure. */
    private static String assumeTool(String name) {
        String path = which(name);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(path).as(name + " must be installed on CI (.ci/run installs it)").isNotNull();
        }
        assumeTrue(path != null, name + " is not installed; skipping (apt-get install "
                + (name.equals("soffice") ? "libreoffice-writer-nogui" : "poppler-utils") + ")");
        return path;
    }

    private static String which(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
