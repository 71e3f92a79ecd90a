#!/bin/bash
# The first seconds after a start (docs/performance.md, "Session 12 (2026-12-07): the tier under load"):
# serve JAR on a fresh data dir, print the time to /health/ready and the semantic tier's warm-up metrics,
# then at once scenario screen at RATE req/s (default 5000), --warmup WARM (default 2) --duration 20, and
# print the harness's table row, its send lag and worst latency by second, and the tier's share.
# Extra arguments are environment settings for serve, e.g. HUMIAO_SEMANTIC_TIER=off.
# usage: [RATE=N] [WARM=S] benchmarks/cold-start.sh JAR LABEL PORT [NAME=VALUE ...]   (reports in /tmp/cold/LABEL/)
JAR=$(readlink -f "$1"); LABEL=$2; PORT=$3; shift 3
cd "$(dirname "$0")/.."
D=/tmp/cold/$LABEL; rm -rf $D; mkdir -p $D
t0=$(date +%s.%N)
env HUMIAO_RATE_LIMIT_PER_SECOND=1000000 HUMIAO_RATE_LIMIT_BURST=1000000 HUMIAO_MAX_IN_FLIGHT=20000 \
  HUMIAO_SCREEN_CHARS_IN_FLIGHT_PER_KEY=1000000 HUMIAO_ACCESS_LOG=off "$@" \
  java -Xmx1g -jar $JAR serve --data-dir $D/data --port $PORT > $D/serve.log 2>&1 &
SPID=$!
for i in $(seq 1 1800); do curl -sf localhost:$PORT/health/ready >/dev/null 2>&1 && break; sleep 0.1; done
t1=$(date +%s.%N)
echo "== $LABEL $(date +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg); ready after $(echo "$t1 - $t0" | bc) s; $(curl -s localhost:$PORT/metrics | grep -E '^humiao_semantic_warm' | tr '\n' ' ')"
KEY=$(grep -o 'role=platform.*key=[^ ]*' $D/data/first-keys.txt | head -1 | sed 's/.*key=//')
java -cp benchmarks/target/benchmarks.jar org.humiao.bench.load.LoadHarness --url http://127.0.0.1:$PORT --key $KEY \
  --scenario screen --connections 64 --rate ${RATE:-5000} --warmup ${WARM:-2} --duration 20 --out $D/cold > $D/cold.txt 2>&1
grep -h -E '^\| screen|^semantic tier|^generator' $D/cold.txt
kill $SPID; wait $SPID 2>/dev/null
