#!/usr/bin/env python3
"""Runs the project's benchmarks and their peers side by side on this machine and prints one table.

Called by bench/run.sh (which builds first). Every figure is measured in this run, except the two peers no
one can run here (the desktop tool's analysis time, a trivial Lambda's cold start): those are the figures the
issues state, marked "(stated)". Nothing machine-specific is written anywhere; the machine is printed.
"""
import argparse
import importlib.util
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = next((p for p in (os.path.join(ROOT, '..', 'shared'), os.path.join(ROOT, '..', '..', 'shared'))
               if os.path.isdir(os.path.join(p, 'data'))), None)
CLI = os.path.join(ROOT, 'shared-dsp', 'target', 'shared-dsp-cli.jar')
# The benchmarks are not in the shipped jars: they run from shared-dsp's test classes with the CLI jar's classes.
BENCH = ['java', '-cp', CLI + os.pathsep + os.path.join(ROOT, 'shared-dsp', 'target', 'test-classes'),
         'org.signalanalyzer.dsp.cli.Bench']
LOCAL_JAR = os.path.join(ROOT, 'local', 'target', 'signal-analyzer-local.jar')
ROWS = []


def row(what, ours, peer, unit, goal, higher_is_better, goal_met, note=''):
    ratio = None
    if isinstance(ours, (int, float)) and isinstance(peer, (int, float)) and ours > 0 and peer > 0:
        ratio = ours / peer if higher_is_better else peer / ours
    ROWS.append((what, ours, peer, unit, ratio, goal, goal_met, note))


def fmt(v, unit):
    if v is None:
        return '—'
    if isinstance(v, str):
        return v
    if unit == 'bytes':
        return f'{v / 1e3:,.0f} kB' if v >= 1e3 else f'{v:.0f} B'
    return f'{v:,.1f} {unit}' if v >= 10 else f'{v:,.3g} {unit}'


def run(cmd, timeout=1800, cwd=ROOT, env=None):
    print('$ ' + ' '.join(cmd), file=sys.stderr, flush=True)
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}... exit {p.returncode}: {(p.stderr or p.stdout)[-400:]}")
    return p.stdout


def machine():
    def sh(cmd):
        try:
            return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=60).stdout.strip()
        except Exception as e:  # a missing tool is reported, not fatal
            return f'({e})'
    cpu = sh("lscpu | sed -n 's/^Model name: *//p'") or platform.processor()
    mem = sh("free -g | awk '/^Mem:/ {print $2 \" GB total, \" $7 \" GB available\"}'")
    java = sh('java -version 2>&1 | head -1')
    numpy_scipy = sh(f"{sys.executable} -c 'import numpy, scipy; print(\"numpy\", numpy.__version__, \"scipy\", scipy.__version__)'")
    pywt = sh("/usr/bin/python3 -c 'import pywt; print(\"PyWavelets\", pywt.__version__)'")
    print('# machine')
    print(f'  cpu       {cpu}; {os.cpu_count()} cores (nproc {sh("nproc")})')
    print(f'  memory    {mem}')
    print(f'  os        {platform.platform()}')
    print(f'  java      {java}')
    print(f'  python    {platform.python_version()} ({sys.executable}); {numpy_scipy}; {pywt} (/usr/bin/python3)')
    print(f'  load      {sh("uptime")}  (other work on the machine distorts every figure)')
    print(flush=True)


def number(pattern, text, what):
    m = re.search(pattern, text)
    if not m:
        raise RuntimeError(f'no {what} in output: {text[-300:]}')
    return float(m.group(1).replace(',', ''))


