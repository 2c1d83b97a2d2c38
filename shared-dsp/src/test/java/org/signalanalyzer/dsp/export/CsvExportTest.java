package org.signalanalyzer.dsp.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.signalanalyzer.dsp.analysis.AnalysisResult;

/** The lab's semicolon CSV and the tidy comma CSVs parse back to the values of the results they came from. */
class CsvExportTest {

    /** A name with the separators, a quote and a non-ASCII letter: only proper quoting keeps it one field. */
    static final String AWKWARD = "cell \"A\"; Győr, 2023";

    @Test
    void labCsvHasTheDesktopLayoutWithRealIntegrals() throws Exception {
        NamedAnalysis a = Analyses.named("20230405_0521_1_-20mV.atf", -20, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportedFile f = new Exporter(LabWorkbookTest.CLOCK).write(Layout.CSV, List.of(a), out);
        assertEquals("20230405_0521_1_-20mV_purple.csv", f.fileName());
        assertEquals(ExportedFile.CSV, f.contentType());
        checkLabCsv(CsvParser.parse(out.toString(StandardCharsets.UTF_8), ';'), a);
    }

    /** Decimals are 7 (as the desktop's curves), so values agree with the result to half a unit of the 7th. */
    static void checkLabCsv(List<List<String>> rows, NamedAnalysis a) {
        AnalysisResult r = a.result();
        double tol = 0.5e-7 * 1.000001;
        assertEquals(List.of("Input File:", a.fileName(), Math.round(r.v2Mv()) + "mV"), rows.get(0));
        assertEquals(List.of(""), rows.get(1));
        assertEquals("Overall Integral (pC):", rows.get(2).get(0));
        assertEquals(
                r.qHyperpolPc() + r.qDepolPc(), Double.parseDouble(rows.get(2).get(1)), tol);
        assertEquals(List.of(""), rows.get(3));
        int next = block(
                rows, 4, "HYPERPOL", "Hyperpol", r.qHyperpolPc(), r.purpleHyperpol(), r.purpleHyperpolTimesS(), tol);
        assertEquals(List.of(""), rows.get(next));
        int end = block(rows, next + 1, "DEPOL", "Depol", r.qDepolPc(), r.purpleDepol(), r.purpleDepolTimesS(), tol);
        assertEquals(List.of(""), rows.get(end));
        List<String> summary = rows.get(end + 1);
        assertEquals(
                List.of("Purple Integral Summary:", "Hyperpol (pC)", "Depol (pC)", "Overall (pC)"),
                List.of(summary.get(0), summary.get(1), summary.get(3), summary.get(5)));
        assertEquals(r.qHyperpolPc(), Double.parseDouble(summary.get(2)), tol);
        assertEquals(r.qDepolPc(), Double.parseDouble(summary.get(4)), tol);
        assertEquals(r.qHyperpolPc() + r.qDepolPc(), Double.parseDouble(summary.get(6)), tol);
        assertEquals(end + 2, rows.size());
    }

    private static int block(
            List<List<String>> rows,
            int row,
            String upper,
            String name,
            double q,
            double[] pa,
            double[] ts,
            double tol) {
        assertEquals(List.of("PURPLE " + upper + " CURVE"), rows.get(row));
        assertEquals(name + " Integral:", rows.get(row + 1).get(0));
        assertEquals(q, Double.parseDouble(rows.get(row + 1).get(1)), tol);
        assertEquals(List.of("Index", name + "_pA", name + "_time_ms"), rows.get(row + 2));
        for (int i = 0; i < pa.length; i++) {
            List<String> line = rows.get(row + 3 + i);
            assertEquals(String.valueOf(i + 1), line.get(0));
            assertEquals(pa[i], Double.parseDouble(line.get(1)), tol);
            assertEquals(ts[i] * 1000, Double.parseDouble(line.get(2)), tol);
            assertTrue(line.get(1).matches("-?\\d+\\.\\d{7}"), line.get(1));
        }
        return row + 3 + pa.length;
    }

    @Test
    void labCsvKeepsDecimalPointsAndQuotesUnderAGermanLocale() throws Exception {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            NamedAnalysis a = new NamedAnalysis(AWKWARD, AWKWARD + ".atf", Analyses.result(AWKWARD, -20, 3));
            NamedAnalysis b = Analyses.named("20230405_0522_1_-40mV.atf", -40, 4);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ExportedFile f = new Exporter(LabWorkbookTest.CLOCK).write(Layout.CSV, List.of(a, b), out);
            assertEquals("Purple_csv_20261124_230509.zip", f.fileName());
            Map<String, String> files = unzip(out.toByteArray());
            assertEquals(
                    List.of("cell__A___Gy_r__2023_purple.csv", "20230405_0522_1_-40mV_purple.csv"),
                    List.copyOf(files.keySet()));
            List<List<String>> rows = CsvParser.parse(files.get("cell__A___Gy_r__2023_purple.csv"), ';');
            assertEquals(AWKWARD + ".atf", rows.get(0).get(1));
            assertTrue(files.get("cell__A___Gy_r__2023_purple.csv")
                    .startsWith("Input File:;\"cell \"\"A\"\"; Győr, 2023.atf\";-20mV\r\n"));
            checkLabCsv(rows, a);
            checkLabCsv(CsvParser.parse(files.get("20230405_0522_1_-40mV_purple.csv"), ';'), b);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void twoAnalysesOfOneFileGetTwoCsvFiles() throws Exception {
        NamedAnalysis a = Analyses.named("x.atf", -20, 1);
        NamedAnalysis b = new NamedAnalysis("x.atf (2)", "x.atf", Analyses.result("x.atf", -20, 2));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(LabWorkbookTest.CLOCK).write(Layout.CSV, List.of(a, b), out);
        assertEquals(
                List.of("x_purple.csv", "x_purple_2.csv"),
                List.copyOf(unzip(out.toByteArray()).keySet()));
    }

    @Test
    void tidyCsvsReadBackExactlyWhateverTheLocale() throws Exception {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            List<NamedAnalysis> in = List.of(
                    new NamedAnalysis(AWKWARD, AWKWARD + ".atf", Analyses.result(AWKWARD, -20, 3)),
                    Analyses.named("20230405_0522_1_-40mV.atf", -40, 4));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ExportedFile f = new Exporter(LabWorkbookTest.CLOCK).write(Layout.TIDY_CSV, in, out);
            assertEquals("Tidy_csv_20261124_230509.zip", f.fileName());
            assertEquals(ExportedFile.ZIP, f.contentType());
            Map<String, String> files = unzip(out.toByteArray());
            assertEquals(
                    List.of("analyses.csv", "curve_points.csv", "fits.csv", "qv_points.csv", "qv_fits.csv"),
                    List.copyOf(files.keySet()));

            List<List<String>> analyses = CsvParser.parse(files.get("analyses.csv"), ',');
            assertEquals(TidyCsv.ANALYSIS_COLUMNS, analyses.get(0));
            assertEquals(3, analyses.size());
            for (int k = 0; k < in.size(); k++) {
                Map<String, String> row = record(analyses.get(0), analyses.get(k + 1));
                AnalysisResult r = in.get(k).result();
                assertEquals(in.get(k).name(), row.get("analysis"));
                assertEquals(in.get(k).fileName(), row.get("file"));
                assertEquals(r.provenance().inputSha256(), row.get("sha256"));
                assertEquals("desktop", row.get("mode"));
                // exact: the shortest decimal text reads back to the very same double
                assertEquals(r.v0Mv(), Double.parseDouble(row.get("v0_mv")), 0.0);
                assertEquals(r.v2Mv(), Double.parseDouble(row.get("v2_mv")), 0.0);
                assertEquals(r.baselinePa(), Double.parseDouble(row.get("baseline_pa")), 0.0);
                assertEquals("35", row.get("starting_point"));
                assertEquals("given", row.get("starting_point_source"));
                assertEquals("points", row.get("range_unit"));
                assertEquals(200, Double.parseDouble(row.get("depol_range_end")), 0.0);
                assertEquals(r.qHyperpolPc(), Double.parseDouble(row.get("q_hyperpol_pc")), 0.0);
                assertEquals(r.qDepolPc(), Double.parseDouble(row.get("q_depol_pc")), 0.0);
                assertEquals(r.capacitanceNf(), Double.parseDouble(row.get("capacitance_nf")), 0.0);
                assertEquals("", row.get("depol_onset_ms"), "desktop mode has no onsets");
                assertEquals("", row.get("hyperpol_onset_ms"));
                assertEquals(1e5, Double.parseDouble(row.get("sample_rate_hz")), 0.0);
                assertEquals(r.provenance().filterChain().toString(), row.get("filter_chain"));
                assertTrue(row.get("filter_chain").contains(","), "a JSON field with commas stays one field");
                assertEquals("0.1.0", row.get("software_version"));
                assertEquals("2026-11-24T23:00:00Z", row.get("run_at"));
            }

            List<List<String>> points = CsvParser.parse(files.get("curve_points.csv"), ',');
            assertEquals(TidyCsv.POINT_COLUMNS, points.get(0));
            int line = 1;
            for (NamedAnalysis a : in) {
                AnalysisResult r = a.result();
                double[][][] curves = {
                    {r.orangeTimesS(), r.orange()},
                    {r.normalizedTimesS(), r.normalized()},
                    {r.averageTimesS(), r.average()},
                    {r.purpleHyperpolTimesS(), r.purpleHyperpol()},
                    {r.purpleDepolTimesS(), r.purpleDepol()}
                };
                for (int c = 0; c < curves.length; c++) {
                    for (int i = 0; i < curves[c][1].length; i++, line++) {
                        List<String> p = points.get(line);
                        assertEquals(List.of(a.name(), TidyCsv.CURVES.get(c), String.valueOf(i)), p.subList(0, 3));
                        assertEquals(curves[c][0][i] * 1000, Double.parseDouble(p.get(3)), 0.0);
                        assertEquals(curves[c][1][i], Double.parseDouble(p.get(4)), 0.0);
                    }
                }
            }
            assertEquals(points.size(), line);
            assertEquals(1 + 2 * (2200 + 800 + 200 + 199 + 199), points.size());
        } finally {
            Locale.setDefault(before);
        }
    }

    static Map<String, String> record(List<String> header, List<String> values) {
        assertEquals(header.size(), values.size());
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) m.put(header.get(i), values.get(i));
        return m;
    }

    static Map<String, String> unzip(byte[] zipBytes) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                files.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
