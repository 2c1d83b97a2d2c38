#!/usr/bin/env python3
"""Writes extract_add_fft_reference.json with SciPy / NumPy:
- find_peaks(x, prominence=200, width=(1, 50)) on x and -x (indices, prominences, widths);
- the desktop's extract-add filter written from spec 2.4 (events = peaks/valleys marked idx +- width, baseline
  bridged by np.interp, savgol 51/3, events added back, mean of the bridged baseline over the events subtracted,
  5-sample blend with savgol(5, 2) at each mask edge);
- the desktop's FFT filter from spec 2.5 (threshold 0.2 of max |X|, DC kept; and with a 0..300 Hz band).
Run: python3 make_extract_add_fft_reference.py (SciPy >= 1.10)."""
import json
import numpy as np
import scipy
from scipy.signal import find_peaks, savgol_filter

rng = np.random.default_rng(521)
n = 3000
fs = 10000.0
t = np.arange(n) / fs
x = 1000 + 50 * np.sin(2 * np.pi * 7 * t) + rng.normal(0, 8, n)
for c, a, w in [(400, 600, 6), (1100, -450, 12), (1900, 800, 3), (2500, -300, 8)]:
    x += a * np.exp(-0.5 * ((np.arange(n) - c) / w) ** 2)


def peaks_of(s):
    p, props = find_peaks(s, prominence=200, width=(1, 50))
    return p, props


def extract_add(data, window=51, order=3):
    mask = np.zeros(len(data), dtype=bool)
    for s in (data, -data):
        p, props = peaks_of(s)
        for idx, width in zip(p, props['widths']):
            mask[max(0, int(idx - width)):min(len(data), int(idx + width + 1))] = True
    events = np.where(mask, data, 0.0)
    baseline = data.copy()
    baseline[mask] = np.interp(np.flatnonzero(mask), np.flatnonzero(~mask), data[~mask])
    out = savgol_filter(baseline, window, order) + events - baseline[mask].mean()
    for e in np.flatnonzero(np.diff(mask.astype(int)) != 0):
        if 1 < e < len(data) - 2:
            seg = out[e - 2:e + 3].copy()
            out[e - 2:e + 3] = (seg + savgol_filter(seg, 5, 2)) / 2
    return out


def fft_filter(data, threshold, lo, hi, rate):
    spec = np.fft.fft(data)
    f = np.fft.fftfreq(len(data), d=1 / rate)
    keep = np.abs(spec) >= threshold * np.abs(spec).max()
    if lo is not None:
        keep &= (np.abs(f) >= lo) & (np.abs(f) <= hi)
    keep[0] = True
    return np.real(np.fft.ifft(np.where(keep, spec, 0)))


pk, pprops = peaks_of(x)
vk, vprops = peaks_of(-x)
y = np.cumsum(rng.normal(0, 1, 1024)) + 5 * np.sin(2 * np.pi * 50 * np.arange(1024) / 1000.0)
json.dump({
    'note': 'SciPy ' + scipy.__version__ + ', NumPy ' + np.__version__ + '; made by make_extract_add_fft_reference.py',
    'fs_hz': fs, 'input': x.tolist(),
    'peaks': {'index': pk.tolist(), 'prominence': pprops['prominences'].tolist(), 'width': pprops['widths'].tolist()},
    'valleys': {'index': vk.tolist(), 'prominence': vprops['prominences'].tolist(), 'width': vprops['widths'].tolist()},
    'extract_add': extract_add(x).tolist(),
    'fft_input': y.tolist(), 'fft_fs_hz': 1000.0,
    'fft_threshold_0.05': fft_filter(y, 0.05, None, None, 1000.0).tolist(),
    'fft_threshold_0.01_band_0_300': fft_filter(y, 0.01, 0.0, 300.0, 1000.0).tolist(),
}, open('extract_add_fft_reference.json', 'w'))
print('peaks', pk, 'valleys', vk)
