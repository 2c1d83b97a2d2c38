#!/usr/bin/env python3
"""Peer of `Bench filters N (bench/run.py)`: the same filters in NumPy/SciPy and
PyWavelets on N uniform random samples in [-1, 1), best of R timed runs after two warm-up runs, in Msamples/s by best wall time and by mean process CPU time.

    python3 bench/scipy_filters.py [N] [--repeat R]

SciPy and PyWavelets may live in different interpreters (here: SciPy in the default python3, PyWavelets in Debian's
/usr/bin/python3 from python3-pywt). A part whose library is missing is re-run under /usr/bin/python3 if that has it.
"""
import argparse
import os
import subprocess
import sys
import time

import numpy as np


def best_time(f, x, repeat):
    """Best wall time of the timed runs, and their mean process CPU time (all threads)."""
    for _ in range(2):
        f(x)
    best_wall = float('inf')
    c0 = time.process_time()
    for _ in range(repeat):
        t0 = time.perf_counter()
        f(x)
        best_wall = min(best_wall, time.perf_counter() - t0)
    return best_wall, (time.process_time() - c0) / repeat


def report(name, n, times):
    wall, cpu = times
    print(f"{name:<24} {n / wall / 1e6:10.1f} Msamples/s   ({wall:.3f} s; by CPU time {n / cpu / 1e6:.1f} Msamples/s)",
          flush=True)


def scipy_part(x, repeat):
    import scipy
    from scipy.signal import butter, filtfilt, savgol_filter, sosfiltfilt
    b, a = butter(2, 0.1)
    sos = butter(2, 0.1, output='sos')
    print(f"# SciPy {scipy.__version__}, NumPy {np.__version__}, Python {sys.version.split()[0]}")
    report("savgol 51/3", len(x), best_time(lambda v: savgol_filter(v, 51, 3), x, repeat))
    report("butter o2 filtfilt", len(x), best_time(lambda v: filtfilt(b, a, v), x, repeat))
    report("butter o2 sosfiltfilt", len(x), best_time(lambda v: sosfiltfilt(sos, v), x, repeat))


def wavelet_part(x, repeat):
    import pywt

    def denoise(v):
        # The desktop's rule (spec 2.3): db4, level 4, sigma = MAD around the median / 0.6745, universal threshold.
        coeffs = pywt.wavedec(v, 'db4', level=4, mode='symmetric')
        d = coeffs[-1]
        lam = np.median(np.abs(d - np.median(d))) / 0.6745 * np.sqrt(2 * np.log(len(v)))
        coeffs = [coeffs[0]] + [pywt.threshold(c, lam, mode='soft') for c in coeffs[1:]]
        return pywt.waverec(coeffs, 'db4', mode='symmetric')[:len(v)]

    print(f"# PyWavelets {pywt.__version__}, NumPy {np.__version__}, Python {sys.version.split()[0]}")
    report("wavelet db4 L4 denoise", len(x), best_time(denoise, x, repeat))


def has(module):
    try:
        __import__(module)
        return True
    except ImportError:
        return False


def main():
    p = argparse.ArgumentParser()
    p.add_argument('n', nargs='?', type=int, default=10_000_000)
    p.add_argument('--repeat', type=int, default=5)
    p.add_argument('--only', choices=['scipy', 'wavelet'])
    args = p.parse_args()
    x = np.random.default_rng(42).uniform(-1, 1, args.n)
    if args.only is None:
        print(f"filters on {args.n} samples, best of {args.repeat}")
    for part, module, run in (('scipy', 'scipy', scipy_part), ('wavelet', 'pywt', wavelet_part)):
        if args.only not in (None, part):
            continue
        if has(module):
            run(x, args.repeat)
        elif args.only is None and os.path.realpath(sys.executable) != os.path.realpath('/usr/bin/python3') \
                and os.path.exists('/usr/bin/python3'):
            subprocess.run(['/usr/bin/python3', __file__, str(args.n), '--repeat', str(args.repeat), '--only', part],
                           check=False)
        else:
            print(f"{part}: {module} is not installed in {sys.executable}")


if __name__ == '__main__':
    main()
