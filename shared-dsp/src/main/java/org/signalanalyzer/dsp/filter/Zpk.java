package org.signalanalyzer.dsp.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Zeros, poles and gain of a filter, with SciPy's transformations ({@code lp2lp_zpk}, {@code lp2hp_zpk},
 * {@code lp2bp_zpk}, {@code lp2bs_zpk}, {@code bilinear_zpk}) and conversions ({@code zpk2tf}, {@code zpk2sos} with
 * its default 'nearest' pairing), step by step as SciPy does them so the coefficients agree to rounding.
 */
record Zpk(List<Complex> z, List<Complex> p, double k) {

    private static final double EPS = Math.ulp(1.0);

    int degree() {
        return p.size() - z.size();
    }

    Zpk lowpassToLowpass(double wo) {
        return new Zpk(scaled(z, wo), scaled(p, wo), k * Math.pow(wo, degree()));
    }

    Zpk lowpassToHighpass(double wo) {
        Complex w = Complex.real(wo);
        List<Complex> zh = new ArrayList<>();
        for (Complex c : z) zh.add(w.dividedBy(c));
        List<Complex> ph = new ArrayList<>();
        for (Complex c : p) ph.add(w.dividedBy(c));
        for (int i = 0; i < degree(); i++) zh.add(Complex.ZERO);
        return new Zpk(zh, ph, k * prodNeg(z).dividedBy(prodNeg(p)).re());
    }

    Zpk lowpassToBandpass(double wo, double bw) {
        List<Complex> zl = scaled(z, bw / 2);
        List<Complex> pl = scaled(p, bw / 2);
        List<Complex> zb = splitBand(zl, wo);
        List<Complex> pb = splitBand(pl, wo);
        for (int i = 0; i < degree(); i++) zb.add(Complex.ZERO);
        return new Zpk(zb, pb, k * Math.pow(bw, degree()));
    }

    Zpk lowpassToBandstop(double wo, double bw) {
        Complex half = Complex.real(bw / 2);
        List<Complex> zh = new ArrayList<>();
        for (Complex c : z) zh.add(half.dividedBy(c));
        List<Complex> ph = new ArrayList<>();
        for (Complex c : p) ph.add(half.dividedBy(c));
        List<Complex> zb = splitBand(zh, wo);
        List<Complex> pb = splitBand(ph, wo);
        for (int i = 0; i < degree(); i++) zb.add(new Complex(0, wo));
        for (int i = 0; i < degree(); i++) zb.add(new Complex(0, -wo));
        return new Zpk(zb, pb, k * prodNeg(z).dividedBy(prodNeg(p)).re());
    }

    /** Analog → digital by the bilinear transform; fs is SciPy's (2 for normalised frequencies). */
    Zpk bilinear(double fs) {
        Complex fs2 = Complex.real(2 * fs);
        List<Complex> zz = new ArrayList<>();
        for (Complex c : z) zz.add(fs2.plus(c).dividedBy(fs2.minus(c)));
        List<Complex> pz = new ArrayList<>();
        for (Complex c : p) pz.add(fs2.plus(c).dividedBy(fs2.minus(c)));
        for (int i = 0; i < degree(); i++) zz.add(Complex.real(-1));
        Complex num = Complex.ONE;
        for (Complex c : z) num = num.times(fs2.minus(c));
        Complex den = Complex.ONE;
        for (Complex c : p) den = den.times(fs2.minus(c));
        return new Zpk(zz, pz, k * num.dividedBy(den).re());
    }

    /** SciPy {@code zpk2tf}: b = k·poly(z), a = poly(p), as {b, a}. */
    double[][] toTransferFunction() {
        double[] b = poly(z);
        for (int i = 0; i < b.length; i++) b[i] *= k;
        return new double[][] {b, poly(p)};
    }

    /** SciPy {@code zpk2sos(z, p, k)} for a digital filter with the default 'nearest' pairing. */
    double[][] toSos() {
        List<Complex> zs = new ArrayList<>(z);
        List<Complex> ps = new ArrayList<>(p);
        if (zs.isEmpty() && ps.isEmpty()) return new double[][] {{k, 0, 0, 1, 0, 0}};
        while (ps.size() < zs.size()) ps.add(Complex.ZERO);
        while (zs.size() < ps.size()) zs.add(Complex.ZERO);
        int sections = (Math.max(ps.size(), zs.size()) + 1) / 2;
        if (ps.size() % 2 == 1) {
            ps.add(Complex.ZERO);
            zs.add(Complex.ZERO);
        }
        zs = conjugatePairHalves(zs);
        ps = conjugatePairHalves(ps);
        double[][] sos = new double[sections][];
        for (int si = sections - 1; si >= 0; si--) {
            int p1Index = worst(ps, null);
            Complex p1 = ps.remove(p1Index);
            long realPolesLeft = ps.stream().filter(Complex::isReal).count();
            if (p1.isReal() && realPolesLeft == 0) {
                Complex z1 = zs.remove(nearest(zs, p1, Which.REAL));
                sos[si] = section(List.of(z1, Complex.ZERO), List.of(p1, Complex.ZERO));
            } else if (ps.size() + 1 == zs.size()
                    && !p1.isReal()
                    && realPolesLeft == 1
                    && zs.stream().filter(Complex::isReal).count() == 1) {
                Complex z1 = zs.remove(nearest(zs, p1, Which.COMPLEX));
                sos[si] = section(List.of(z1, z1.conj()), List.of(p1, p1.conj()));
            } else {
                Complex p2;
                if (p1.isReal()) {
                    p2 = ps.remove(worst(ps, Complex::isReal));
                } else {
                    p2 = p1.conj();
                }
                if (!zs.isEmpty()) {
                    Complex z1 = zs.remove(nearest(zs, p1, Which.ANY));
                    if (!z1.isReal()) {
                        sos[si] = section(List.of(z1, z1.conj()), List.of(p1, p2));
                    } else if (!zs.isEmpty()) {
                        Complex z2 = zs.remove(nearest(zs, p1, Which.REAL));
                        sos[si] = section(List.of(z1, z2), List.of(p1, p2));
                    } else {
                        sos[si] = section(List.of(z1), List.of(p1, p2));
                    }
                } else {
                    sos[si] = section(List.of(), List.of(p1, p2));
                }
            }
        }
        for (int i = 0; i < 3; i++) sos[0][i] *= k;
        return sos;
    }

