// Calls Humiao from Node.js 18+ (its built-in fetch): screen a line, then minor mode.
//
//   HUMIAO_URL=http://localhost:8080 HUMIAO_KEY=hm_... node humiao_client.mjs
//
// Prints one line per call, "<call>: <answer JSON>"; exits 1 on an error answer.
const URL = process.env.HUMIAO_URL ?? 'http://localhost:8080';
const KEY = process.env.HUMIAO_KEY; // a platform key: it acts for its own platform

/** An error answer: branch on .code (stable), wait .retryAfter seconds on 429 and 503. */
class HumiaoError extends Error {
  constructor(status, error, retryAfter) {
    super(`${status} ${error.code}: ${error.message}`);
    this.status = status;
    this.code = error.code;
    this.retryAfter = retryAfter;
  }
}

async function post(path, body) {
  const answer = await fetch(URL + path, {
    method: 'POST',
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const json = await answer.json();
  if (!answer.ok) {
    throw new HumiaoError(answer.status, json.error, answer.headers.get('Retry-After'));
  }
  return json;
}

const user = 'player-1';
const session = `session-${Date.now()}`;
const now = Math.floor(Date.now() / 1000);
const calls = [
  ['screen', '/v1/text/screen', { text: '你个傻*逼', scene: 'chat', authorId: user }],
  ['authorize', '/v1/play/authorize', { user, session }],
  ['heartbeat', '/v1/play/heartbeat', { user, session, from: now - 60, to: now }],
  // the key makes the check idempotent: a retry with the same key gets the same answer
  ['payment', '/v1/payments/check', { user, amountFen: 600, key: `order-${session}` }],
];
try {
  for (const [name, path, body] of calls) {
    console.log(`${name}: ${JSON.stringify(await post(path, body))}`);
  }
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
