-- Opens a mandatory-report case unless one of its id exists; answers the stored case either way.
-- KEYS[1] the case (hash: version, doc), KEYS[2] the index of cases (sorted set by opening time)
-- ARGV[1] the case's JSON, ARGV[2] its version, ARGV[3] its opening time (epoch ms), ARGV[4] its id
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('HGET', KEYS[1], 'doc')
end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'doc', ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
return ARGV[1]
