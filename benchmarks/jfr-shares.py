"""Shares of JFR execution samples by thread, by named part of the screen path (a sample counts for
every part on its stack, so parts overlap), and by top frame.
usage: jfr print --events jdk.ExecutionSample --stack-depth 64 X.jfr | python3 benchmarks/jfr-shares.py"""
import sys, re, collections
text = sys.stdin.read()
events = text.split("jdk.ExecutionSample {")[1:]
top = collections.Counter(); incl = collections.Counter(); threads = collections.Counter()
marks = {
 'encode answer (tree+databind, or streaming)': ['JacksonCodec.toBuffer', 'JacksonCodec.encode', 'JsonObject.toBuffer', 'JsonObject.encode', 'ScreenAnswer.object', 'ScreeningJson.of', 'ScreeningJson.writeFields'],
 'decode body (JsonObject from Buffer)': ['JacksonCodec.fromBuffer', 'JsonObject.<init>(Buffer', 'BodyFields.object'],
 'screening engine': ['ScreeningEngine.screen'],
 'TextScreener (strategy, lists, engine, hooks)': ['TextScreener.'],
 'ScreeningJson.of': ['ScreeningJson.of'],
 'events report/journal': ['ScreeningEvents.report', 'Journal'],
 'review queue': ['ReviewQueue', 'ReviewStore'],
 'pile-on': ['org.humiao.pileon'],
 'lists overlay': ['PlatformLists'],
 'metrics (micrometer)': ['io.micrometer'],
 'auth (inclusive of later handlers)': ['Authenticator'],
 'key hashing (SHA-256)': ['sun.security.provider.SHA2'],
 'router (vertx-web)': ['io.vertx.ext.web.impl.RouterImpl', 'RoutingContextImpl.next'],
 'netty I/O': ['io.netty.channel'],
 'access log (inclusive of later handlers)': ['AccessLog'],
}
n = 0
for e in events:
    frames = re.findall(r'^\s+([\w$.<>/]+\([^)]*\)).*line:', e, re.M)
    th = re.search(r'sampledThread = "([^"]+)"', e)
    if not frames: continue
    n += 1
    t = th.group(1) if th else '?'
    t = re.sub(r'\d+', 'N', t)
    threads[t] += 1
    top[frames[0].split('(')[0]] += 1
    joined = '\n'.join(frames)
    for k, pats in marks.items():
        if any(p in joined for p in pats): incl[k] += 1
print("samples", n)
print("-- by thread"); [print(f"{c*100/n:5.1f}% {k}") for k,c in threads.most_common(8)]
print("-- inclusive"); [print(f"{c*100/n:5.1f}% {k}") for k,c in incl.most_common()]
print("-- top frames"); [print(f"{c*100/n:5.1f}% {k}") for k,c in top.most_common(25)]
