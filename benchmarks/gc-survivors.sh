#!/bin/bash
# What survives young GCs at a fixed rate: one server with a GC log (gc*, and the age table at trace), a
# live-heap class histogram at ready and after one `screen` round (RATE req/s, 15 s warm-up + 30 s), and
# /metrics at both ends. The bytes copied and promoted per request and the live heap after the round do
# not depend on the machine's load as latency does. Report: benchmarks/gc-survivors.py /tmp/gc-LABEL
# usage: benchmarks/gc-survivors.sh LABEL JAR off|on [LEXICONS]   (env: RATE=5000 PORT=18091 JOPTS=...)
set -u
LABEL=$1; JAR=$2; TIER=$3; LEX=${4:-}
cd "$(dirname "$0")/.."
OUT=/tmp/gc-$LABEL; rm -rf $OUT; mkdir -p $OUT/data
PORT=${PORT:-18091}
BENCH=${BENCH:-benchmarks/target/benchmarks.jar}
export HUMIAO_RATE_LIMIT_PER_SECOND=1000000 HUMIAO_RATE_LIMIT_BURST=1000000 HUMIAO_MAX_IN_FLIGHT=20000 \
  HUMIAO_SCREEN_CHARS_IN_FLIGHT_PER_KEY=1000000 HUMIAO_ACCESS_LOG=off
if [ -n "$LEX" ]; then export HUMIAO_LEXICONS=$LEX; fi
HUMIAO_SEMANTIC_TIER=$TIER nice -n 10 java -Xmx1g ${JOPTS:-} "-Xlog:gc*,gc+age=trace:file=$OUT/gc.log:uptime,level,tags" \
  -jar $JAR serve --data-dir $OUT/data --port $PORT > $OUT/serve.log 2>&1 &
SP=$!
for i in $(seq 1 240); do curl -sf http://127.0.0.1:$PORT/health/ready >/dev/null 2>&1 && break; sleep 0.5; done
KEY=$(grep 'role=platform' $OUT/data/first-keys.txt | head -1 | sed 's/.*key=\([^ ]*\).*/\1/')
jcmd $SP GC.class_histogram > $OUT/histo-ready.txt
curl -s http://127.0.0.1:$PORT/metrics > $OUT/metrics-start.txt
echo "load-start $(jcmd $SP VM.uptime | tail -1)" > $OUT/marks.txt
nice -n 10 java -cp $BENCH org.humiao.bench.load.LoadHarness --url http://127.0.0.1:$PORT --key $KEY --scenario screen \
  --connections 64 --rate ${RATE:-5000} --warmup 15 --duration 30 --out $OUT/load > $OUT/harness.txt 2>&1
echo "load-end $(jcmd $SP VM.uptime | tail -1)" >> $OUT/marks.txt
curl -s http://127.0.0.1:$PORT/metrics > $OUT/metrics.txt
jcmd $SP GC.class_histogram > $OUT/histo-after.txt
kill $SP; wait $SP 2>/dev/null
echo "requests $(( ${RATE:-5000} * 45 ))" >> $OUT/marks.txt
