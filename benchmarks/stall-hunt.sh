#!/bin/bash
# Where a fixed-rate run's p99 stalls come from (docs/performance.md, "Session 11: the screen path"): serve JAR
# on a fresh data dir with GC and safepoint logs, a 15 s warm-up run at saturation, then ROUNDS (default 2) runs
# of scenario screen at RATE req/s (default 5000), --warmup 10 --duration 20, the harness with GC and safepoint
# logs of its own. Per round it prints the harness's table row and its pauses line (send lag: the generator's own
# stalls; worst latency by second), the longest pauses of both JVMs in the round, the kernel's TCP counters
# that moved (listen overflows, SYN retries, retransmits) and the event-loop delay the service measured; at the
# end, where the engine ran (humiao_screen_runs_total) and the semantic tier's counters over the server's life.
# Extra arguments are environment settings for serve, e.g. HUMIAO_SEMANTIC_TIER=off.
# usage: [RATE=N] [ROUNDS=N] benchmarks/stall-hunt.sh JAR LABEL PORT [NAME=VALUE ...]   (reports in /tmp/stall/LABEL/)
JAR=$(readlink -f "$1"); LABEL=$2; PORT=$3; shift 3
cd "$(dirname "$0")/.."
D=/tmp/stall/$LABEL; rm -rf $D; mkdir -p $D
LOGS='gc*,safepoint'
env HUMIAO_RATE_LIMIT_PER_SECOND=1000000 HUMIAO_RATE_LIMIT_BURST=1000000 HUMIAO_MAX_IN_FLIGHT=20000 \
  HUMIAO_SCREEN_CHARS_IN_FLIGHT_PER_KEY=1000000 HUMIAO_ACCESS_LOG=off "$@" \
  java -Xmx1g -Xlog:$LOGS:file=$D/serve-gc.log:uptime -jar $JAR serve --data-dir $D/data --port $PORT > $D/serve.log 2>&1 &
SPID=$!
for i in $(seq 1 180); do curl -sf localhost:$PORT/health/ready >/dev/null 2>&1 && break; sleep 1; done
KEY=$(grep -o 'role=platform.*key=[^ ]*' $D/data/first-keys.txt | head -1 | sed 's/.*key=//')
harness() { java -Xlog:$LOGS:file=$D/harness-gc-$1.log:uptime -cp benchmarks/target/benchmarks.jar \
  org.humiao.bench.load.LoadHarness --url http://127.0.0.1:$PORT --key $KEY --scenario screen --connections 64 "${@:2}"; }
# the longest pauses in a unified JVM log: GC pauses ("Pause ... 12.345ms") and safepoints ("Total: N ns")
longest() { python3 - "$1" <<'PY'
import re, sys
gc, sp = [], []
for line in open(sys.argv[1], errors='replace'):
    m = re.search(r'Pause .* ([0-9.]+)ms$', line)
    if m: gc.append(float(m.group(1)))
    m = re.search(r'Total: (\d+) ns', line)
    if m: sp.append(int(m.group(1)) / 1e6)
top = lambda xs: ' '.join(f'{x:.1f}' for x in sorted(xs)[-3:][::-1]) or '-'
print(f'{len(gc)} GC pauses, longest {top(gc)} ms; {len(sp)} safepoints, longest {top(sp)} ms')
PY
}
tcp() { nstat -az 2>/dev/null | awk '$1 ~ /ListenOverflows|ListenDrops|TCPSynRetrans|TCPTimeouts|RetransSegs|TCPAbortOnTimeout/ {print $1"="$2}' | sort; }
harness warm --rate 0 --warmup 5 --duration 10 --out $D/warm > $D/warm.txt 2>&1
for round in $(seq 1 ${ROUNDS:-2}); do
  echo "== $LABEL round $round $(date +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  cp $D/serve-gc.log $D/serve-gc-before-$round.log
  tcp > $D/tcp-before-$round.txt
  harness $round --rate ${RATE:-5000} --warmup 10 --duration 20 --out $D/rate-$round > $D/rate-$round.txt 2>&1
  tcp > $D/tcp-after-$round.txt
  grep -h -E '^\| screen|^generator' $D/rate-$round.txt
  diff <(cat $D/serve-gc-before-$round.log) $D/serve-gc.log | sed -n 's/^> //p' > $D/serve-gc-round-$round.log
  echo "serve:   $(longest $D/serve-gc-round-$round.log)"
  echo "harness: $(longest $D/harness-gc-$round.log)"
  echo "tcp moved: $(join -t= -j1 $D/tcp-before-$round.txt $D/tcp-after-$round.txt | awk -F= '$3!=$2 {printf "%s +%d ", $1, $3-$2}')"
  curl -s localhost:$PORT/metrics | grep -E '^humiao_event_loop_delay_seconds_(max|sum|count)' | tr '\n' ' '; echo
done
# where the engine ran over the server's life (event loop or worker) and what the semantic tier did
curl -s localhost:$PORT/metrics | grep -E '^humiao_screen_runs_total|^humiao_semantic_(encoded|skipped)' | tee $D/metrics-end.txt
kill $SPID; wait $SPID 2>/dev/null
