"""Shares of JFR execution samples of the screen path by stage, each sample counted once (unlike
jfr-shares.py): its frames are read from the leaf toward the root and the first frame that names a
stage decides (JDK, Jackson, Caffeine, io.netty.buffer and Vert.x JSON frames name none, so they count
for their caller). Samples of a thread other than an event loop are marked with the thread's name.
usage: jfr print --events jdk.ExecutionSample --stack-depth 64 X.jfr > samples.txt
       python3 benchmarks/jfr-stages.py samples.txt [--detail STAGE-PREFIX]   (the stacks of one stage)"""
import sys, re, collections
STAGES = [  # (stage, prefixes of a frame's method)
 ('engine (screening/, HanLP)', ['org.humiao.screening.', 'com.hankcs.']),
 ('violation events / journal', ['org.humiao.http.screen.ScreeningEvents', 'org.humiao.events.', 'org.humiao.durable.', 'org.humiao.server.metrics.EventMetrics']),
 ('review queue', ['org.humiao.moderation.review', 'org.humiao.http.review']),
 ('compliance tally', ['org.humiao.compliance']),
 ('pile-on', ['org.humiao.pileon']),
 ('strategy / lists', ['org.humiao.moderation.']),
 ('answer writing', ['org.humiao.http.screen.ScreenAnswer', 'org.humiao.screening.ScreeningJson', 'org.humiao.http.Responses']),
 ('body parsing', ['org.humiao.http.BodyFields', 'org.humiao.http.screen.ScreenRequestReader', 'org.humiao.http.StrictJson', 'io.vertx.ext.web.handler.impl.BodyHandlerImpl']),
 ('metrics (Micrometer, ours)', ['io.micrometer.', 'org.humiao.server.metrics.', 'org.humiao.http.screen.DecisionMetrics', 'org.humiao.http.screen.ScreeningThreads']),
 ('auth / key lookup', ['org.humiao.http.guard.Authenticator', 'org.humiao.keys.', 'org.humiao.http.guard.RoleCheck', 'org.humiao.http.guard.PlatformScope']),
 ('rate limit / share', ['org.humiao.http.guard.RateLimiter', 'org.humiao.http.guard.TokenBucket', 'org.humiao.http.guard.KeyChars']),
 ('request ids', ['org.humiao.http.RequestIds']),
 ('logging', ['org.humiao.server.logging.', 'ch.qos.logback', 'org.slf4j']),
 ('other guards (connection, body deadline, content type)', ['org.humiao.http.guard.']),
 ('screen route / recording pool (ours)', ['org.humiao.http.', 'org.humiao.server.']),
 ('vertx-web routing', ['io.vertx.ext.web.']),
 ('vertx core http (request, response, headers)', ['io.vertx.core.http.', 'io.vertx.core.net.', 'io.vertx.core.impl.', 'io.vertx.core.']),
 ('netty I/O and codec', ['io.netty.channel.', 'io.netty.handler.', 'io.netty.util.', 'io.netty.']),
]
SKIP = ('io.netty.buffer.', 'io.vertx.core.json.', 'com.github.benmanes.caffeine.')
text = open(sys.argv[1]).read()
detail = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == '--detail' else None
stages = collections.Counter(); threads = collections.Counter(); det = collections.Counter(); n = 0
for e in text.split("jdk.ExecutionSample {")[1:]:
    frames = [f.split('(')[0] for f in re.findall(r'^\s+([\w$.<>/]+\([^)]*\)).*line:', e, re.M)]
    if not frames: continue
    th = re.search(r'sampledThread = "([^"]+)"', e); t = re.sub(r'\d+', 'N', th.group(1) if th else '?')
    n += 1; threads[t] += 1
    stage = 'other (JDK/library only)'; at = None
    for i, f in enumerate(frames):
        if f.startswith(SKIP): continue
        hit = next((s for s, ps in STAGES if any(f.startswith(p) for p in ps)), None)
        if hit: stage = hit; at = i; break
    if not t.startswith('vert.x-eventloop') and stage.startswith(('vertx', 'netty', 'other')): stage = stage + ' [' + t + ']'
    stages[stage] += 1
    if detail and stage.startswith(detail): det[' < '.join(frames[:max(at or 0, 0) + 3][:8])] += 1
print(f"samples {n}")
print("-- by thread"); [print(f"{c*100/n:5.1f}% {k}") for k, c in threads.most_common(8)]
print("-- by stage (exclusive)"); [print(f"{c*100/n:5.1f}% {k}") for k, c in stages.most_common()]
if detail:
    print("-- detail"); [print(f"{c:4d} {k}") for k, c in det.most_common(40)]
