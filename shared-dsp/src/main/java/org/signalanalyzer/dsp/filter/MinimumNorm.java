package org.signalanalyzer.dsp.filter;

/**
 * Minimum-norm solution of an under-determined full-row-rank system, by Householder QR (what SciPy's {@code lstsq}
 * returns for the Savitzky–Golay design, to rounding).
 */
final class MinimumNorm {

    private MinimumNorm() {}

    /**
     * The c of least norm with {@code at^T · c = rhs}; {@code at} is rows × cols with rows ≥ cols (it is
     * overwritten).
     */
    static double[] solveTransposed(double[][] at, double[] rhs) {
        int rows = at.length;
        int cols = rhs.length;
        double[][] v = new double[cols][];
        double[] rDiag = new double[cols];
        for (int k = 0; k < cols; k++) {
            double norm = 0;
            for (int i = k; i < rows; i++) norm = Math.hypot(norm, at[i][k]);
            if (norm == 0) throw new IllegalArgumentException("rank-deficient least-squares design");
            double alpha = at[k][k] > 0 ? -norm : norm;
            double[] vk = new double[rows];
            for (int i = k; i < rows; i++) vk[i] = at[i][k];
            vk[k] -= alpha;
            double vnorm2 = 0;
            for (int i = k; i < rows; i++) vnorm2 += vk[i] * vk[i];
            for (int c = k; c < cols; c++) {
                double dotv = 0;
                for (int i = k; i < rows; i++) dotv += vk[i] * at[i][c];
                double f = 2 * dotv / vnorm2;
                for (int i = k; i < rows; i++) at[i][c] -= f * vk[i];
            }
            rDiag[k] = at[k][k];
            double scale = Math.sqrt(vnorm2);
            for (int i = k; i < rows; i++) vk[i] /= scale;
            v[k] = vk;
        }
        // R^T z = rhs (forward substitution), R upper triangular in at[0..cols-1][*].
        double[] z = new double[cols];
        for (int i = 0; i < cols; i++) {
            double s = rhs[i];
            for (int j = 0; j < i; j++) s -= at[j][i] * z[j];
            z[i] = s / rDiag[i];
        }
        // c = Q [z; 0] = H_0 H_1 ... H_{cols-1} [z; 0].
        double[] c = new double[rows];
        System.arraycopy(z, 0, c, 0, cols);
        for (int k = cols - 1; k >= 0; k--) {
            double[] vk = v[k];
            double dotv = 0;
            for (int i = k; i < rows; i++) dotv += vk[i] * c[i];
            for (int i = k; i < rows; i++) c[i] -= 2 * dotv * vk[i];
        }
        return c;
    }
}