def bench_read(seconds, rounds=3):
    # Ours and numpy take turns, `rounds` times, so both see the same load on a shared machine; the row gives the
    # median of each, and the ratio of the medians.
    atf = os.path.join(SHARED, 'data', 'desktop', '202304_0521.atf')
    ours_runs, peer_runs = [], []
    for _ in range(rounds):
        ours_runs.append(read_mb_s(run(BENCH + ['read', atf, '--seconds', str(seconds)]), 'ATF'))
        peer_runs.append(numpy_loadtxt_mb_s(atf))
    ours, peer = median(ours_runs), median(peer_runs)
    row('read ATF 202304_0521.atf', ours, peer, 'MB/s', '≥ 500 MB/s, ≥ 5× numpy.loadtxt', True,
        ours >= 500 and ours >= 5 * peer,
        f'median of {rounds} turns each ({os.cpu_count()} cores: the data block is parsed in chunks on '
        f'{min(4, os.cpu_count())} threads); ours ' + ', '.join(f'{v:.0f}' for v in ours_runs)
        + '; numpy ' + ', '.join(f'{v:.0f}' for v in peer_runs))
    abfs = sorted((os.path.join(SHARED, 'data', 'real', f) for f in os.listdir(os.path.join(SHARED, 'data', 'real'))
                   if f.endswith('.abf')), key=os.path.getsize)
    abf = abfs[-1]
    out = run(BENCH + ['read', abf, '--seconds', str(seconds)])
    ours = read_mb_s(out, 'ABF')
    row(f'read ABF {os.path.basename(abf)}', ours, None, 'MB/s', '≥ 1000 MB/s', True, ours >= 1000,
        'no peer: pyABF is not installed here')


def read_mb_s(out, what):
    m = re.search(r'throughput\s+([\d.]+) MB/s median', out)
    return float(m.group(1)) if m else number(r'throughput\s+([\d.]+) MB/s mean', out, what + ' MB/s')


