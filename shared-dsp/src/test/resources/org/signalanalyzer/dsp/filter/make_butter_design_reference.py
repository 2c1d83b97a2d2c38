#!/usr/bin/env python3
"""Writes butter_design_reference.json: SciPy butter() designs, orders 1-10 for each btype, as (b, a) and as
second-order sections (zpk2sos 'nearest' pairing; odd orders exercise its real-pole special cases).
Run: python3 make_butter_design_reference.py"""
import json
import numpy as np
import scipy
from scipy.signal import butter

designs = []
for btype, wn in [('lowpass', [0.1]), ('lowpass', [0.73]), ('highpass', [0.05]), ('bandpass', [0.1, 0.4]),
                  ('bandstop', [0.2, 0.3])]:
    for order in range(1, 11):
        w = wn[0] if len(wn) == 1 else wn
        b, a = butter(order, w, btype)
        sos = butter(order, w, btype, output='sos')
        designs.append({'btype': btype, 'order': order, 'wn': wn, 'b': b.tolist(), 'a': a.tolist(),
                        'sos': sos.tolist()})
json.dump({'note': 'SciPy ' + scipy.__version__ + ', NumPy ' + np.__version__ + '; made by make_butter_design_reference.py',
           'designs': designs}, open('butter_design_reference.json', 'w'))
