#!/bin/bash
# Bytes allocated per POST /v1/text/screen on the event loops and the screening pool: serve JAR under
# the load harness at a fixed 200 req/s (scenario screen), a 15 s JFR recording from 15 s in, the
# threads' allocation totals (jdk.ThreadAllocationStatistics) over the screen requests answered in
# the recording (from /metrics). Needs /tmp/fine.jfc (docs/performance.md) and benchmarks/target/benchmarks.jar.
# usage: benchmarks/alloc-per-request.sh JAR LABEL PORT   (report in /tmp/alloc-LABEL/alloc.txt)
JAR=$1; LABEL=$2; PORT=$3
D=/tmp/alloc-$LABEL; rm -rf $D; mkdir -p $D
cd "$(dirname "$0")/.."
HUMIAO_RATE_LIMIT_PER_SECOND=1000000 HUMIAO_RATE_LIMIT_BURST=1000000 HUMIAO_MAX_IN_FLIGHT=20000 \
  HUMIAO_SCREEN_CHARS_IN_FLIGHT_PER_KEY=1000000 HUMIAO_ACCESS_LOG=off HUMIAO_SEMANTIC_TIER=off \
  java -Xmx1g -jar $JAR serve --data-dir $D/data --port $PORT > $D/serve.log 2>&1 &
SPID=$!
for i in $(seq 1 120); do curl -sf localhost:$PORT/health/ready >/dev/null && break; sleep 1; done
KEY=$(grep -o 'role=platform.*key=[^ ]*' $D/data/first-keys.txt | head -1 | sed 's/.*key=//')
java -cp benchmarks/target/benchmarks.jar org.humiao.bench.load.LoadHarness --url http://127.0.0.1:$PORT \
  --key $KEY --scenario screen --rate 200 --connections 16 --warmup 10 --duration 30 --out $D/load > $D/harness.log 2>&1 &
HPID=$!
sleep 15
count() { curl -s localhost:$PORT/metrics | grep '^http_server_requests_seconds_count' | grep 'v1/text/screen"' | tee -a $D/counts.txt | awk '{s+=$NF} END {print s+0}'; }
C0=$(count)
jcmd $SPID JFR.start settings=/tmp/fine.jfc duration=15s filename=$D/a.jfr > /dev/null
sleep 16
C1=$(count)
wait $HPID
kill $SPID; wait $SPID 2>/dev/null
jfr print --events jdk.ThreadAllocationStatistics $D/a.jfr > $D/tas.txt
python3 - "$D/tas.txt" "$C0" "$C1" <<'PY' > $D/alloc.txt
import sys, re
text=open(sys.argv[1]).read(); c0=float(sys.argv[2]); c1=float(sys.argv[3])
first={}; last={}
for ev in text.split("jdk.ThreadAllocationStatistics {")[1:]:
    a=re.search(r'allocated = ([\d.]+) (\w*B)', ev); t=re.search(r'thread = "([^"]+)"', ev)
    if not a or not t: continue
    m={'bytes':1,'B':1,'kB':1e3,'MB':1e6,'GB':1e9}.get(a.group(2),1)
    v=float(a.group(1))*m; name=t.group(1)
    first.setdefault(name, v); last[name]=v
tot=0
for n in last:
    if 'eventloop' in n or 'screening' in n: tot+=last[n]-first[n]
print(f"requests in window: {c1-c0:.0f}; event-loop + screening threads allocated {tot/1e6:.1f} MB; per request {tot/max(1,c1-c0)/1e3:.1f} kB")
PY
cat $D/alloc.txt