def median(values):
    v = sorted(values)
    return v[len(v) // 2] if len(v) % 2 else (v[len(v) // 2 - 1] + v[len(v) // 2]) / 2


def numpy_loadtxt_mb_s(atf):
    # The ATF's data starts after the two fixed lines, the optional header records (count on line 2) and the
    # column titles. The median of 5 loads, as ours reports its median.
    code = f'''
import time, os, statistics, numpy as np
path = {atf!r}
with open(path) as f:
    f.readline(); n = int(f.readline().split()[0])
skip = 2 + n + 1
np.loadtxt(path, skiprows=skip)
times = []
for _ in range(5):
    t = time.perf_counter(); np.loadtxt(path, skiprows=skip); times.append(time.perf_counter() - t)
print(os.path.getsize(path) / statistics.median(times) / 1e6)
'''
    # OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE (set on some machines for old OpenBLAS builds) slow a current numpy;
    # loadtxt does not use BLAS, but the peer runs as numpy ships, without them, in this command only.
    env = {k: v for k, v in os.environ.items() if k not in ('OPENBLAS_CORETYPE', 'OPENBLAS_L2_SIZE')}
    return float(run([sys.executable, '-c', code], env=env).strip())


FILTERS = [('savgol 51/3', 'Savitzky–Golay 51/3', 'SciPy savgol_filter'),
           ('butter o2 filtfilt', 'Butterworth o2 filtfilt', 'SciPy filtfilt'),
           ('butter o2 sosfiltfilt', 'Butterworth o2 sosfiltfilt', 'SciPy sosfiltfilt'),
           ('wavelet db4 L4 denoise', 'wavelet db4 L4 denoise', 'PyWavelets')]


def bench_filters(n, repeat):
    ours_out = run(BENCH + ['filters', str(n), '--repeat', str(repeat)])
    peer_out = run([sys.executable, os.path.join(ROOT, 'bench', 'scipy_filters.py'), str(n), '--repeat', str(repeat)])
    for key, label, peer_name in FILTERS:
        pat = re.escape(key) + r'\s+([\d.]+) Msamples/s'
        ours = number(pat, ours_out, key)
        try:
            peer = number(pat, peer_out, key + ' (peer)')
        except RuntimeError:
            peer = None
        ok = peer is not None and ours >= 1.5 * peer
        row(f'{label}, {n / 1e6:g} M samples', ours, peer, 'Msamples/s', f'≥ 1.5× {peer_name}', True, ok)


def bench_analyze(seconds):
    atf = os.path.join(SHARED, 'data', 'desktop', '202304_0521.atf')
    for preset, start, stated_s in (('raw', '35', 0.24), ('batch', 'auto', 0.58)):
        out = run(BENCH + ['analyze', atf, '--preset', preset, '--start-point', start,
                   '--seconds', str(seconds)])
        ms = number(r'time/run\s+([\d.]+) ms median', out, 'analysis ms')
        row(f'analysis {preset}, start {start} (reading incl.)', ms, stated_s * 1000, 'ms',
            '≥ 30× the desktop', False, stated_s * 1000 / ms >= 30, 'peer: desktop Python (stated, issue 4)')
    out = run(BENCH + ['export', atf, '--layout', 'full', '--analyses', '20'])
    ms = number(r'median ([\d.]+) ms', out, 'export ms')
    row('export full workbook, 20 analyses', ms, None, 'ms', '—', False, None)


def cold_start(runs):
    script = os.path.join(ROOT, 'functions', 'bench', 'cold-start.sh')
    if not os.path.exists(script):
        row('Lambda cold start → first process', 'not measured', None, 'ms', '< 1000 ms', False, None,
            'functions/bench/cold-start.sh is not in this branch')
        return
    # Without and then with a JDK AOT cache trained for each (ours and the peer alike): the first is what Lambda's
    # JAVA_TOOL_OPTIONS give, the second a plain-JVM lever Lambda does not get (bench/README.md).
    out = run(['bash', script, str(runs)], timeout=3600, env=dict(os.environ, COLD_START_AOT_CACHE='both'))
    options = re.search(r'child JVM options: (.*)', out)
    for prefix, what, what_cpu, note in (
            ('', 'Lambda cold start → first process answered', 'Lambda cold start, process CPU to the first answer',
             'JVM options: ' + (options.group(1) if options else '?')),
            ('cached.', 'cold start → first process, plain JVM + JDK AOT cache (not on Lambda)',
             'cold start with JDK AOT cache, process CPU to the first answer', 'each with its own trained cache')):
        p = re.escape(prefix) if prefix else r'(?<![.\w])'
        cold = number(p + r'jvmToFirstProcessMs\s+median\s+([\d.]+)', out, 'cold start')
        init = number(p + r'handlerInitMs\s+median\s+([\d.]+)', out, 'handler init')
        first = number(p + r'firstProcessMs\s+median\s+([\d.]+)', out, 'first process')
        cpu = number(p + r'cpuToFirstProcessMs\s+median\s+([\d.]+)', out, 'cold start CPU')
        peer = number(p + r'trivialJvmToFirstAnswerMs\s+median\s+([\d.]+)', out, 'trivial function cold start')
        peer_cpu = number(p + r'trivialCpuToFirstAnswerMs\s+median\s+([\d.]+)', out, 'trivial function CPU')
        row(what, cold, peer, 'ms', '< 1000 ms and below the trivial function', False, cold < 1000 and cold < peer,
            f'peer: a trivial Micronaut function\'s first answer, same run (median of {runs} each); init '
            f'{init:.0f} + first process {first:.0f} ms; {note}')
        row(what_cpu, cpu, peer_cpu, 'ms', 'below the trivial function', False,
            cpu < peer_cpu, 'CPU time: what other work on a shared machine does not inflate')
    warm = number(r'(?<![.\w])warmIntegralsMedianMs\s+median\s+([\d.]+)', out, 'warm integrals')
    process = number(r'(?<![.\w])warmProcessMedianMs\s+median\s+([\d.]+)', out, 'warm process')
    row('Lambda warm process (202304_0521.atf)', process, None, 'ms', '—', False, None)
    row('Lambda warm integrals', warm, None, 'ms', '< 10 ms', False, warm < 10)


def request_cost(runs):
    """GB-seconds per request type on the Lambda handler path, priced by functions/bench/cost.py (docs/cost.md)."""
    out = run(['bash', os.path.join(ROOT, 'functions', 'bench', 'request-cost.sh'), str(runs)], timeout=3600)
    cost_py = os.path.join(ROOT, 'functions', 'bench', 'cost.py')
    priced = subprocess.run([sys.executable, cost_py], input=out, capture_output=True, text=True, timeout=60,
                            check=True).stdout
    spec = importlib.util.spec_from_file_location('cost', cost_py)
    cost = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cost)
    gbs = cost.gb_seconds(out.splitlines())
    for kind in ('analysis (desktop)', 'export (full workbook)', 'filter preview (gui-default)', 'integrals'):
        if kind in gbs:
            row(f'Lambda GB-s per request: {kind}', gbs[kind], None, 'GB-s', '—', False, None,
                'warm median × the template\'s MemorySize (functions/bench/request-cost.sh)')
    session = re.search(r'typical session \((\d+) API requests, ([\d.]+) GB-s\): \$([\d.]+)', priced)
    month = re.search(r'10-person lab month .*?: \$([\d.]+)', priced)
    if session:
        row('cost of a typical session (AWS list prices, docs/cost.md)', float(session.group(3)), None, 'USD', '—',
            False, None, f'{session.group(1)} API requests, {session.group(2)} GB-s')
    if month:
        row('cost of a 10-person lab month', float(month.group(1)), 30.0, 'USD', 'below the Heroku plan (~$30)',
            False, float(month.group(1)) < 30.0, 'peer: the lab web plan\'s Heroku budget (stated)')


