-- Resolves a review task (the rules of ReviewStore.Rules.resolve). KEYS: task hash. ARGV: platform,
-- key id, now in epoch millis, resolution JSON. Returns done, missing, held, not_claimed or
-- already_resolved.
if redis.call('HGET', KEYS[1], 'platform') ~= ARGV[1] then
  return 'missing'
end
if redis.call('HEXISTS', KEYS[1], 'resolution') == 1 then
  return 'already_resolved'
end
local holder = redis.call('HGET', KEYS[1], 'claimKey')
local untilMs = tonumber(redis.call('HGET', KEYS[1], 'claimUntil') or '0')
if not holder or untilMs <= tonumber(ARGV[3]) then
  return 'not_claimed'
end
if holder ~= ARGV[2] then
  return 'held'
end
redis.call('HSET', KEYS[1], 'resolution', ARGV[4], 'resolvedAt', ARGV[3])
return 'done'
