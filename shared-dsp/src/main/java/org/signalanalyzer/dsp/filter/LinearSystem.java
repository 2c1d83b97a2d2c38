package org.signalanalyzer.dsp.filter;

/** Small dense linear systems by Gaussian elimination with partial pivoting (LAPACK {@code gesv}'s method). */
final class LinearSystem {

    private LinearSystem() {}

    /** Solves the n×(n+1) augmented system [M | r] (overwritten) and returns the solution. */
    static double[] solveAugmented(double[][] m) {
        int n = m.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
            if (m[pivot][col] == 0) throw new IllegalArgumentException("singular system (filter has a pole at z = 1)");
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                if (f == 0) continue;
                for (int c = col; c <= n; c++) m[r][c] -= f * m[col][c];
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int c = r + 1; c < n; c++) s -= m[r][c] * x[c];
            x[r] = s / m[r][r];
        }
        return x;
    }
}