def stop_local(proc, data):
    """Stops a local runtime a bench step started (gracefully, as Ctrl+C would) and removes its data folder."""
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
    shutil.rmtree(data, ignore_errors=True)


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def http(method, url, body=None, token=None, headers=None, timeout=300):
    h = dict(headers or {})
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        h.setdefault('Content-Type', 'application/json')
    if token:
        h['Authorization'] = 'Bearer ' + token
    req = urllib.request.Request(url, data=data, method=method, headers=h)
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return r.status, r.read(), r.headers


def local_startup(runs):
    """The local owner's measurement (local/bench/startup.sh), with what run.sh passes and with nothing recorded."""
    script = os.path.join(ROOT, 'local', 'bench', 'startup.sh')
    if not os.path.exists(script):
        return False
    # The JVM flags ./run.sh starts the product with (the AOT cache a JDK 25 build records, else the class-data-
    # sharing archive), whatever JAVA_OPTS this shell happens to export.
    aot = os.path.join(ROOT, 'local', 'target', 'signal-analyzer-local.aot')
    recorded = ('-XX:AOTCache=local/target/signal-analyzer-local.aot' if os.path.exists(aot)
                else '-XX:SharedArchiveFile=local/target/signal-analyzer-local.jsa -Xshare:auto')
    # The process's CPU time up to the page is the figure other work on a shared machine does not inflate.
    for opts, label, goal_ms, n in ((recorded, 'AOT cache' if 'AOTCache' in recorded else 'CDS archive', 1000, runs),
                                    ('', 'nothing recorded', 2000, max(3, runs // 2))):
        out = run(['env', 'JAVA_OPTS=' + opts, 'bash', script, str(n), str(free_port())], timeout=900)
        m = re.search(r'median of \d+: page ([\d.]+) ms \(CPU ([\d.]+) ms\), first API answer ([\d.]+) ms', out)
        if not m:
            raise RuntimeError('no start-up median in: ' + out[-300:])
        page, cpu, api = float(m.group(1)), float(m.group(2)), float(m.group(3))
        row(f'local runtime ({label}): start → page served', page, None, 'ms', f'< {goal_ms} ms', False,
            page < goal_ms, f'median of {n}; process CPU to the page {cpu:.0f} ms (local/bench/startup.sh)')
        row(f'local runtime ({label}): start → first API answer', api, None, 'ms', '—', False, None,
            f'median of {n}')
    return True


def local_runtime(runs):
    if local_startup(runs):
        return
    if not os.path.exists(LOCAL_JAR):
        row('local runtime start → first API answer', 'not measured', None, 'ms', '< 2000 ms', False, None,
            'local/target/signal-analyzer-local.jar missing')
        return
    data = tempfile.mkdtemp(prefix='bench-local-')
    port = free_port()
    base = f'http://localhost:{port}'
    t0 = time.perf_counter()
    cds = LOCAL_JAR[:-len('.jar')] + '.jsa'
    jvm = ['java'] + ([f'-XX:SharedArchiveFile={cds}'] if os.path.exists(cds) else [])
    proc = subprocess.Popen(jvm + ['-jar', LOCAL_JAR, '--port', str(port), '--data', data],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        api_ms = page_ms = None
        page_status = None
        deadline = t0 + 60
        while time.perf_counter() < deadline and (api_ms is None or page_ms is None):
            try:
                if api_ms is None:
                    status, _, _ = http('POST', base + '/api/sessions', timeout=5)
                    if status == 201:
                        api_ms = (time.perf_counter() - t0) * 1000
                if page_ms is None:
                    status, _, h = http('GET', base + '/', timeout=5)
                    if status == 200 and 'html' in h.get('Content-Type', ''):
                        page_ms = (time.perf_counter() - t0) * 1000
            except urllib.error.HTTPError as e:
                if api_ms is not None:
                    page_status = e.code
                    if e.code == 404:
                        break
                time.sleep(0.01)
            except OSError:
                time.sleep(0.01)
        row('local runtime: process start → first API answer', api_ms, None, 'ms', '< 2000 ms', False,
            api_ms is not None and api_ms < 2000)
        row('local runtime: process start → page served', page_ms, None, 'ms', '< 2000 ms', False,
            page_ms is not None and page_ms < 2000,
            '' if page_ms else f'GET / answered {page_status}: is the static site built into the jar?')
    finally:
        stop_local(proc, data)


def plot_payload():
    # Through the Lambda handler (functions' test infrastructure): a 10 M-sample recording is 140 MB as text, over
    # the upload limit, so the test stores it through the archive complete uses, then asks for the trace.
    out = run(['mvn', '-B', '-q', '-o', '-pl', 'functions', '-am', 'test', '-Dtest=PlotPayloadTest',
               '-Dsurefire.failIfNoSpecifiedTests=false'], timeout=1800)
    report = os.path.join(ROOT, 'functions', 'target', 'surefire-reports',
                          'org.signalanalyzer.functions.hardening.PlotPayloadTest-output.txt')
    text = out + (open(report).read() if os.path.exists(report) else '')
    found = re.findall(r'plot payload: 10000000 samples, width (\d+): (\d+) bytes \(gzip (\d+) bytes\), (\d+) points',
                       text)
    if not found:
        raise RuntimeError('no plot payload line: ' + text[-300:])
    for width, raw, gz, points in found:
        row(f'plot payload, 10 M-sample trace, width {width}', int(raw), None, 'bytes', '< 1 MB per answer', False,
            int(raw) < 1_000_000, f'{points} points, {int(gz) / 1e3:.0f} kB gzip')


STEADY_WARM_UP = 500


def load(sessions, steady_warm_up=STEADY_WARM_UP):
    """Two measured runs in one JVM: right after the start (one session served), then after steady_warm_up more
    sessions, when the JIT has compiled the server's hot code (the goal is read there: a lab server that has been
    serving); then each step's CPU with sessions one at a time."""
    out = run(['mvn', '-B', '-q', '-o', '-pl', 'local', '-am', 'test', '-Dtest=LocalLoadTest',
               '-Dsurefire.failIfNoSpecifiedTests=false', f'-Dload.sessions={sessions}',
               f'-Dload.steady-warm-up-sessions={steady_warm_up}', '-Dload.step-cost-sessions=20'], timeout=3600)
    report = os.path.join(ROOT, 'local', 'target', 'surefire-reports',
                          'org.signalanalyzer.local.hardening.LocalLoadTest-output.txt')
    text = out + (open(report).read() if os.path.exists(report) else '')
    blocks = re.split(r'^(?=load[^:\n]*: \d+ sessions)', text, flags=re.M)
    runs = [b for b in blocks if re.match(r'load[^:\n]*: \d+ sessions', b)]
    if not runs:
        raise RuntimeError('no load report: ' + text[-300:])
    for block in runs:
        m = re.match(r'(load[^:\n]*): (\d+) sessions, (\d+) requests, (\d+) errors in ([\d.]+) s: ([\d.]+) '
                     r'requests/s, ([\d.]+) sessions/s; latency p50 (\d+) ms, p99 (\d+) ms', block)
        if not m:
            raise RuntimeError('unreadable load report: ' + block[:300])
        steady = m.group(1) != 'load'
        label = f'load, steady state ({steady_warm_up} sessions served first)' if steady else \
            'load, server just started (1 session served)'
        errors = int(m.group(4))
        row(f'{label}: {sessions} concurrent sessions, errors', errors, None, '', '0', False, errors == 0,
            f'{m.group(3)} requests in {m.group(5)} s, {m.group(6)} requests/s')
        p99 = int(m.group(9))
        row(f'{label}: latency p50 / p99', f'{m.group(8)} / {m.group(9)} ms', None, '',
            'p99 < 1000 ms' if steady else '—', False, p99 < 1000 if steady else None,
            'every request of every session')
        # The same p99 per kind of request: the computing steps (complete, process) queue for the cores
        # (ComputeQueue), the short ones pass at once; the upload streams 2.9 MB.
        steps = dict(re.findall(r'^\s+(\w+)\s+n=\d+\s+p50\s+\d+ ms\s+p99\s+(\d+) ms', block, re.M))
        if steps:
            row(f'{label}: p99 per step', ', '.join(f'{k} {v}' for k, v in steps.items()) + ' ms', None, '',
                '—', False, None, 'the p99 read per kind of request')
        cpu = re.search(r'process CPU ([\d.]+) s over the run \((\d+) ms per session(?:, (\d+)% of it in the '
                        r'kernel)?', block)
        if cpu:
            kernel = f', {cpu.group(3)}% in the kernel' if cpu.group(3) else ''
            row(f'{label}: CPU per session', int(cpu.group(2)), None, 'ms', '—', False, None,
                f'{cpu.group(1)} s for the run{kernel}; server and the driving clients in one JVM')
    # Each step's own CPU, sessions one at a time: N sessions at once need N times their sum on the cores.
    costs = re.findall(r'^\s+cost (\S+)\s+([\d.]+) ms', text, re.M)
    if costs:
        row('load: CPU per step, one session at a time', ', '.join(f'{k} {float(v):.0f}' for k, v in costs) + ' ms',
            None, '', '—', False, None, 'client and server; mean of 20 sessions, after the runs above')


def many_sweep_abf1(sweeps, samples):
    """The ABF 1.5 layout of functions' ManySweepAbf1 (test support): one int16 channel, 10 kHz, made here."""
    import struct
    header = bytearray(2048)
    header[0:4] = b'ABF '
    struct.pack_into('<f', header, 4, 1.5)
    struct.pack_into('<h', header, 8, 5)
    struct.pack_into('<i', header, 10, sweeps * samples)
    struct.pack_into('<i', header, 16, sweeps)
    struct.pack_into('<i', header, 40, 4)
    struct.pack_into('<h', header, 120, 1)
    struct.pack_into('<f', header, 122, 100.0)
    struct.pack_into('<i', header, 138, samples)
    struct.pack_into('<f', header, 244, 10.0)
    struct.pack_into('<i', header, 252, 32768)
    header[442:452] = b'Im'.ljust(10)
    header[602:610] = b'pA'.ljust(8)
    for offset in (730, 922, 1050):
        struct.pack_into('<f', header, offset, 1.0)
    data = bytearray(2 * sweeps * samples)
    at = 0
    for s in range(sweeps):
        for i in range(samples):
            struct.pack_into('<h', data, at, (s * 37 + i * 1009) % 30000 - 15000)
            at += 2
    return bytes(header + data)


def register_many_sweeps(sweeps=100_000, samples=8):
    """complete of a 100,000-sweep ABF1 on the local runtime, while another client keeps asking for its session."""
    import threading
    if not os.path.exists(LOCAL_JAR):
        row(f'register {sweeps:,}-sweep file', 'not measured', None, 's', '< 5 s', False, None, 'local jar missing')
        return
    content = many_sweep_abf1(sweeps, samples)
    data = tempfile.mkdtemp(prefix='bench-register-')
    port = free_port()
    base = f'http://localhost:{port}'
    proc = subprocess.Popen(['java', '-jar', LOCAL_JAR, '--port', str(port), '--data', data],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while True:
            try:
                _, body, _ = http('POST', base + '/api/sessions', timeout=5)
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.1)
        session = json.loads(body)
        sid, token = session['sessionId'], session['token']

        def uploaded(name, payload):
            _, answer, _ = http('POST', f'{base}/api/sessions/{sid}/uploads', {'fileName': name,
                                'contentType': 'application/octet-stream', 'sizeBytes': len(payload)}, token)
            ticket = json.loads(answer)
            http('PUT', ticket['uploadUrl'], payload, headers=ticket['headers'])
            return ticket
        # A server that has registered one small file before (as any running server has), not a cold JVM.
        warm = uploaded('warm_up.abf', many_sweep_abf1(100, samples))
        http('POST', f'{base}/api/sessions/{sid}/files/{warm["fileId"]}/complete', token=token)
        ticket = uploaded('many_sweeps.abf', content)
        latencies = []
        done = threading.Event()

        def poll():
            while not done.is_set():
                t = time.perf_counter()
                http('GET', f'{base}/api/sessions/{sid}', token=token, timeout=120)
                latencies.append(time.perf_counter() - t)
                time.sleep(0.05)
        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        t0 = time.perf_counter()
        status, body, _ = http('POST', f'{base}/api/sessions/{sid}/files/{ticket["fileId"]}/complete', token=token)
        seconds = time.perf_counter() - t0
        done.set()
        poller.join(timeout=120)
        described = json.loads(body)
        if status != 200 or described['sweepCount'] != sweeps:
            raise RuntimeError(f'complete answered {status}: {body[:200]}')
        worst = max(latencies) * 1000 if latencies else None
        row(f'register {sweeps:,}-sweep file (complete, local runtime)', seconds, None, 's', '< 5 s', False,
            seconds < 5, f'{len(content) / 1e6:.1f} MB ABF1, {sweeps}×{samples} samples')
        row('  meanwhile: slowest GET of the session', worst, None, 'ms', '< 1000 ms', False,
            worst is not None and worst < 1000, f'{len(latencies)} requests during the registration')
    finally:
        stop_local(proc, data)


def table():
    head = ('what', 'ours', 'peer', 'ratio', 'goal', 'met', 'note')
    lines = [(w, fmt(o, u), fmt(p, u), f'{r:.1f}×' if r else '—', g,
              '—' if m is None else ('yes' if m else 'NO'), n) for w, o, p, u, r, g, m, n in ROWS]
    widths = [max(len(str(x[i])) for x in [head] + lines) for i in range(len(head))]
    print()
    print('  '.join(h.ljust(w) for h, w in zip(head, widths)))
    print('  '.join('-' * w for w in widths))
    for line in lines:
        print('  '.join(str(c).ljust(w) for c, w in zip(line, widths)))
    print('\nratio: how many times better ours is (throughput ours/peer, time peer/ours).')


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--quick', action='store_true', help='shorter runs, 1 M samples (a smoke test, not figures)')
    p.add_argument('--no-cold-start', action='store_true')
    p.add_argument('--no-load', action='store_true')
    p.add_argument('--load-sessions', type=int, default=50)
    p.add_argument('--build', action='store_true', help='(handled by run.sh)')
    a = p.parse_args()
    if SHARED is None:
        sys.exit('../shared (reference data) is missing beside the repository')
    machine()
    seconds = 1 if a.quick else 3
    steps = [('read', lambda: bench_read(seconds)),
             ('filters', lambda: bench_filters(1_000_000 if a.quick else 10_000_000, 3 if a.quick else 5)),
             ('analysis', lambda: bench_analyze(seconds)), ('local runtime', lambda: local_runtime(2 if a.quick else 5)), ('plot payload', plot_payload),
             ('register many sweeps', register_many_sweeps)]
    if not a.no_cold_start:
        steps.append(('cold start', lambda: cold_start(2 if a.quick else 5)))
    if not a.no_cold_start:
        steps.append(('request cost', lambda: request_cost(3 if a.quick else 7)))
    if not a.no_load:
        steps.append(('load', lambda: load(8 if a.quick else a.load_sessions, 16 if a.quick else STEADY_WARM_UP)))
    for name, step in steps:
        try:
            step()
        except Exception as e:  # one broken benchmark must not hide the others
            print(f'{name} failed: {e}', file=sys.stderr)
            row(name, 'failed (see stderr)', None, '', '—', False, False, ' '.join(str(e).split())[:100])
    table()


if __name__ == '__main__':
    main()
