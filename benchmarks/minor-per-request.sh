#!/bin/bash
# Per-request cost of the minor scenario (authorize and heartbeat) on one or two instances, at ServeAt 20:30:
# JVM CPU per thread, context switches (all, and the voluntary ones: a thread that blocked or parked), Redis commands (INFO commandstats) and Redis CPU (INFO cpu), over a
# window from 20 s after the first authorize (attestations and warm-up done) to the harness's end, and a JFR
# recording of instance 1 over that window. The figures per request do not depend on the machine's load as
# throughput does; the Redis ones count every client of that Redis.
# usage: benchmarks/minor-per-request.sh LABEL embedded|cluster|cluster2 JAR [jfr]
#   cluster: Redis on 127.0.0.1:6379 and a Kafka broker at $KAFKA (default 127.0.0.1:19592; see
#   docs/performance.md, "Session 12 (2026-12-07): cluster minor mode", for one from the test classpath);
#   each run gets its own Redis prefix and topic. Report: benchmarks/minor-per-request.py /tmp/minor-LABEL
# env: REDIS_URI (the servers' Redis, e.g. through a proxy; the counts are read from 127.0.0.1:6379), BENCH (the harness's jar), PORT (instance i listens on PORT + i, default 8590), NICE (e.g. "nice -n 10"
#   for the servers and the harness on a shared machine), and any HUMIAO_ setting the servers should take
set -u
LABEL=$1; MODE=$2; JAR=$3; JFR=${4:-}
cd "$(dirname "$0")/.."
R=/tmp/minor-$LABEL; rm -rf $R; mkdir -p $R
BENCH=${BENCH:-benchmarks/target/benchmarks.jar}; PORT=${PORT:-8590}; NICE=${NICE:-}
export HUMIAO_RATE_LIMIT_PER_SECOND=1000000 HUMIAO_RATE_LIMIT_BURST=1000000 HUMIAO_MAX_IN_FLIGHT=20000 \
  HUMIAO_SCREEN_CHARS_IN_FLIGHT_PER_KEY=1000000 HUMIAO_SHARED_DIR=$R/shared HUMIAO_ACCESS_LOG=off \
  HUMIAO_REDIS_TIMEOUT_MS=5000 HUMIAO_REQUEST_TIMEOUT_MS=10000
if [ $MODE != embedded ]; then
  export HUMIAO_PROFILE=cluster HUMIAO_REDIS_URI=${REDIS_URI:-redis://127.0.0.1:6379} HUMIAO_REDIS_PREFIX=minor-$LABEL: \
    HUMIAO_KAFKA_BOOTSTRAP=${KAFKA:-127.0.0.1:19592} HUMIAO_KAFKA_TOPIC=minor-$LABEL-$(date +%s)
fi
N=1; [ $MODE = cluster2 ] && N=2
URLS=""
for i in $(seq 1 $N); do
  port=$((PORT + i))
  $NICE java -Xmx1g -cp $JAR:$BENCH org.humiao.bench.load.ServeAt 20:30 --data-dir $R/d$i --port $port > $R/serve$i.log 2>&1 &
  URLS="$URLS,http://127.0.0.1:$port"
  # the first instance writes the shared keys: the second starts once it is ready
  for t in $(seq 1 120); do curl -sf -o /dev/null 127.0.0.1:$port/health/ready && break; sleep 1; done
done
URLS=${URLS#,}
servers() { pgrep -f "ServeAt 20:30 --data-dir $R/d"; }
OFF=$(grep -o 'clock-offset -\?[0-9]*' $R/serve1.log | awk '{print $2}')
KEY=$(grep -ho 'role=platform.*key=[^ ]*' $R/shared/first-keys.txt | head -1 | sed 's/.*key=//')
snap() {
  redis-cli info commandstats > $R/cs$1; redis-cli info cpu > $R/rc$1
  for j in $(servers); do for t in /proc/$j/task/*; do
    echo "$j $(tr ' ' _ < $t/comm) $(awk '{print $14+$15}' $t/stat) $(awk '/ctxt_switches/ {s+=$2} END {print s}' $t/status) $(awk '/^voluntary_ctxt_switches/ {print $2}' $t/status)"
  done; done > $R/threads$1
  for i in $(seq 1 $N); do curl -s 127.0.0.1:$((PORT + i))/metrics | grep -v '^#' | grep '_count\|_total' > $R/m$1-$i.txt; done
}
(
  for t in $(seq 1 600); do curl -s 127.0.0.1:$((PORT + 1))/metrics | grep -q 'route="/v1/play/authorize"' && break; sleep 0.5; done
  sleep 20; snap 0
  if [ -n "$JFR" ]; then jcmd $(pgrep -f "ServeAt 20:30 --data-dir $R/d1") JFR.start name=w settings=profile > /dev/null; fi
) &
$NICE java -cp $BENCH org.humiao.bench.load.LoadHarness --url $URLS --key $KEY --scenario minor --rate 0 \
  --connections 64 --warmup 20 --duration 30 --clock-offset $OFF > $R/harness.txt 2>&1
snap 1
if [ -n "$JFR" ]; then jcmd $(pgrep -f "ServeAt 20:30 --data-dir $R/d1") JFR.dump name=w filename=$R/rec.jfr > /dev/null; fi
kill $(servers)
sleep 2
if [ $MODE != embedded ]; then redis-cli --scan --pattern "minor-$LABEL:*" | xargs -r -n 500 redis-cli del > /dev/null; fi
echo "report: python3 benchmarks/minor-per-request.py $R"
