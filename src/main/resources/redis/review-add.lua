-- Adds a review task unless its id exists; indexes it under its platform. Returns the stored task's
-- JSON. KEYS: task hash, platform's id set, set of platforms. ARGV: task JSON, task id, platform.
if redis.call('HSETNX', KEYS[1], 'json', ARGV[1]) == 1 then
  redis.call('HSET', KEYS[1], 'platform', ARGV[3])
  redis.call('SADD', KEYS[2], ARGV[2])
  redis.call('SADD', KEYS[3], ARGV[3])
end
return redis.call('HGET', KEYS[1], 'json')
