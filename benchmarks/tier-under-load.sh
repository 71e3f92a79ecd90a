#!/bin/bash
# The semantic tier under load (docs/performance.md, "Session 10: the semantic tier under load"): serve JAR
# on a fresh data dir, a 15 s warm-up run, then scenario screen at saturation (64 connections) and at
# RATE req/s (default 5000), each --warmup 10 --duration 20. Prints each run's table row, the tier's share
# (from the harness), the screening in-flight count and the event-loop lag (the yield's signals) sampled every
# 0.5 s, and the serve process's
# CPU seconds over warm-up + run (per request, and the share of the encoder's threads, "semantic-*").
# Extra arguments are environment settings for serve, e.g. HUMIAO_SEMANTIC_TIER=off.
# usage: [RATE=N] benchmarks/tier-under-load.sh JAR LABEL PORT [NAME=VALUE ...]   (reports in /tmp/tier/LABEL/)
JAR=$(readlink -f "$1"); LABEL=$2; PORT=$3; shift 3
cd "$(dirname "$0")/.."
D=/tmp/tier/$LABEL; rm -rf $D; mkdir -p $D
env HUMIAO_RATE_LIMIT_PER_SECOND=1000000 HUMIAO_RATE_LIMIT_BURST=1000000 HUMIAO_MAX_IN_FLIGHT=20000 \
  HUMIAO_SCREEN_CHARS_IN_FLIGHT_PER_KEY=1000000 HUMIAO_ACCESS_LOG=off "$@" \
  java -Xmx1g -jar $JAR serve --data-dir $D/data --port $PORT > $D/serve.log 2>&1 &
SPID=$!
for i in $(seq 1 180); do curl -sf localhost:$PORT/health/ready >/dev/null 2>&1 && break; sleep 1; done
KEY=$(grep -o 'role=platform.*key=[^ ]*' $D/data/first-keys.txt | head -1 | sed 's/.*key=//')
H="java -cp benchmarks/target/benchmarks.jar org.humiao.bench.load.LoadHarness --url http://127.0.0.1:$PORT --key $KEY --scenario screen --connections 64"
TCK=$(getconf CLK_TCK)
cpu() { awk '{print $14+$15}' /proc/$SPID/stat; }
encoder() { for t in /proc/$SPID/task/*; do grep -q '^semantic' $t/comm 2>/dev/null && awk '{print $14+$15}' $t/stat; done | awk '{s+=$1} END{print s+0}'; }
sample() { while kill -0 $SPID 2>/dev/null; do curl -s localhost:$PORT/metrics > $D/m.txt; awk '/^humiao_screen_in_flight/ {print $2}' $D/m.txt >> $D/inflight-$1.txt; awk '/^humiao_event_loop_lag_seconds/ {print $2*1000}' $D/m.txt >> $D/lag-$1.txt; sleep 0.5; done; }
$H --rate 0 --warmup 5 --duration 10 --out $D/warm > $D/warm.txt 2>&1
echo "== $LABEL $(date +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
for phase in sat rate; do
  if [ $phase = sat ]; then R=0; else R=${RATE:-5000}; fi
  sample $phase & SAM=$!
  c0=$(cpu); e0=$(encoder)
  $H --rate $R --warmup 10 --duration 20 --out $D/$phase > $D/$phase.txt 2>&1
  c1=$(cpu); e1=$(encoder)
  kill $SAM
  tp=$(python3 -c "import json; print(json.load(open('$D/$phase.json'))['throughputPerSecond'])")
  grep -h -E '^\| screen|^semantic tier' $D/$phase.txt
  sort -n $D/inflight-$phase.txt | awk -v f=$phase '{a[NR]=$1} END{printf "%s in flight: n=%d p50=%s p90=%s max=%s; ", f, NR, a[int(NR*.5)+1], a[int(NR*.9)+1], a[NR]}'
  sort -n $D/lag-$phase.txt 2>/dev/null | awk '{a[NR]=$1} END{if (NR) printf "event-loop lag ms p50=%.1f p90=%.1f; ", a[int(NR*.5)+1], a[int(NR*.9)+1]}'
  python3 -c "c=($c1-$c0)/$TCK; e=($e1-$e0)/$TCK; print(f'serve CPU {c:.1f} s over warm-up+run (30 s), {1000*c/($tp*30):.3f} ms a request; encoder threads {e:.1f} s ({100*e/max(c,1e-9):.0f} %)')"
done
curl -s localhost:$PORT/metrics | grep -E '^humiao_semantic|^humiao_screen_runs_total|^humiao_event_loop_delay' > $D/metrics-end.txt
kill $SPID; wait $SPID 2>/dev/null
