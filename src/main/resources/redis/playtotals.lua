-- PlayStateStore.playTotals: the totals of a budget and its allowed run holding one second, read
-- together so they agree with each other. KEYS: allowed runs, totals. ARGV: second.
local allowed, totals = KEYS[1], KEYS[2]
local second = tonumber(ARGV[1])

local sums = redis.call('HMGET', totals, 'allowed', 'excess')
local result = {tonumber(sums[1] or '0'), tonumber(sums[2] or '0')}
local r = redis.call('ZREVRANGEBYSCORE', allowed, string.format('%d', second), '-inf', 'LIMIT', 0, 1)
if r[1] then
  local f, t = string.match(r[1], '^(%-?%d+):(%-?%d+)$')
  if tonumber(t) > second then
    result[3] = tonumber(f)
    result[4] = tonumber(t)
  end
end
return result
