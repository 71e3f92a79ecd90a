-- PlayStateStore.openGuestWindow: the start of the device's window in force at now, else of a new
-- one starting at now. KEYS: device window. ARGV: now, period seconds, ttl seconds.
local now = tonumber(ARGV[1])
local start = tonumber(redis.call('GET', KEYS[1]))
if start and now < start + tonumber(ARGV[2]) then
  return start
end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[3])
return now
