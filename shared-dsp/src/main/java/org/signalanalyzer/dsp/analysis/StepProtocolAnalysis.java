package org.signalanalyzer.dsp.analysis;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.signalanalyzer.dsp.analysis.desktop.DesktopPipeline;
import org.signalanalyzer.dsp.analysis.desktop.DesktopTimeBase;
import org.signalanalyzer.dsp.analysis.desktop.PurpleCurves;
import org.signalanalyzer.dsp.analysis.standard.StandardPipeline;
import org.signalanalyzer.dsp.analysis.standard.StepOnsets;
import org.signalanalyzer.dsp.filter.ButterworthStep;
import org.signalanalyzer.dsp.filter.FilterChain;
import org.signalanalyzer.dsp.filter.FilterStep;
import org.signalanalyzer.dsp.io.Channel;
import org.signalanalyzer.dsp.io.Recording;
import org.signalanalyzer.dsp.io.RecordingFormatException;
import org.signalanalyzer.dsp.io.RecordingReaders;

/** Runs the step-protocol analysis in the requested mode and returns the result with its provenance. */
public final class StepProtocolAnalysis {

    static final String DESKTOP_PASS =
            "desktop forward-backward over second-order sections, zero initial state, " + "no padding";
    static final String SCIPY_PASS = "SciPy sosfiltfilt/filtfilt (odd extension, steady-state initial conditions)";

    private StepProtocolAnalysis() {}

    /** The analysed file: its name and the SHA-256 of its bytes (provenance). */
    public record Input(String fileName, String sha256) {
        public static Input of(String fileName, byte[] content) {
            return new Input(fileName, StepProtocolAnalysis.sha256(content));
        }
    }

    /**
     * Reads and analyses one file's bytes. The SHA-256 is computed on another thread while the recording is
     * parsed, since neither needs the other (it costs about a third of the parse).
     */
    public static AnalysisResult run(String fileName, byte[] content, AnalysisRequest request)
            throws RecordingFormatException {
        CompletableFuture<String> sha = CompletableFuture.supplyAsync(() -> sha256(content));
        Recording recording = RecordingReaders.read(fileName, content);
        return run(recording, request, new Input(fileName, sha.join()));
    }

    public static AnalysisResult run(Recording recording, AnalysisRequest request, Input input) {
        checkTrace(recording, request);
        return request.mode() == AnalysisMode.DESKTOP
                ? desktop(recording, request, input)
                : standard(recording, request, input);
    }

    private static AnalysisResult desktop(Recording rec, AnalysisRequest req, Input input) {
        List<String> notes = new ArrayList<>();
        double[] x = ChannelUnits.scaled(
                rec.samples(req.sweep(), req.channel()),
                ChannelUnits.toPicoamps(rec.channels().get(req.channel()), req.channel(), notes));
        DesktopTimeBase time = DesktopTimeBase.of(x.length, rec.sampleIntervalS());
        ProtocolParameters p = req.parameters();
        // The desktop designs every filter with its computed fs (99 999.999… Hz), so the batch 2 kHz design
        // differs from one at the nominal rate in its last bits.
        double[] filtered = req.chain().apply(x, time.sampleRateHz());
        DesktopPipeline.Outcome o = DesktopPipeline.run(filtered, time, p, req.startingPoint());
        PurpleCurves purple = o.curves().purple();
        IntegrationRanges ranges = req.ranges() != null
                ? req.ranges()
                : IntegrationRanges.points(0, PurpleCurves.LENGTH + 1, 0, PurpleCurves.LENGTH + 1);
        notes.add("piecewise baseline: " + o.baselineSegments() + " segment(s)");
        if (o.automatic()) notes.add("starting point " + o.startingPoint() + " chosen automatically (grid 10..80)");
        Provenance prov = provenance(
                AnalysisMode.DESKTOP, req, req.chain(), DESKTOP_PASS, null, null, input, time.sampleRateHz(), notes);
        AnalysisResult r = new AnalysisResult(
                AnalysisMode.DESKTOP,
                o.startingPoint(),
                o.automatic() ? "auto" : "given",
                o.scores(),
                o.baselinePa(),
                p.v0Mv(),
                p.v2Mv(),
                o.orange().values(),
                o.orange().timesS(),
                o.curves().normalized().values(),
                o.curves().normalized().timesS(),
                o.curves().average().values(),
                o.curves().average().timesS(),
                purple.hyperpol().values(),
                purple.hyperpol().timesS(),
                purple.depol().values(),
                purple.depol().timesS(),
                null,
                null,
                List.of(),
                ranges,
                0,
                0,
                0,
                List.of(),
                prov);
        return Integrals.recompute(r, ranges);
    }

