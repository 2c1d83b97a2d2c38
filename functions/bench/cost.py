#!/usr/bin/env python3
"""docs/cost.md's figures from a request-cost run: functions/bench/request-cost.sh | python3 functions/bench/cost.py

Reads the table RequestCost prints (request, median ms, MB, GB-s) and prices one analysis, a typical session, a
10-person lab's month and the worst case under the template's default limits. Prices: docs/cost.md, "Prices".
"""
import re
import sys

# us-east-1 list prices (docs/cost.md says where each comes from and when it was read).
LAMBDA_GB_S = 0.0000166667      # x86_64, first 6 billion GB-s a month
LAMBDA_REQUEST = 0.20 / 1e6
API_REQUEST = 3.50 / 1e6        # REST API, first 333 million a month
DDB_WRITE = 0.625 / 1e6         # on-demand write request unit (1 KB)
DDB_READ = 0.125 / 1e6          # on-demand read request unit (4 KB strongly consistent)
S3_PUT = 0.005 / 1000
S3_GET = 0.0004 / 1000
S3_GB_MONTH = 0.023
LOGS_GB = 0.50                  # CloudWatch Logs ingestion
ALARM_METRIC_MONTH = 0.10

# Storage calls per request type on the handler path (read from the controllers): (DynamoDB reads, writes,
# S3 GETs, S3 PUTs). Every call opens the session (1 read); reservations and entries are writes.
CALLS = {
    'create session':               (0, 2, 0, 0),   # rate item update, session put
    'upload ticket':                (1, 2, 0, 1),   # reservation, file entry; the browser's PUT to S3
    'complete (parse 2.9 MB ATF)':  (2, 1, 1, 2),   # read upload, write compact form and its description
    'trace (1200 px)':              (2, 0, 2, 0),
    'filter preview (gui-default)': (2, 0, 2, 0),
    'analysis (desktop)':           (2, 2, 2, 1),
    'integrals':                    (2, 0, 1, 0),
    'export (full workbook)':       (3, 1, 1, 1),   # summary, result (cached when warm), reservation, PUT
}
LOG_BYTES = 600                 # Lambda's START/END/REPORT lines and the request log line

# A typical session: 5 recordings uploaded and looked at, filters tried, analysed, ranges dragged, 2 exports.
SESSION = {
    'create session': 1, 'upload ticket': 5, 'complete (parse 2.9 MB ATF)': 5, 'trace (1200 px)': 25,
    'filter preview (gui-default)': 20, 'analysis (desktop)': 8, 'integrals': 15, 'export (full workbook)': 2,
}
SESSION_STORED_GB = 5 * 8e6 / 1e9   # upload + compact form per recording, kept a day
SESSIONS_A_MONTH = 10 * 21 * 2      # 10 people, 21 working days, 2 sessions a day

# Template defaults: MemorySize (MB) of the API functions, ReservedConcurrency, the job worker.
API_FUNCTION_MB = {'Sessions': 512, 'Uploads': 512, 'Files': 2048, 'Filter': 2048, 'Process': 2048,
                   'Integrals': 1024, 'Export': 2048, 'Jobs': 512}
RESERVED = 5
WORKER_MB, WORKER_RESERVED = 3008, 2
API_RATE = 20                   # requests per second, stage throttling
MAX_UPLOAD_MB = 50
ALARM_METRICS = 1 + 10 + 10     # API 5xx; errors and throttles summed over the 10 functions


def gb_seconds(lines):
    """{request type: GB-s} from the table RequestCost prints (request, median ms, MB, GB-s)."""
    gbs = {}
    for line in lines:
        m = re.match(r'^(.+?)\s{2,}([\d.]+)\s+(\d+)\s+([\d.]+)\s*$', line.rstrip())
        if m and m.group(1).strip() in CALLS:
            gbs[m.group(1).strip()] = float(m.group(4))
    return gbs


def main():
    gbs = gb_seconds(sys.stdin)
    missing = set(CALLS) - set(gbs)
    if missing:
        sys.exit('request-cost output lacks: ' + ', '.join(sorted(missing)))

    def cost(kind):
        reads, writes, gets, puts = CALLS[kind]
        return (gbs[kind] * LAMBDA_GB_S + LAMBDA_REQUEST + API_REQUEST + reads * DDB_READ + writes * DDB_WRITE
                + gets * S3_GET + puts * S3_PUT + LOG_BYTES / 1e9 * LOGS_GB)

    print(f"{'request':30} {'GB-s':>9} {'USD':>12}")
    for kind in CALLS:
        print(f'{kind:30} {gbs[kind]:9.4f} {cost(kind):12.8f}')
    session = sum(n * cost(k) for k, n in SESSION.items()) + SESSION_STORED_GB * S3_GB_MONTH / 30
    session_gbs = sum(n * gbs[k] for k, n in SESSION.items())
    requests = sum(SESSION.values())
    print(f'\none analysis: ${cost("analysis (desktop)"):.6f}')
    print(f'typical session ({requests} API requests, {session_gbs:.1f} GB-s): ${session:.4f}')
    fixed = ALARM_METRICS * ALARM_METRIC_MONTH
    month_gbs = session_gbs * SESSIONS_A_MONTH
    month = session * SESSIONS_A_MONTH
    lambda_free = min(month_gbs, 400_000) * LAMBDA_GB_S + min(requests * SESSIONS_A_MONTH, 1e6) * LAMBDA_REQUEST
    print(f'10-person lab month ({SESSIONS_A_MONTH} sessions, {month_gbs:.0f} GB-s): ${month + fixed:.2f} '
          f'(usage ${month:.2f} + alarms ${fixed:.2f}); with the Lambda free tier ${month + fixed - lambda_free:.2f}')

    compute_gb = RESERVED * sum(API_FUNCTION_MB.values()) / 1024 + WORKER_RESERVED * WORKER_MB / 1024
    compute_h = compute_gb * 3600 * LAMBDA_GB_S
    requests_h = API_RATE * 3600 * (API_REQUEST + LAMBDA_REQUEST + 3 * DDB_WRITE + 3 * DDB_READ + S3_PUT
                                    + LOG_BYTES / 1e9 * LOGS_GB)
    stored_tb_h = API_RATE * 3600 * MAX_UPLOAD_MB / 1e6
    storage_h = stored_tb_h * 1000 * S3_GB_MONTH / 30          # each hour's uploads kept one day
    refused_h = API_RATE * 3600 * (API_REQUEST + LAMBDA_REQUEST + gbs['create session'] * LAMBDA_GB_S + DDB_WRITE)
    print(f'\nworst case, default limits: compute {compute_gb:.1f} GB busy = ${compute_h:.2f}/h, requests at '
          f'{API_RATE}/s = ${requests_h:.2f}/h -> ${compute_h + requests_h:.2f}/h, ${24 * (compute_h + requests_h):.0f}/day')
    print(f'  + uploads at {API_RATE} tickets/s of {MAX_UPLOAD_MB} MB: {stored_tb_h:.1f} TB/h kept a day = '
          f'${storage_h:.2f} per hour of such uploads (${24 * storage_h:.0f}/day at the steady state)')
    print(f'  with an access code, strangers only: ${refused_h:.2f}/h, ${24 * refused_h:.1f}/day')
    no_reservation = 10 * 2048 / 1024 * 3600 * LAMBDA_GB_S
    print(f'  ReservedConcurrency=0 on a new account (quota 10): ${no_reservation:.2f}/h compute; '
          f'on a standard account (1,000): ${100 * no_reservation:.0f}/h')


if __name__ == '__main__':
    main()
