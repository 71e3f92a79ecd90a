-- Marking a session stopped (PlayStateStore.markStopped), shared by stop.lua and view-play.lua: the earlier
-- stop mark if there is one (kept), else the session is marked at the given time and the answer is false.
local function mark_stopped(key, at, ttl)
  local earlier = redis.call('GET', key)
  if earlier then
    return tonumber(earlier)
  end
  redis.call('SET', key, at, 'EX', ttl)
  return false
end
