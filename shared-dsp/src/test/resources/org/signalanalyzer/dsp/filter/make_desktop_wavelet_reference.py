#!/usr/bin/python3
"""Writes desktop_wavelet_reference.json: the desktop's wavelet denoising (spec 2.3: sigma = MAD around the median
/ 0.6745, universal threshold on every detail level, level None -> min(floor(log2 N), 10)) computed with PyWavelets.
Run with Debian's python3-pywt:  /usr/bin/python3 make_desktop_wavelet_reference.py"""
import json
import numpy as np
import pywt


def desktop_wavelet(x, wavelet, level, mode):
    n = len(x)
    if level is None:
        level = min(int(np.floor(np.log2(n))), 10)
    coeffs = pywt.wavedec(x, wavelet, level=level, mode='symmetric')
    d = coeffs[-1]
    sigma = np.median(np.abs(d - np.median(d))) / 0.6745
    lam = sigma * np.sqrt(2 * np.log(n))
    coeffs = [coeffs[0]] + [pywt.threshold(c, lam, mode=mode) for c in coeffs[1:]]
    y = pywt.waverec(coeffs, wavelet, mode='symmetric')
    if len(y) > n:
        y = y[:n]
    elif len(y) < n:
        y = np.pad(y, (0, n - len(y)))
    return y, sigma, lam, level


rng = np.random.default_rng(20230521)
n = 2501
t = np.arange(n) / 10000.0
# A skewed, offset signal so that median(|d|) and the MAD around the median differ.
x = 500 + 300 * np.sin(2 * np.pi * 40 * t) + 80 * np.exp(-((t - 0.12) / 0.004) ** 2) + rng.standard_exponential(n) * 15
cases = []
for wavelet, level, mode in [('db4', 4, 'soft'), ('sym4', None, 'hard'), ('coif3', 6, 'soft')]:
    with np.errstate(all='ignore'):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            y, sigma, lam, used = desktop_wavelet(x, wavelet, level, mode)
    cases.append({'wavelet': wavelet, 'level': level, 'level_used': used, 'threshold_mode': mode,
                  'sigma': sigma, 'threshold': lam, 'output': y.tolist()})
json.dump({'note': 'desktop wavelet rule (MAD) computed with PyWavelets ' + pywt.__version__ + ', NumPy '
           + np.__version__ + ' by make_desktop_wavelet_reference.py',
           'input': x.tolist(), 'cases': cases},
          open('desktop_wavelet_reference.json', 'w'))
