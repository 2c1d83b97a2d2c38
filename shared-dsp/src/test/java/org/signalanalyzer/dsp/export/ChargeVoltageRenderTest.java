package org.signalanalyzer.dsp.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The lab workbook's Q–V chart as LibreOffice draws it: the fitted curve (the workbook's only dark-orange line) must
 * be on the rendered pages. Skips without LibreOffice or pdftoppm (fails on CI); the PDF and PNGs stay in
 * {@code target/qv-render/}.
 */
class ChargeVoltageRenderTest {

    @Test
    void theFittedCurveIsDrawn() throws Exception {
        RenderedPages render = RenderedPages.in(Path.of("target/qv-render"));
        List<Path> lab = new Exporter(LabWorkbookTest.CLOCK)
                .writeFiles(Layout.LAB_SETS, ChargeVoltageExportTest.analyses(), render.folder());
        assertEquals(1, lab.size());
        // Only the summary sheet is rendered: the per-file sheets hold thousands of curve points (hundreds of pages).
        Path summary = render.folder().resolve("qv-summary.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(lab.get(0)))) {
            while (wb.getNumberOfSheets() > 1) wb.removeSheetAt(0);
            assertEquals(ChargeVoltageSheet.NAME, wb.getSheetName(0));
            try (OutputStream o = Files.newOutputStream(summary)) {
                wb.write(o);
            }
        }
        render.toPdf(List.of(summary));
        Path pdf = render.pdfOf(summary);
        int orange = render.pixels(pdf, 100, RenderedPages.DARK_ORANGE)[0];
        assertTrue(Files.size(pdf) > 1000, "LibreOffice made no PDF of the summary");
        assertTrue(orange > 100, "the fitted Boltzmann curve (dark orange) is not drawn: " + orange + " pixels");
    }
}