    private enum Which {
        REAL,
        COMPLEX,
        ANY
    }

    /** SciPy's "worst" digital pole: the one closest to the unit circle (first on ties, as argmin). */
    private static int worst(List<Complex> ps, Predicate<Complex> among) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < ps.size(); i++) {
            if (among != null && !among.test(ps.get(i))) continue;
            double d = Math.abs(1 - ps.get(i).abs());
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static int nearest(List<Complex> from, Complex to, Which which) {
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < from.size(); i++) {
            Complex c = from.get(i);
            if (which == Which.REAL && !c.isReal()) continue;
            if (which == Which.COMPLEX && c.isReal()) continue;
            double d = c.minus(to).abs();
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        if (best < 0) throw new IllegalStateException("no " + which + " root left to pair");
        return best;
    }

    private static double[] section(List<Complex> zeros, List<Complex> poles) {
        double[] s = new double[6];
        double[] b = poly(zeros);
        double[] a = poly(poles);
        System.arraycopy(b, 0, s, 3 - b.length, b.length);
        System.arraycopy(a, 0, s, 6 - a.length, a.length);
        return s;
    }

    /**
     * SciPy {@code _cplxreal}: the complex roots (one per conjugate pair, the positive-imaginary one, averaged with
     * its partner) followed by the real roots, each sorted as SciPy sorts them.
     */
    private static List<Complex> conjugatePairHalves(List<Complex> roots) {
        double tol = 100 * EPS;
        Complex[] sorted = roots.toArray(new Complex[0]);
        Arrays.sort(sorted, Comparator.comparingDouble(Complex::re).thenComparingDouble(c -> Math.abs(c.im())));
        List<Complex> reals = new ArrayList<>();
        List<Complex> pos = new ArrayList<>();
        List<Complex> neg = new ArrayList<>();
        for (Complex c : sorted) {
            if (Math.abs(c.im()) <= tol * c.abs()) reals.add(Complex.real(c.re()));
            else if (c.im() > 0) pos.add(c);
            else neg.add(c);
        }
        if (pos.size() != neg.size()) {
            throw new IllegalArgumentException("complex roots without conjugates");
        }
        sortRunsByImaginary(pos, tol);
        sortRunsByImaginary(neg, tol);
        List<Complex> out = new ArrayList<>();
        for (int i = 0; i < pos.size(); i++) {
            Complex zp = pos.get(i);
            Complex zn = neg.get(i);
            if (zp.minus(zn.conj()).abs() > tol * zn.abs()) {
                throw new IllegalArgumentException("complex roots without conjugates");
            }
            out.add(zp.plus(zn.conj()).dividedBy(Complex.real(2)));
        }
        out.addAll(reals);
        return out;
    }

    /** Runs of (almost) equal real part, judged on the positive halves as SciPy does, sorted by |imag|. */
    private static void sortRunsByImaginary(List<Complex> list, double tol) {
        int i = 0;
        while (i < list.size()) {
            int j = i;
            while (j + 1 < list.size()
                    && list.get(j + 1).re() - list.get(j).re()
                            <= tol * list.get(j).abs()) j++;
            if (j > i) {
                List<Complex> run = new ArrayList<>(list.subList(i, j + 1));
                run.sort(Comparator.comparingDouble(c -> Math.abs(c.im())));
                for (int r = 0; r < run.size(); r++) list.set(i + r, run.get(r));
            }
            i = j + 1;
        }
    }

    /** NumPy {@code poly}: the monic polynomial with these roots, real part (the roots come in conjugate pairs). */
    static double[] poly(List<Complex> roots) {
        Complex[] c = {Complex.ONE};
        for (Complex r : roots) {
            Complex[] next = new Complex[c.length + 1];
            Complex mr = r.negate();
            next[0] = c[0];
            for (int i = 1; i < c.length; i++) next[i] = c[i].plus(c[i - 1].times(mr));
            next[c.length] = c[c.length - 1].times(mr);
            c = next;
        }
        double[] out = new double[c.length];
        for (int i = 0; i < c.length; i++) out[i] = c[i].re();
        return out;
    }

    private static List<Complex> scaled(List<Complex> roots, double s) {
        List<Complex> out = new ArrayList<>();
        for (Complex c : roots) out.add(c.times(s));
        return out;
    }

    private static Complex prodNeg(List<Complex> roots) {
        Complex prod = Complex.ONE;
        for (Complex c : roots) prod = prod.times(c.negate());
        return prod;
    }

    private static List<Complex> splitBand(List<Complex> roots, double wo) {
        List<Complex> plus = new ArrayList<>();
        List<Complex> minus = new ArrayList<>();
        Complex wo2 = Complex.real(wo * wo);
        for (Complex c : roots) {
            Complex root = c.times(c).minus(wo2).sqrt();
            plus.add(c.plus(root));
            minus.add(c.minus(root));
        }
        plus.addAll(minus);
        return plus;
    }
}
