package org.signalanalyzer.dsp.filter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The desktop's filter metrics (docs/desktop-conventions.md#filter-metrics) on the residual r = original − filtered: MSE, RMSE, MAE,
 * SNR dB = 10·log10(mean(filtered²)/mean(r²)) (+∞ when r is all zero), max |r|, mean r.
 */
public record FilterMetrics(
        double mse, double rmse, double mae, double snrDb, double maxAbsResidual, double meanResidual) {

    /** Snake-case names, as the chain's JSON and the API use them. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mse", mse);
        m.put("rmse", rmse);
        m.put("mae", mae);
        m.put("snr_db", snrDb);
        m.put("max_abs_residual", maxAbsResidual);
        m.put("mean_residual", meanResidual);
        return m;
    }

    public static FilterMetrics of(double[] original, double[] filtered) {
        if (original.length != filtered.length) {
            throw new IllegalArgumentException(
                    "filter metrics need signals of equal length, got " + original.length + " and " + filtered.length);
        }
        if (original.length == 0) throw new IllegalArgumentException("filter metrics of an empty signal");
        int n = original.length;
        double sq = 0, abs = 0, sum = 0, max = 0, power = 0;
        for (int i = 0; i < n; i++) {
            double r = original[i] - filtered[i];
            sq += r * r;
            abs += Math.abs(r);
            sum += r;
            max = Math.max(max, Math.abs(r));
            power += filtered[i] * filtered[i];
        }
        double mse = sq / n;
        double snr = mse > 0 ? 10 * Math.log10((power / n) / mse) : Double.POSITIVE_INFINITY;
        return new FilterMetrics(mse, Math.sqrt(mse), abs / n, snr, max, sum / n);
    }
}
