-- Claims a review task (the rules of ReviewStore.Rules.claim). KEYS: task hash. ARGV: platform, key
-- id, now and lease end in epoch millis. Returns done, missing, held or already_resolved.
if redis.call('HGET', KEYS[1], 'platform') ~= ARGV[1] then
  return 'missing'
end
if redis.call('HEXISTS', KEYS[1], 'resolution') == 1 then
  return 'already_resolved'
end
local holder = redis.call('HGET', KEYS[1], 'claimKey')
local untilMs = tonumber(redis.call('HGET', KEYS[1], 'claimUntil') or '0')
if holder and holder ~= ARGV[2] and untilMs > tonumber(ARGV[3]) then
  return 'held'
end
redis.call('HSET', KEYS[1], 'claimKey', ARGV[2], 'claimUntil', ARGV[4])
return 'done'
