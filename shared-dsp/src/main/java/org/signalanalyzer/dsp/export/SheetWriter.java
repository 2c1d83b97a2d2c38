package org.signalanalyzer.dsp.export;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes cells of one sheet (0-based rows and columns) with shared styles, and remembers the longest text each column
 * shows so that {@link #fitColumns()} can size the columns the way the lab's workbooks are sized.
 */
final class SheetWriter {

    /** The desktop's cap on a column's width, in characters. */
    static final int MAX_WIDTH_CHARS = 50;

    private final XSSFSheet sheet;
    private final Styles styles;
    private final Map<Integer, Integer> longest = new HashMap<>();

    SheetWriter(XSSFSheet sheet, Styles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    XSSFSheet sheet() {
        return sheet;
    }

    void text(int row, int col, String value) {
        text(row, col, value, false);
    }

    void text(int row, int col, String value, boolean bold) {
        Cell c = cell(row, col);
        c.setCellValue(value);
        if (bold) c.setCellStyle(styles.bold());
        measure(col, value);
    }

    void number(int row, int col, double value, NumberFormat format) {
        Cell c = cell(row, col);
        c.setCellValue(value);
        if (format != NumberFormat.GENERAL) c.setCellStyle(styles.number(format));
        measure(col, format.display(value));
    }

    /**
     * Width = the longest text a column shows + 2, at most {@value #MAX_WIDTH_CHARS} characters. "Text shown" is the
     * cell's string, or its number as its number format displays it (e.g. {@code -505.9884060} for 0.0000000): what a
     * reader sees, which is what the lab sized for. Excel's width unit is 1/256 of a character.
     */
    void fitColumns() {
        for (var e : longest.entrySet()) {
            sheet.setColumnWidth(e.getKey(), Math.min(e.getValue() + 2, MAX_WIDTH_CHARS) * 256);
        }
    }

    private void measure(int col, String shown) {
        longest.merge(col, shown.length(), Math::max);
    }

    private Cell cell(int row, int col) {
        Row r = sheet.getRow(row);
        if (r == null) r = sheet.createRow(row);
        return r.createCell(col);
    }

    /** One workbook's cell styles, each created once (Excel limits a workbook to 64 000 styles). */
    static final class Styles {
        private final XSSFWorkbook workbook;
        private final Map<NumberFormat, CellStyle> numbers = new HashMap<>();
        private CellStyle bold;

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
        }

        CellStyle bold() {
            if (bold == null) {
                Font f = workbook.createFont();
                f.setBold(true);
                bold = workbook.createCellStyle();
                bold.setFont(f);
            }
            return bold;
        }

        CellStyle number(NumberFormat format) {
            return numbers.computeIfAbsent(format, f -> {
                CellStyle s = workbook.createCellStyle();
                s.setDataFormat(workbook.createDataFormat().getFormat(f.pattern));
                return s;
            });
        }
    }
}
