package org.signalanalyzer.functions.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads a downloaded workbook with POI, for tests that check an export carries the numbers shared-dsp computed. */
public final class WorkbookValues {

    private WorkbookValues() {}

    /** True when some numeric cell of some sheet equals {@code value} within {@code tolerance}. */
    public static boolean contains(byte[] xlsx, double value, double tolerance) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.NUMERIC
                                && Math.abs(cell.getNumericCellValue() - value) <= tolerance) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
