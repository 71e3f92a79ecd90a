-- PlayStateStore.markStopped: the earlier stop mark of a session if there is one (kept), else
-- marks it at the given time and answers nil. KEYS: session stop. ARGV: at, ttl seconds.
local earlier = redis.call('GET', KEYS[1])
if earlier then
  return tonumber(earlier)
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
return false
