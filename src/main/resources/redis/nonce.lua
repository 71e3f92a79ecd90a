-- PlayStateStore.claimNonce: 0 if the token id is remembered and not expired at now (a replay),
-- else remembers it until expiresAt and answers 1. The expiry is compared with the caller's now,
-- as in the embedded store; the TTL only lets Redis forget it some slack after that.
-- KEYS: nonce. ARGV: expiresAt, now, ttl seconds.
local known = tonumber(redis.call('GET', KEYS[1]))
if known and known > tonumber(ARGV[2]) then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
return 1
