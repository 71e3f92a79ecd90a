"""The per-request report of benchmarks/minor-per-request.sh: JVM CPU per request by thread (JIT, JFR and
attach threads apart), context switches, Redis commands and Redis CPU per request over the window, and the
JFR samples of instance 1 by stage (thread, then the nearest known frames).
usage: python3 benchmarks/minor-per-request.py /tmp/minor-LABEL"""
import collections, os, re, subprocess, sys

R = sys.argv[1]


def metrics(path):
    d = {}
    for line in open(path):
        name, _, value = line.rpartition(' ')
        try:
            d[name] = float(value)
        except ValueError:
            pass
    return d


def commandstats(path):
    d = {}
    for line in open(path):
        m = re.match(r'cmdstat_([^:]+):calls=(\d+),usec=(\d+)', line)
        if m:
            d[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    return d


def redis_cpu(path):
    v = dict(line.strip().split(':', 1) for line in open(path) if ':' in line)
    return float(v['used_cpu_sys']) + float(v['used_cpu_user'])


def threads(path):
    """CPU ticks by thread name, context switches, and the voluntary ones (a thread that blocked or parked; older
    reports have no such column), which the machine's load changes less than the involuntary ones."""
    ticks, switches, voluntary = collections.Counter(), 0, 0
    for line in open(path):
        _, name, t, cs, *vol = line.split()
        ticks[re.sub(r'\d+', 'N', name)] += int(t)
        switches += int(cs)
        voluntary += int(vol[0]) if vol else 0
    return ticks, switches, voluntary


requests = 0
for f in sorted(os.listdir(R)):
    if f.startswith('m1-'):
        before, after = metrics(f'{R}/m0-' + f[3:]), metrics(f'{R}/{f}')
        requests += sum(v - before.get(k, 0) for k, v in after.items()
                        if k.startswith('http_server_requests_seconds_count') and '/v1/' in k)
t0, s0, v0 = threads(f'{R}/threads0')
t1, s1, v1 = threads(f'{R}/threads1')
spent = {k: t1[k] - t0.get(k, 0) for k in t1}
aside = re.compile(r'C\d_Compiler|CN_Compiler|Attach|JFR|Sweeper')
work = sum(v for k, v in spent.items() if not aside.match(k))
print(f'requests in the window {requests:.0f}')
print(f'JVM CPU per request: {sum(spent.values()) * 1e4 / requests:.1f} us, of which work threads (no JIT, JFR, attach) '
      f'{work * 1e4 / requests:.1f} us; context switches per request {(s1 - s0) / requests:.2f}, voluntary '
      f'{(v1 - v0) / requests:.2f}')
for k, v in sorted(spent.items(), key=lambda kv: -kv[1])[:8]:
    if v > 0:
        print(f'  {k}: {v * 1e4 / requests:.1f} us/request')
c0, c1 = commandstats(f'{R}/cs0'), commandstats(f'{R}/cs1')
calls = {k: (c1[k][0] - c0.get(k, (0, 0))[0], c1[k][1] - c0.get(k, (0, 0))[1]) for k in c1 if k != 'info'}
print(f'Redis CPU per request {(redis_cpu(f"{R}/rc1") - redis_cpu(f"{R}/rc0")) * 1e6 / requests:.1f} us; commands per '
      f'request {sum(n for n, _ in calls.values()) / requests:.2f} (those inside scripts included)')
for k, (n, us) in sorted(calls.items(), key=lambda kv: -kv[1][0]):
    if n > requests / 1000:
        print(f'  {k}: {n / requests:.3f}/request, {us / n:.1f} us/call')
print(open(f'{R}/harness.txt').read().split('saturation (64 conns) |')[1].split('\n')[0].strip())

STAGES = [  # (label, thread prefix, pattern anywhere on the stack); the first that matches
    ('Kafka threads', 'humiao-kafka', ''), ('case store', 'humiao-cases', ''),
    ('event loop: Redis client', 'vert.x-eventloop', r'io\.vertx\.redis'),
    ('event loop: writing the answer', 'vert.x-eventloop', r'Responses\.json'),
    ('event loop: guards', 'vert.x-eventloop', r'org\.humiao\.http\.guard|KeyRing|RequestIds'),
    ('event loop: metrics', 'vert.x-eventloop', r'RequestMetrics|micrometer'),
    ('event loop: minor-mode rules and store', 'vert.x-eventloop', r'org\.humiao\.minor'),
    ('event loop: HTTP, routing, Netty, other', 'vert.x-eventloop', ''),
    ('worker: Redis client', 'humiao-minor', r'io\.vertx\.redis|minor\.store\.Resp(Pool|Connection)'),
    ('worker: decoding the view', 'humiao-minor', r'RedisPlayStateStore\.(remember|note)|PersonLink\.fromJson|GuardianControls\.fromJson'),
    ('worker: script arguments and answers', 'humiao-minor', r'RedisPlayStateStore|RedisScript'),
    ('worker: minor-mode rules', 'humiao-minor', r'org\.humiao\.minor\.'),
    ('worker: JSON body and answer', 'humiao-minor', r'StrictJson|BodyFields|toBuffer|JsonObject'),
    ('worker: other', 'humiao-minor', ''),
]
if os.path.exists(f'{R}/rec.jfr'):
    out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '64', f'{R}/rec.jfr'],
                         capture_output=True, text=True).stdout
    shares, n = collections.Counter(), 0
    for event in out.split('jdk.ExecutionSample')[1:]:
        m = re.search(r'sampledThread = "([^"]*)"', event)
        if not m:
            continue
        n += 1
        stack = ' '.join(re.findall(r'^\s+([\w$.<>]+)\(', event, re.M))
        shares[next((label for label, thread, pattern in STAGES if m.group(1).startswith(thread)
                     and re.search(pattern, stack)), 'other threads')] += 1
    print(f'JFR samples of instance 1: {n}')
    for label, count in shares.most_common():
        print(f'  {count / n * 100:5.1f}% {label}')
