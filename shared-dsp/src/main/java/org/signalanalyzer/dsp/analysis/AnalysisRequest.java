package org.signalanalyzer.dsp.analysis;

import org.signalanalyzer.dsp.filter.FilterChain;

/**
 * What to run: the mode, the protocol, the desktop starting point, the filter chain, the integration ranges
 * ({@code null}: the whole purple curves) and which trace to read.
 *
 * @param voltageChannel standard mode's command channel; {@code null} picks the first voltage channel, if any
 */
public record AnalysisRequest(
        AnalysisMode mode,
        ProtocolParameters parameters,
        StartingPoint startingPoint,
        FilterChain chain,
        IntegrationRanges ranges,
        int sweep,
        int channel,
        Integer voltageChannel) {

    public AnalysisRequest {
        if (mode == null) mode = AnalysisMode.DESKTOP;
        if (parameters == null) parameters = ProtocolParameters.DESKTOP_DEFAULTS;
        if (startingPoint == null) startingPoint = StartingPoint.AUTO;
        if (chain == null) chain = FilterChain.preset("raw");
        if (sweep < 0) throw new InvalidAnalysisParameterException("sweep", "the sweep number must be ≥ 0");
        if (channel < 0) throw new InvalidAnalysisParameterException("channel", "the channel number must be ≥ 0");
    }

    /** Desktop mode with the desktop's defaults: raw trace, automatic starting point. */
    public static AnalysisRequest desktopDefaults() {
        return new AnalysisRequest(AnalysisMode.DESKTOP, null, null, null, null, 0, 0, null);
    }

    public AnalysisRequest withMode(AnalysisMode m) {
        return new AnalysisRequest(m, parameters, startingPoint, chain, ranges, sweep, channel, voltageChannel);
    }

    public AnalysisRequest withChain(FilterChain c) {
        return new AnalysisRequest(mode, parameters, startingPoint, c, ranges, sweep, channel, voltageChannel);
    }

    public AnalysisRequest withStartingPoint(StartingPoint s) {
        return new AnalysisRequest(mode, parameters, s, chain, ranges, sweep, channel, voltageChannel);
    }

    public AnalysisRequest withParameters(ProtocolParameters p) {
        return new AnalysisRequest(mode, p, startingPoint, chain, ranges, sweep, channel, voltageChannel);
    }

    public AnalysisRequest withRanges(IntegrationRanges r) {
        return new AnalysisRequest(mode, parameters, startingPoint, chain, r, sweep, channel, voltageChannel);
    }
}
