#!/bin/bash
# Two jars A/B under the same load, for a machine whose load others set: both served at once (A on 18090, B on
# 18091, the keys of A's first start copied to B), tier off, the harness sending to them in turn (--rate RATE,
# 0 = saturation; WARM s of warm-up, default 60); over the same 30 s each one's CPU per request (all its threads,
# and its event loops), bytes allocated per request (jdk.ThreadAllocationStatistics) and a JFR recording
# (stage shares: benchmarks/jfr-stages.py DIR/a/samples.txt). Needs /tmp/fine.jfc (docs/performance.md).
# usage: benchmarks/ab-screen.sh JAR_A JAR_B LABEL [RATE]   (results in /tmp/ab-LABEL/result.txt)
A=$1; B=$2; LABEL=$3; RATE=${4:-0}
D=/tmp/ab-$LABEL; rm -rf $D; mkdir -p $D/a $D/b
cd "$(dirname "$0")/.."
run() { HUMIAO_RATE_LIMIT_PER_SECOND=1000000 HUMIAO_RATE_LIMIT_BURST=1000000 HUMIAO_MAX_IN_FLIGHT=20000 \
  HUMIAO_SCREEN_CHARS_IN_FLIGHT_PER_KEY=1000000 HUMIAO_ACCESS_LOG=off HUMIAO_SEMANTIC_TIER=off \
  nice -n 10 java -Xmx1g -jar $1 serve --data-dir $2/data --port $3 > $2/serve.log 2>&1 & echo $!; }
PA=$(run $A $D/a 18090)
for i in $(seq 1 240); do curl -sf localhost:18090/health/ready >/dev/null && break; sleep 1; done
mkdir -p $D/b/data; cp $D/a/data/keys.json $D/b/data/
PB=$(run $B $D/b 18091)
for i in $(seq 1 240); do curl -sf localhost:18091/health/ready >/dev/null && break; sleep 1; done
KEY=$(grep -o 'role=platform.*key=[^ ]*' $D/a/data/first-keys.txt | head -1 | sed 's/.*key=//')
nice -n 10 java -cp benchmarks/target/benchmarks.jar org.humiao.bench.load.LoadHarness \
  --url http://127.0.0.1:18090,http://127.0.0.1:18091 --key $KEY --scenario screen --rate $RATE --connections 64 \
  --warmup ${WARM:-60} --duration ${DUR:-50} --out $D/load > $D/harness.log 2>&1 &
HPID=$!
sleep $(( ${WARM:-60} + 5 ))
count() { curl -s localhost:$1/metrics | grep '^http_server_requests_seconds_count' | grep 'v1/text/screen"' | grep 'status="200"' | awk '{s+=$NF} END {printf "%d\n", s+0}'; }
bad() { curl -s localhost:$1/metrics | grep '^http_server_requests_seconds_count' | grep -v 'status="200"' | awk '{s+=$NF} END {printf "%d\n", s+0}'; }
tcpu() { for t in /proc/$1/task/*; do echo "$(cat $t/comm) $(sed 's/.*) //' $t/stat | awk '{print $12+$13}')"; done | awk '/^vert.x-eventloo/ {l+=$NF} {a+=$NF} END {print l+0, a+0}'; }
CA0=$(count 18090); CB0=$(count 18091); TA0=($(tcpu $PA)); TB0=($(tcpu $PB))
jcmd $PA JFR.start settings=/tmp/fine.jfc duration=30s filename=$D/a/a.jfr > /dev/null
jcmd $PB JFR.start settings=/tmp/fine.jfc duration=30s filename=$D/b/a.jfr > /dev/null
sleep 30.5
CA1=$(count 18090); CB1=$(count 18091); TA1=($(tcpu $PA)); TB1=($(tcpu $PB))
wait $HPID
echo "non-200 answers: a $(bad 18090), b $(bad 18091)" > $D/result.txt
kill $PA $PB; wait $PA $PB 2>/dev/null
TCK=$(getconf CLK_TCK)
python3 -c "
tck=$TCK
for name,c0,c1,l0,l1,a0,a1 in (('A $A',$CA0,$CA1,${TA0[0]},${TA1[0]},${TA0[1]},${TA1[1]}),('B $B',$CB0,$CB1,${TB0[0]},${TB1[0]},${TB0[1]},${TB1[1]})):
    n=c1-c0
    print(f'{name}: {n} requests; CPU per request: all threads {(a1-a0)/tck/n*1e6:.1f} us, event loops {(l1-l0)/tck/n*1e6:.1f} us')
" >> $D/result.txt
for x in a b; do
  jfr print --events jdk.ThreadAllocationStatistics $D/$x/a.jfr > $D/$x/tas.txt
  jfr print --events jdk.ExecutionSample --stack-depth 64 $D/$x/a.jfr > $D/$x/samples.txt
  jfr print --events jdk.ObjectAllocationSample --stack-depth 64 $D/$x/a.jfr > $D/$x/allocs.txt
done
python3 - $D $CA0 $CA1 $CB0 $CB1 <<'PY' >> $D/result.txt
import sys, re
D=sys.argv[1]; ns={'a':float(sys.argv[3])-float(sys.argv[2]),'b':float(sys.argv[5])-float(sys.argv[4])}
for x in 'ab':
    text=open(f'{D}/{x}/tas.txt').read(); first={}; last={}
    for ev in text.split("jdk.ThreadAllocationStatistics {")[1:]:
        a=re.search(r'allocated = ([\d.]+) (\w*B)', ev); t=re.search(r'thread = "([^"]+)"', ev)
        if not a or not t: continue
        v=float(a.group(1))*{'bytes':1,'B':1,'kB':1e3,'MB':1e6,'GB':1e9}.get(a.group(2),1)
        first.setdefault(t.group(1), v); last[t.group(1)]=v
    tot=sum(last[k]-first[k] for k in last); loops=sum(last[k]-first[k] for k in last if 'eventloop' in k)
    print(f"{x}: allocated {tot/ns[x]:.0f} B/request (event loops {loops/ns[x]:.0f})")
PY
grep -E '\| screen' $D/harness.log >> $D/result.txt
cat $D/result.txt
