-- PileOnStore.addEvidence: KEYS: the target's evidence (sorted set, score: epoch millis, member:
-- the entry's JSON). ARGV: at, entry, retention ms, cap. Keeps entries younger than the retention
-- back from the newest and at most cap of them, the newest.
local at = tonumber(ARGV[1])
local retention = tonumber(ARGV[3])
redis.call('ZADD', KEYS[1], at, ARGV[2])
local newest = tonumber(redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. (newest - retention))
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[4])
if over > 0 then
  redis.call('ZREMRANGEBYRANK', KEYS[1], 0, over - 1)
end
redis.call('PEXPIRE', KEYS[1], retention)
return 1
