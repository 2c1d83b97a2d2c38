package org.signalanalyzer.dsp.export;

import java.util.Objects;
import org.signalanalyzer.dsp.analysis.AnalysisResult;

/**
 * An analysis as an export shows it.
 *
 * @param name     the label that tells analyses apart in a workbook or CSV (the caller's choice, e.g. the file
 *                 name, or the file name and an analysis id when one file was analysed twice)
 * @param fileName the recording's file name as the user knows it; the lab-sets layout reads the set from it
 * @param set      the lab-sets layout's set for this file when the user gave one (it wins over the name's), or
 *                 {@code null}
 */
public record NamedAnalysis(String name, String fileName, AnalysisResult result, Integer set) {

    public NamedAnalysis(String name, String fileName, AnalysisResult result) {
        this(name, fileName, result, null);
    }

    /** The same analysis with its set given. */
    public NamedAnalysis inSet(Integer givenSet) {
        return new NamedAnalysis(name, fileName, result, givenSet);
    }

    public NamedAnalysis {
        if (set != null && set < 0) {
            throw new IllegalArgumentException("the set of '" + fileName + "' must be a whole number ≥ 0, got " + set);
        }
        Objects.requireNonNull(result, "result");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("an exported analysis needs a name");
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("the exported analysis '" + name + "' needs its recording's file name");
        }
    }

    /** Named after the file its provenance records. */
    public static NamedAnalysis of(AnalysisResult result) {
        String file = result.provenance() == null ? null : result.provenance().inputFileName();
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("the analysis result records no input file name; name it explicitly");
        }
        String base = FileNames.baseName(file);
        return new NamedAnalysis(base, base, result);
    }
}