    private static AnalysisResult standard(Recording rec, AnalysisRequest req, Input input) {
        List<String> notes = new ArrayList<>();
        double[] x = ChannelUnits.scaled(
                rec.samples(req.sweep(), req.channel()),
                ChannelUnits.toPicoamps(rec.channels().get(req.channel()), req.channel(), notes));
        double fs = rec.sampleRateHz();
        ProtocolParameters p = req.parameters();
        FilterChain chain = zeroPhaseScipy(req.chain(), notes);
        double[] filtered = chain.apply(x, fs);
        Integer vch = voltageChannel(rec, req);
        double[] voltage = vch == null
                ? null
                : ChannelUnits.scaled(
                        rec.samples(req.sweep(), vch),
                        ChannelUnits.toMillivolts(rec.channels().get(vch)));
        StandardPipeline.Outcome o = StandardPipeline.run(
                filtered,
                fs,
                voltage,
                rec.protocol().orElse(null),
                req.sweep(),
                p,
                FilterSpread.samplesBefore(chain, fs));
        double v2 = o.onsets().v2On().toMv();
        double v0 = o.onsets().v2On().fromMv();
        if (o.onsets().source().equals(StepOnsets.FROM_VOLTAGE)) {
            notes.add(String.format(
                    Locale.ROOT,
                    "levels measured on the voltage channel: V0 %.3f mV, " + "V2 %.3f mV (typed V0 %s, V2 %s)",
                    v0,
                    v2,
                    p.v0Mv(),
                    p.v2Mv()));
        } else {
            v2 = p.v2Mv();
            v0 = p.v0Mv();
        }
        IntegrationRanges ranges = req.ranges() != null
                ? req.ranges()
                : IntegrationRanges.ms(-o.leadMs(), o.windowMs(), -o.leadMs(), o.windowMs());
        Provenance prov = provenance(
                AnalysisMode.STANDARD, req, chain, SCIPY_PASS, vch, o.onsets().source(), input, fs, notes);
        AnalysisResult r = new AnalysisResult(
                AnalysisMode.STANDARD,
                null,
                null,
                List.of(),
                o.baselinePa(),
                v0,
                v2,
                o.orange().values(),
                o.orange().timesS(),
                o.normalized().values(),
                o.normalized().timesS(),
                o.average().values(),
                o.average().timesS(),
                o.purpleHyperpol().values(),
                o.purpleHyperpol().timesS(),
                o.purpleDepol().values(),
                o.purpleDepol().timesS(),
                o.depolOnsetS(),
                o.hyperpolOnsetS(),
                o.onsets().steps(),
                ranges,
                0,
                0,
                0,
                List.of(),
                prov);
        return Integrals.recompute(r, ranges);
    }

    /** Standard mode runs zero-phase Butterworth steps as SciPy does; a desktop pass is switched, and noted. */
    static FilterChain zeroPhaseScipy(FilterChain chain, List<String> notes) {
        List<FilterStep> steps = new ArrayList<>();
        boolean changed = false;
        for (FilterStep s : chain.steps()) {
            if (s instanceof ButterworthStep b && b.application() == ButterworthStep.Application.DESKTOP) {
                steps.add(new ButterworthStep(
                        b.btype(), b.order(), b.wn(), b.cutoffHz(), ButterworthStep.Application.SOSFILTFILT));
                changed = true;
            } else {
                steps.add(s);
            }
        }
        if (!changed) return chain;
        notes.add("Butterworth steps with application 'desktop' ran as sosfiltfilt (standard mode has no start-up "
                + "transients at the ends)");
        return new FilterChain(steps, false);
    }

    private static Integer voltageChannel(Recording rec, AnalysisRequest req) {
        if (req.voltageChannel() != null) {
            if (req.voltageChannel() < 0 || req.voltageChannel() >= rec.channelCount()) {
                throw new InvalidAnalysisParameterException(
                        "voltageChannel",
                        "voltage channel "
                                + req.voltageChannel() + " does not exist; the recording has " + rec.channelCount()
                                + " channel(s), numbered from 0");
            }
            return req.voltageChannel();
        }
        List<Channel> channels = rec.channels();
        for (int c = 0; c < channels.size(); c++)
            if (c != req.channel() && channels.get(c).isVoltage()) return c;
        return null;
    }

    private static void checkTrace(Recording rec, AnalysisRequest req) {
        if (req.sweep() >= rec.sweepCount()) {
            throw new InvalidAnalysisParameterException(
                    "sweep",
                    "sweep " + req.sweep() + " does not exist; the " + "recording has " + rec.sweepCount()
                            + " sweep(s), numbered from 0");
        }
        if (req.channel() >= rec.channelCount()) {
            throw new InvalidAnalysisParameterException(
                    "channel",
                    "channel " + req.channel() + " does not exist; " + "the recording has " + rec.channelCount()
                            + " channel(s), numbered from 0");
        }
    }

    private static Provenance provenance(
            AnalysisMode mode,
            AnalysisRequest req,
            FilterChain chain,
            String pass,
            Integer vch,
            String onsetSource,
            Input input,
            double fs,
            List<String> notes) {
        return new Provenance(
                mode,
                req.parameters(),
                req.startingPoint().toString(),
                chain.toJson(),
                pass,
                req.sweep(),
                req.channel(),
                vch,
                onsetSource,
                input.fileName(),
                input.sha256(),
                fs,
                softwareVersion(),
                Instant.now().toString(),
                notes);
    }

    /** The jar's Implementation-Version; a build run from classes (tests, IDE) says so. */
    public static String softwareVersion() {
        return Optional.ofNullable(StepProtocolAnalysis.class.getPackage().getImplementationVersion())
                .map(v -> "signal-analyzer " + v)
                .orElse("signal-analyzer (unpackaged build)");
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
