"""Report of benchmarks/gc-survivors.sh: young pauses in the load window (count, mean, max), bytes copied
to survivor regions (G1's age table) and promoted (old regions' growth) per request and per second at the
round's rate, the live heap after the round, the semantic tier's counters over the window and the
server-side latency of POST /v1/text/screen; with a second directory, the classes whose live bytes after
the round differ most (B minus A), per event the ring holds (10,000).
usage: python3 benchmarks/gc-survivors.py /tmp/gc-A [/tmp/gc-B]"""
import sys, re, os

def histogram(path):
    live = {}
    for line in open(path):
        m = re.match(r'\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)', line)
        if m:
            live[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return live

def marks(d):
    seen = {}
    for line in open(os.path.join(d, 'marks.txt')):
        parts = line.split()
        seen[parts[0]] = float(parts[1])
    return seen

def gc(d, start, end, requests, rate):
    region, pauses = 1 << 20, {}
    for line in open(os.path.join(d, 'gc.log')):
        m = re.match(r'\[([\d.]+)s\].*?GC\((\d+)\)\s+(.*)', line)
        if not m:
            r = re.search(r'Heap Region Size: (\d+)M', line)
            if r:
                region = int(r.group(1)) << 20
            continue
        e = pauses.setdefault(int(m.group(2)), {'t': float(m.group(1))})
        rest = m.group(3)
        p = re.match(r'Pause Young .*? ([\d.]+)ms$', rest)
        if p:
            e['pause'] = float(p.group(1))
        a = re.match(r'- age\s+\d+:\s+\d+ bytes,\s+(\d+) total', rest)
        if a:
            e['copied'] = int(a.group(1))
        o = re.match(r'Old regions: (\d+)->(\d+)', rest)
        if o:
            e['promoted'] = max(0, int(o.group(2)) - int(o.group(1))) * region
    young = [e for e in pauses.values() if 'pause' in e and start <= e['t'] <= end]
    ms = [e['pause'] for e in young]
    copied = sum(e.get('copied', 0) for e in young)
    promoted = sum(e.get('promoted', 0) for e in young)
    print(f"young pauses in the load window: {len(ms)} ({len(ms) / requests * 1e5:.1f} per 100k requests), "
          f"mean {sum(ms) / max(1, len(ms)):.1f} ms, max {max(ms, default=0):.1f} ms")
    print(f"copied to survivors: {copied / requests:.0f} B per request ({copied / requests * rate / 2**20:.2f} MiB/s at {rate:.0f}/s); "
          f"promoted: {promoted / requests:.0f} B per request ({promoted / requests * rate / 2**20:.2f} MiB/s)")

def counters(path):
    values = {}
    if not os.path.exists(path):
        return values
    for line in open(path):
        m = re.match(r'(humiao_semantic_(?:encoded_total|skipped_total\{cause="\w+"\}|encoder_busy_seconds_total)) (\S+)', line)
        if m:
            values[m.group(1)] = float(m.group(2))
    return values

def latency(path):
    buckets = {}
    for line in open(path):
        m = re.match(r'http_server_requests_seconds_bucket\{(.*)\} (\S+)', line)
        if m and 'route="/v1/text/screen"' in m.group(1) and 'status="200"' in m.group(1):
            le = re.search(r'le="([^"]+)"', m.group(1)).group(1)
            key = float('inf') if le == '+Inf' else float(le)
            buckets[key] = buckets.get(key, 0) + float(m.group(2))
    if not buckets:
        return
    bounds = sorted(buckets)
    total = buckets[bounds[-1]]
    quantiles = [f"p{q * 100:g} <= {next(b for b in bounds if buckets[b] >= q * total) * 1000:.1f} ms" for q in (0.5, 0.9, 0.99)]
    print(f"server-side latency of {total:.0f} screens since start: {', '.join(quantiles)}")

def screened(path):
    """Texts screened one per request (humiao_screen_runs_total{part="engine"}); 0 before the round."""
    if not os.path.exists(path):
        return 0
    return sum(float(m.group(1)) for m in re.finditer(r'humiao_screen_runs_total\{part="engine",[^}]*\} (\S+)', open(path).read()))

def report(d):
    seen = marks(d)
    rate = seen['requests'] / 45
    # the requests the service screened, not the ones the harness meant to send: it falls behind on a loaded machine
    requests = screened(os.path.join(d, 'metrics.txt')) - screened(os.path.join(d, 'metrics-start.txt'))
    print(f"== {d}: {requests:.0f} texts screened in the round")
    gc(d, seen['load-start'], seen['load-end'], requests, rate)
    live = sum(v[1] for v in histogram(os.path.join(d, 'histo-after.txt')).values())
    print(f"live heap after the round: {live / 2**20:.1f} MiB")
    start, end = counters(os.path.join(d, 'metrics-start.txt')), counters(os.path.join(d, 'metrics.txt'))
    window = {k.replace('humiao_semantic_', ''): end[k] - start.get(k, 0) for k in end}
    if any(window.values()):
        print('semantic tier over the window: ' + ', '.join(f"{k} {v:.2f}" for k, v in sorted(window.items())))
    latency(os.path.join(d, 'metrics.txt'))

for d in sys.argv[1:]:
    report(d)
if len(sys.argv) == 3:
    a, b = (histogram(os.path.join(d, 'histo-after.txt')) for d in sys.argv[1:])
    rows = sorted((b.get(k, (0, 0))[1] - a.get(k, (0, 0))[1], b.get(k, (0, 0))[0] - a.get(k, (0, 0))[0], k) for k in set(a) | set(b))
    total = sum(r[0] for r in rows), sum(r[1] for r in rows)
    print(f"live after the round, B minus A: {total[0] / 1e4:+.0f} B and {total[1] / 1e4:+.1f} objects per ring event")
    for dbytes, dcount, name in [r for r in rows if r[0] < 0][:10] + [r for r in rows if r[0] > 0][-5:]:
        print(f"  {dbytes / 1e4:+8.1f} B {dcount / 1e4:+6.2f} objects  {name}")
