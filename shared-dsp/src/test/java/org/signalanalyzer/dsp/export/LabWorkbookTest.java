package org.signalanalyzer.dsp.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.signalanalyzer.dsp.analysis.AnalysisResult;

/** The lab's per-set workbook, read back cell by cell against docs/desktop-conventions.md#lab-workbook. */
class LabWorkbookTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T23:05:09Z"), ZoneOffset.UTC);

    @Test
    void oneSetIsOneWorkbookWithOneSheetPerFileInFileNumberOrder() throws Exception {
        List<NamedAnalysis> in = List.of(
                Analyses.named("20230405_0525_1_+20mV.atf", 20, 2),
                Analyses.named("20230405_0521_1_-20mV.atf", -20, 1),
                Analyses.named("20230405_0521_1_-40mV.atf", -40, 3));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportedFile file = new Exporter(CLOCK).write(Layout.LAB_SETS, in, out);

        assertEquals("Set_1_20261124_230509.xlsx", file.fileName());
        assertEquals(ExportedFile.XLSX, file.contentType());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(
                    List.of("20230405_0521", "20230405_0521_v2", "20230405_0525", ChargeVoltageSheet.NAME),
                    sheetNames(wb));
            checkSheet(wb.getSheet("20230405_0521"), in.get(1));
            checkSheet(wb.getSheet("20230405_0521_v2"), in.get(2));
            checkSheet(wb.getSheet("20230405_0525"), in.get(0));
        }
    }

    @Test
    void severalSetsAreAZipOfWorkbooks() throws Exception {
        List<NamedAnalysis> in = List.of(
                Analyses.named("20230405_0530_2_-20mV.atf", -20, 5),
                Analyses.named("20230405_0521_1_-20mV.atf", -20, 1),
                Analyses.named("0057_7_-100.atf", -100, 4));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportedFile file = new Exporter(CLOCK).write(Layout.LAB_SETS, in, out);

        assertEquals("Sets_20261124_230509.zip", file.fileName());
        assertEquals(ExportedFile.ZIP, file.contentType());
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.add(e.getName());
                try (XSSFWorkbook wb = new XSSFWorkbook(new NonClosingInput(zip))) {
                    NamedAnalysis expected = switch (e.getName()) {
                        case "Set_1_20261124_230509.xlsx" -> in.get(1);
                        case "Set_2_20261124_230509.xlsx" -> in.get(0);
                        default -> in.get(2);
                    };
                    assertEquals(2, wb.getNumberOfSheets(), "the file's sheet and the set's Q-V summary");
                    checkSheet(wb.getSheetAt(0), expected);
                }
            }
        }
        assertEquals(
                List.of("Set_1_20261124_230509.xlsx", "Set_2_20261124_230509.xlsx", "Set_7_20261124_230509.xlsx"),
                entries);
    }

    @Test
    void writeFilesPutsEachSetWorkbookInTheFolder(@TempDir Path dir) throws Exception {
        List<Path> files = new Exporter(CLOCK)
                .writeFiles(
                        Layout.LAB_SETS,
                        List.of(
                                Analyses.named("20230405_0530_2_-20mV.atf", -20, 5),
                                Analyses.named("20230405_0521_1_-20mV.atf", -20, 1)),
                        dir);
        assertEquals(
                List.of(dir.resolve("Set_1_20261124_230509.xlsx"), dir.resolve("Set_2_20261124_230509.xlsx")), files);
    }

    @Test
    void aFileWithoutASetInItsNameStopsTheExportWithItsName() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Exporter(CLOCK)
                        .write(
                                Layout.LAB_SETS,
                                List.of(Analyses.named("202304_0521.atf", -20, 1)),
                                new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("'202304_0521.atf'"), e.getMessage());
    }

    /** Every cell of a per-file sheet, its font and format, against the result it came from. */
    static void checkSheet(XSSFSheet s, NamedAnalysis a) {
        AnalysisResult r = a.result();
        label(s, 0, 0, "Original ATF File:", false);
        label(s, 0, 1, a.fileName(), false);
        label(s, 1, 0, "V2 Voltage (mV):", false);
        number(s, 1, 1, r.v2Mv(), "0");
        assertNull(s.getRow(2), "row 3 is empty");
        label(s, 3, 0, "Overall Integral (pC):", true);
        number(s, 3, 1, r.qHyperpolPc() + r.qDepolPc(), "0.00");
        assertNull(s.getRow(4), "row 5 is empty");
        int next = block(s, 5, "HYPERPOL", "Hyperpol", r.qHyperpolPc(), r.purpleHyperpol(), r.purpleHyperpolTimesS());
        assertNull(s.getRow(next), "a blank row between the curves");
        int end = block(s, next + 1, "DEPOL", "Depol", r.qDepolPc(), r.purpleDepol(), r.purpleDepolTimesS());
        assertEquals(end - 1, s.getLastRowNum());
        assertEquals(207, next, "points on rows 9-207 (1-based), so the blank row is row 208 (0-based 207)");
        checkWidths(s);
        assertEquals(32 * 256, s.getColumnWidth(0), "'Hyperpol Integral from the ap:' is 30 characters, + 2");
        assertEquals(18 * 256, s.getColumnWidth(2), "'Hyperpol_time_ms' is 16 characters, + 2");
    }

    private static int block(XSSFSheet s, int row, String upper, String name, double q, double[] pa, double[] ts) {
        label(s, row, 0, "PURPLE " + upper + " CURVE", true);
        assertEquals(1, s.getRow(row).getPhysicalNumberOfCells());
        label(s, row + 1, 0, name + " Integral from the ap:", false);
        number(s, row + 1, 1, q, "0.00");
        label(s, row + 2, 0, "Index", true);
        label(s, row + 2, 1, name + "_pA", true);
        label(s, row + 2, 2, name + "_time_ms", true);
        assertEquals(199, pa.length);
        for (int i = 0; i < pa.length; i++) {
            int r = row + 3 + i;
            number(s, r, 0, i + 1, "General");
            number(s, r, 1, pa[i], "0.0000000");
            // times: seconds in the result, ms in the sheet; the only arithmetic is ×1000 (1 ulp)
            Cell t = s.getRow(r).getCell(2);
            assertEquals(ts[i] * 1000, t.getNumericCellValue(), Math.ulp(ts[i] * 1000));
            assertEquals("0.000", t.getCellStyle().getDataFormatString());
            assertEquals(3, s.getRow(r).getPhysicalNumberOfCells());
        }
        return row + 3 + pa.length;
    }

    /** Width = the longest text shown in the column (as Excel formats it) + 2, capped at 50 characters. */
    static void checkWidths(XSSFSheet s) {
        DataFormatter shown = new DataFormatter(Locale.ROOT);
        int[] longest = new int[64];
        for (Row row : s)
            for (Cell c : row) {
                longest[c.getColumnIndex()] = Math.max(
                        longest[c.getColumnIndex()], shown.formatCellValue(c).length());
            }
        for (int col = 0; col < longest.length; col++) {
            if (longest[col] > 0) {
                assertEquals(Math.min(longest[col] + 2, 50) * 256, s.getColumnWidth(col), "column " + col);
            }
        }
    }

    static void label(XSSFSheet s, int row, int col, String text, boolean bold) {
        Cell c = s.getRow(row).getCell(col);
        assertEquals(CellType.STRING, c.getCellType(), "cell " + c.getAddress());
        assertEquals(text, c.getStringCellValue(), "cell " + c.getAddress());
        assertEquals(
                bold,
                s.getWorkbook().getFontAt(c.getCellStyle().getFontIndex()).getBold(),
                "bold at " + c.getAddress());
    }

    /** Exact: the workbook stores the double the result holds. */
    static void number(XSSFSheet s, int row, int col, double value, String format) {
        Cell c = s.getRow(row).getCell(col);
        assertEquals(CellType.NUMERIC, c.getCellType(), "cell " + c.getAddress());
        assertEquals(value, c.getNumericCellValue(), 0.0, "cell " + c.getAddress());
        assertEquals(format, c.getCellStyle().getDataFormatString(), "format at " + c.getAddress());
        assertFalse(s.getWorkbook().getFontAt(c.getCellStyle().getFontIndex()).getBold(), "bold " + c.getAddress());
    }

    static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) names.add(wb.getSheetName(i));
        return names;
    }

    /** POI closes the stream it reads; a zip entry must leave the zip open for the next one. */
    static final class NonClosingInput extends FilterInputStream {
        NonClosingInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
