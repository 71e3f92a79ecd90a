-- PileOnStore.raise: 1 if this call raised the target to the level (it was below, or its mark
-- had run out), else 0 and the hold is extended. KEYS: the level hash (level ordinal, since,
-- until). ARGV: level ordinal, now, until (epoch millis).
local level = tonumber(ARGV[1])
local now = tonumber(ARGV[2])
local holdUntil = tonumber(ARGV[3])
local current = redis.call('HMGET', KEYS[1], 'level', 'since', 'until')
if current[1] and tonumber(current[3]) > now and tonumber(current[1]) >= level then
  holdUntil = math.max(holdUntil, tonumber(current[3]))
  redis.call('HSET', KEYS[1], 'until', holdUntil)
  redis.call('PEXPIRE', KEYS[1], holdUntil - now)
  return 0
end
redis.call('HSET', KEYS[1], 'level', level, 'since', now, 'until', holdUntil)
redis.call('PEXPIRE', KEYS[1], holdUntil - now)
return 1
