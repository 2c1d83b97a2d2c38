package org.signalanalyzer.dsp.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.signalanalyzer.dsp.analysis.chargevoltage.ChargeVoltageSet;

/**
 * The one entry point for exports: a layout and analyses in, files out. Callers (the backend, the CLI) need to know
 * nothing of POI or CSV dialects. The clock stamps file names ({@code Set_<set>_<YYYYMMDD_HHMMSS>.xlsx}) and the
 * full workbook, in the clock's zone.
 */
public final class Exporter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Clock clock;

    public Exporter(Clock clock) {
        this.clock = clock;
    }

    /** One file the layout produces, written on demand. */
    private record Part(String fileName, String contentType, Body body) {}

    @FunctionalInterface
    private interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes the export as one stream: the single file the layout produces, or a zip of its files when it produces
     * several (lab-sets with several sets, csv with several analyses, tidy-csv always).
     *
     * @throws IllegalArgumentException no analyses, or (lab-sets) a file name that tells no set
     */
    public ExportedFile write(Layout layout, List<NamedAnalysis> analyses, OutputStream out) throws IOException {
        String stamp = LocalDateTime.now(clock).format(STAMP);
        List<Part> parts = parts(layout, analyses, stamp);
        if (parts.size() == 1) {
            Part p = parts.get(0);
            p.body().writeTo(out);
            return new ExportedFile(p.fileName(), p.contentType());
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Part p : parts) {
            zip.putNextEntry(new ZipEntry(p.fileName()));
            p.body().writeTo(zip);
            zip.closeEntry();
        }
        zip.finish();
        return new ExportedFile(zipName(layout, stamp), ExportedFile.ZIP);
    }

    /** Writes each file of the export into {@code directory} (no zip); returns the files written, in order. */
    public List<Path> writeFiles(Layout layout, List<NamedAnalysis> analyses, Path directory) throws IOException {
        String stamp = LocalDateTime.now(clock).format(STAMP);
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (Part p : parts(layout, analyses, stamp)) {
            Path file = directory.resolve(p.fileName());
            try (OutputStream out = Files.newOutputStream(file)) {
                p.body().writeTo(out);
            }
            written.add(file);
        }
        return written;
    }

    private List<Part> parts(Layout layout, List<NamedAnalysis> analyses, String stamp) {
        if (analyses == null || analyses.isEmpty()) {
            throw new IllegalArgumentException("nothing to export: no analyses");
        }
        List<Part> parts = switch (layout) {
            case LAB_SETS -> labSets(analyses, stamp);
            case FULL ->
                List.of(new Part(
                        fullName(analyses, stamp),
                        ExportedFile.XLSX,
                        out -> FullWorkbook.write(
                                analyses, OffsetDateTime.now(clock).toString(), out)));
            case CSV ->
                analyses.stream()
                        .map(a -> new Part(
                                LabCsv.fileName(a.fileName()),
                                ExportedFile.CSV,
                                out -> LabCsv.write(LabEntry.of(a), out)))
                        .toList();
            case TIDY_CSV ->
                List.of(
                        new Part(TidyCsv.ANALYSES_FILE, ExportedFile.CSV, out -> TidyCsv.writeAnalyses(analyses, out)),
                        new Part(TidyCsv.POINTS_FILE, ExportedFile.CSV, out -> TidyCsv.writePoints(analyses, out)),
                        new Part(TidyCsv.FITS_FILE, ExportedFile.CSV, out -> TidyCsv.writeFits(analyses, out)),
                        new Part(
                                ChargeVoltageCsv.POINTS_FILE,
                                ExportedFile.CSV,
                                out -> ChargeVoltageCsv.writePoints(analyses, out)),
                        new Part(
                                ChargeVoltageCsv.FITS_FILE,
                                ExportedFile.CSV,
                                out -> ChargeVoltageCsv.writeFits(analyses, out)));
            case JSON -> List.of(new Part(jsonName(analyses, stamp), ExportedFile.JSON, out -> json(analyses, out)));
        };
        return uniqueNames(parts);
    }

    private static List<Part> labSets(List<NamedAnalysis> analyses, String stamp) {
        SortedMap<Integer, List<LabSets.Member<NamedAnalysis>>> sets =
                LabSets.group(analyses, NamedAnalysis::fileName, NamedAnalysis::set);
        List<Part> parts = new ArrayList<>();
        for (var set : sets.entrySet()) {
            List<LabWorkbook.Sheet> sheets = set.getValue().stream()
                    .map(m -> new LabWorkbook.Sheet(m.sheetName(), LabEntry.of(m.item())))
                    .toList();
            ChargeVoltageSet summary = ChargeVoltageCsv.setOf(
                    set.getValue().stream().map(LabSets.Member::item).toList());
            parts.add(new Part(
                    LabWorkbook.fileName(set.getKey(), stamp),
                    ExportedFile.XLSX,
                    out -> LabWorkbook.write(sheets, summary, out)));
        }
        return parts;
    }

    private static String fullName(List<NamedAnalysis> analyses, String stamp) {
        return (analyses.size() == 1 ? FileNames.stem(analyses.get(0).fileName()) : "Analyses") + "_full_" + stamp
                + ".xlsx";
    }

    private static String jsonName(List<NamedAnalysis> analyses, String stamp) {
        return (analyses.size() == 1 ? FileNames.stem(analyses.get(0).fileName()) : "Analyses") + "_" + stamp + ".json";
    }

    private static String zipName(Layout layout, String stamp) {
        return switch (layout) {
            case LAB_SETS -> "Sets_" + stamp + ".zip";
            case CSV -> "Purple_csv_" + stamp + ".zip";
            case TIDY_CSV -> "Tidy_csv_" + stamp + ".zip";
            default -> layout.label() + "_" + stamp + ".zip";
        };
    }

    /** One analysis: its AnalysisResult JSON as is (it reads back with AnalysisResult.fromJson); several: an array. */
    private static void json(List<NamedAnalysis> analyses, OutputStream out) throws IOException {
        String text;
        if (analyses.size() == 1) {
            text = analyses.get(0).result().toPrettyJson();
        } else {
            ArrayNode array = JSON.createArrayNode();
            for (NamedAnalysis a : analyses) array.add(JSON.readTree(a.result().toJson()));
            text = JSON.writeValueAsString(array);
        }
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Two analyses of one file would write two files of one name: the later ones get {@code _2}, {@code _3}, ... */
    private static List<Part> uniqueNames(List<Part> parts) {
        Set<String> taken = new HashSet<>();
        List<Part> unique = new ArrayList<>();
        for (Part p : parts) {
            String name = p.fileName();
            int dot = name.lastIndexOf('.');
            for (int k = 2; !taken.add(name.toLowerCase(Locale.ROOT)); k++) {
                name = p.fileName().substring(0, dot) + "_" + k + p.fileName().substring(dot);
            }
            unique.add(new Part(name, p.contentType(), p.body()));
        }
        return unique;
    }
}
