package org.minyi.collect.importer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an .xlsx file by streaming its XML (SAX), so big workbooks do not have to fit in memory.
 * Numbers arrive as plain digits (an id 188006 stays "188006", not "188006.0"); date-formatted numbers arrive as
 * ISO local date-times, which the mapping's zone then places in time.
 */
final class XlsxTableReader {

    private XlsxTableReader() {
    }

    static void read(Path file, ImportRun run, TableHandler handler) {
        Rows rows = new Rows(handler);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportException(file.getFileName() + " has no sheet");
            }
            try (InputStream sheet = sheets.next();
                 CountingInputStream bytes = new CountingInputStream(sheet)) {
                long size = sheets.getSheetPart().getSize();
                run.measureProgressBy(() -> CountingInputStream.fraction(bytes.count(), size));
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new PlainValues(), false));
                parser.parse(new InputSource(bytes));
            } catch (IOException | SAXException | RuntimeException e) {
                if (e instanceof ImportException || rows.lastRow < 0) {
                    throw e;
                }
                // Rows already imported stay imported; the damage is reported where the readable part ends.
                handler.broken(rows.lastRow + 1, "the sheet cannot be read past here (" + e.getMessage()
                        + "); the rest of the sheet was not read");
            }
        } catch (ImportException e) {
            throw e;
        } catch (InvalidFormatException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw new ImportException(file.getFileName() + " is not a valid .xlsx workbook: " + e.getMessage(), e);
        } catch (IOException | OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException
                 | RuntimeException e) {
            // A damaged workbook fails deep inside POI, with whatever exception the broken part happens to cause.
            throw new ImportException(file.getFileName() + " is not a readable .xlsx workbook: " + e, e);
        }
    }

    /** Collects the cells of each row by column letter, so gaps stay gaps. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final TableHandler handler;
        private final List<String> cells = new ArrayList<>();
        /** The sheet row number of the last row handed over, -1 before the first. */
        private long lastRow = -1;

        Rows(TableHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            while (!cells.isEmpty() && CellText.clean(cells.getLast()) == null) {
                cells.removeLast();
            }
            lastRow = rowNum + 1L;
            handler.cells(lastRow, new ArrayList<>(cells));
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add(null);
            }
            cells.add(value);
        }
    }

    /** Formats numbers for import, not for display: dates as ISO, whole numbers without decimals. */
    private static final class PlainValues extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString,
                                            boolean use1904Windowing) {
            if (formatString != null && DateUtil.isADateFormat(formatIndex, formatString)
                    && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing, true).toString();
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
