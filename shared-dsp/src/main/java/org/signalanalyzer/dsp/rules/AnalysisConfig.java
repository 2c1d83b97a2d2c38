package org.signalanalyzer.dsp.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.signalanalyzer.dsp.analysis.Adjustments;
import org.signalanalyzer.dsp.analysis.AnalysisMode;
import org.signalanalyzer.dsp.analysis.FitModel;
import org.signalanalyzer.dsp.analysis.IntegrationRanges;
import org.signalanalyzer.dsp.analysis.ProtocolParameters;
import org.signalanalyzer.dsp.analysis.StartingPoint;
import org.signalanalyzer.dsp.analysis.desktop.PurpleCurves;
import org.signalanalyzer.dsp.export.ExportSetsSettings;
import org.signalanalyzer.dsp.export.Layout;
import org.signalanalyzer.dsp.filter.ButterworthStep;
import org.signalanalyzer.dsp.filter.ExtractAddStep;
import org.signalanalyzer.dsp.filter.FftStep;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.dsp.filter.SavgolStep;
import org.signalanalyzer.dsp.filter.WaveletStep;

/**
 * Every preset, default and rule of the science, as one JSON document for a form to be built from (docs/api.md,
 * "Config"; the API adds its upload limits). Each value is read from the class that applies it, never restated.
 */
public final class AnalysisConfig {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Before a recording is chosen, a form shows the desktop's default: the unfiltered trace. */
    public static final String DEFAULT_PRESET = "raw";

    private AnalysisConfig() {}

    public static ObjectNode toJson() {
        ObjectNode root = F.objectNode();
        root.set("filter", filter());
        root.set("analysis", analysis());
        root.set("fits", fits());
        root.set("exports", exports());
        return root;
    }

    static ObjectNode filter() {
        ObjectNode n = F.objectNode();
        n.put("defaultPreset", DEFAULT_PRESET);
        ObjectNode presets = n.putObject("presets");
        for (String name : FilterChain.presetNames())
            presets.set(name, FilterChain.preset(name).toJson());
        ArrayNode order = n.putArray("desktopOrder");
        FilterChain.stepTypes().forEach(order::add);
        ArrayNode steps = n.putArray("steps");
        step(steps, SavgolStep.TYPE, SavgolStep.RULES);
        step(steps, WaveletStep.TYPE, WaveletStep.RULES);
        step(steps, ButterworthStep.TYPE, ButterworthStep.RULES);
        step(steps, ExtractAddStep.TYPE, ExtractAddStep.RULES);
        step(steps, FftStep.TYPE, FftStep.RULES);
        return n;
    }

    private static void step(ArrayNode steps, String type, List<ParameterRule> rules) {
        ObjectNode s = steps.addObject();
        s.put("type", type);
        ArrayNode p = s.putArray("parameters");
        for (ParameterRule r : rules) p.add(r.toJson());
    }

    static ObjectNode analysis() {
        ObjectNode n = F.objectNode();
        ObjectNode d = n.putObject("defaults");
        d.put("mode", AnalysisMode.DESKTOP.label());
        d.putObject("chain").put("preset", DEFAULT_PRESET);
        d.put("startingPoint", StartingPoint.AUTO.toString());
        d.put("sweep", 0);
        d.put("channel", 0);
        ObjectNode params = d.putObject("params");
        for (ParameterRule r : ProtocolParameters.RULES)
            params.set(r.name(), r.toJson().get("default"));
        n.put("v2FromFileName", true);
        ArrayNode rules = n.putArray("parameters");
        for (ParameterRule r : ProtocolParameters.RULES) rules.add(r.toJson());
        rules.add(ParameterRule.integer("startingPoint", null, 1, null)
                .orNull()
                .note("an orange-curve index (desktop mode); 'auto' or omitted: the automatic choice, "
                        + StartingPoint.DESKTOP_DEFAULT + " when it finds nothing usable")
                .toJson());
        ArrayNode modes = n.putArray("modes");
        ObjectNode desktop = modes.addObject();
        desktop.put("mode", AnalysisMode.DESKTOP.label());
        desktop.put("rangeUnit", IntegrationRanges.Unit.POINTS.label());
        ObjectNode ranges = desktop.putObject("defaultRanges");
        ranges.putArray("hyperpol").add(0).add(PurpleCurves.LENGTH + 1);
        ranges.putArray("depol").add(0).add(PurpleCurves.LENGTH + 1);
        desktop.put("curvePoints", PurpleCurves.LENGTH);
        ObjectNode start = desktop.putObject("startingPoint");
        start.put("default", StartingPoint.AUTO.toString());
        start.put("fallback", StartingPoint.DESKTOP_DEFAULT);
        start.put("min", 1);
        desktop.put(
                "description",
                "the desktop tool's numbers (100 kHz recordings); ranges are [start, end) purple " + "points");
        ObjectNode standard = modes.addObject();
        standard.put("mode", AnalysisMode.STANDARD.label());
        standard.put("rangeUnit", IntegrationRanges.Unit.MS.label());
        standard.putNull("defaultRanges");
        standard.putNull("curvePoints");
        standard.putNull("startingPoint");
        standard.put(
                "description",
                "linear subtraction at sample resolution, any rate; ranges in ms from each step "
                        + "onset (default: the whole curves)");
        return n;
    }

    static ObjectNode fits() {
        ObjectNode n = F.objectNode();
        n.put("maxAccepted", Adjustments.MAX_FITS);
        ArrayNode curves = n.putArray("curves");
        curves.add("hyperpol").add("depol");
        ArrayNode models = n.putArray("models");
        for (FitModel m : FitModel.values()) {
            ObjectNode o = models.addObject();
            o.put("model", m.label());
            o.put("minPoints", m.minPoints());
            o.put("subtractable", m == FitModel.LINEAR);
            ArrayNode p = o.putArray("parameters");
            m.parameterUnits()
                    .forEach((name, unit) -> p.addObject().put("name", name).put("unit", unit));
        }
        return n;
    }

    static ObjectNode exports() {
        ObjectNode n = F.objectNode();
        ArrayNode layouts = n.putArray("layouts");
        for (Layout l : Layout.values()) {
            ObjectNode o = layouts.addObject();
            o.put("layout", l.label());
            o.put("description", l.description());
        }
        ObjectNode sets = n.putObject("labSets");
        sets.put("mode", ExportSetsSettings.MODE.label());
        sets.putObject("chain").put("preset", ExportSetsSettings.PRESET);
        sets.put("startingPoint", ExportSetsSettings.STARTING_POINT.index());
        return n;
    }
}
