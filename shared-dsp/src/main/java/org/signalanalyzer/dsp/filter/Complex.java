package org.signalanalyzer.dsp.filter;

/** A complex number for filter design, with NumPy's rounding for division (Smith's method). */
record Complex(double re, double im) {

    static final Complex ZERO = new Complex(0, 0);
    static final Complex ONE = new Complex(1, 0);

    static Complex real(double re) {
        return new Complex(re, 0);
    }

    Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    Complex times(double s) {
        return new Complex(re * s, im * s);
    }

    Complex negate() {
        return new Complex(-re, -im);
    }

    Complex conj() {
        return new Complex(re, -im);
    }

    double abs() {
        return Math.hypot(re, im);
    }

    boolean isReal() {
        return im == 0;
    }

    Complex dividedBy(Complex o) {
        double ar = Math.abs(o.re);
        double ai = Math.abs(o.im);
        if (ar >= ai) {
            double rat = o.im / o.re;
            double scl = 1.0 / (o.re + o.im * rat);
            return new Complex((re + im * rat) * scl, (im - re * rat) * scl);
        }
        double rat = o.re / o.im;
        double scl = 1.0 / (o.im + o.re * rat);
        return new Complex((re * rat + im) * scl, (im * rat - re) * scl);
    }

    /** Principal square root. */
    Complex sqrt() {
        if (re == 0 && im == 0) return ZERO;
        double t = Math.sqrt((Math.abs(re) + Math.hypot(re, im)) * 0.5);
        if (re >= 0) return new Complex(t, im / (2 * t));
        return new Complex(Math.abs(im) / (2 * t), Math.copySign(t, im));
    }
}
