-- Counting play into a budget's runs (PlayStateStore.addPlay), shared by addplay.lua and view-play.lua.
-- Runs are sorted-set members "from:to" scored by from, kept merged (touching runs join) like
-- IntervalSet; the totals are a hash.
local function fmt(n)
  return string.format('%d', n)
end

local function run(member)
  local f, t = string.match(member, '^(%-?%d+):(%-?%d+)$')
  return tonumber(f), tonumber(t)
end

-- the run starting at or before s, if any
local function floor_run(key, s)
  local r = redis.call('ZREVRANGEBYSCORE', key, fmt(s), '-inf', 'LIMIT', 0, 1)
  if r[1] then
    return run(r[1])
  end
end

-- the parts of [a, b) in no run of key, in time order
local function missing(key, a, b)
  local out = {}
  local cursor = a
  local f, t = floor_run(key, cursor)
  if f and t > cursor then
    cursor = t
  end
  if cursor >= b then
    return out
  end
  for _, m in ipairs(redis.call('ZRANGEBYSCORE', key, fmt(cursor), '(' .. fmt(b))) do
    local rf, rt = run(m)
    if rf > cursor then
      out[#out + 1] = {cursor, rf}
    end
    cursor = math.max(cursor, rt)
  end
  if cursor < b then
    out[#out + 1] = {cursor, b}
  end
  return out
end

-- adds [a, b), which holds no counted second, merging it with the runs it touches; answers the run made
local function add(key, a, b)
  local f, t = floor_run(key, a)
  if f and t >= a then
    a = f
    b = math.max(b, t)
  end
  while true do
    local runs = redis.call('ZRANGEBYSCORE', key, fmt(a), fmt(b))
    if #runs == 0 then
      break
    end
    for _, m in ipairs(runs) do
      local _, rt = run(m)
      b = math.max(b, rt)
      redis.call('ZREM', key, m)
    end
  end
  redis.call('ZADD', key, fmt(a), fmt(a) .. ':' .. fmt(b))
  return a, b
end

-- counts [from, to) into the budget's allowed runs, excess runs and totals; answers added allowed, added
-- excess, allowed total, excess total and, when the allowed run holding to - 1 exists, its from and to
local function add_play(allowed, excess, totals, from, to, limit, ttl)
  local sums = redis.call('HMGET', totals, 'allowed', 'excess')
  local allowedTotal, excessTotal = tonumber(sums[1] or '0'), tonumber(sums[2] or '0')
  local remaining = math.max(0, limit - allowedTotal)
  local addedAllowed, addedExcess = 0, 0
  local last = to - 1
  -- the allowed run holding the report's last second, when an add made it (no later add can change it)
  local runFrom, runTo
  for _, gap in ipairs(missing(allowed, from, to)) do
    for _, fresh in ipairs(missing(excess, gap[1], gap[2])) do
      local length = fresh[2] - fresh[1]
      local take = math.min(length, remaining)
      remaining = remaining - take
      if take > 0 then
        local a, b = add(allowed, fresh[1], fresh[1] + take)
        if a <= last and last < b then
          runFrom, runTo = a, b
        end
        addedAllowed = addedAllowed + take
      end
      if take < length then
        add(excess, fresh[1] + take, fresh[2])
        addedExcess = addedExcess + length - take
      end
    end
  end
  if addedAllowed > 0 or addedExcess > 0 then
    allowedTotal = redis.call('HINCRBY', totals, 'allowed', fmt(addedAllowed))
    excessTotal = redis.call('HINCRBY', totals, 'excess', fmt(addedExcess))
    for _, key in ipairs({allowed, excess, totals}) do
      redis.call('EXPIRE', key, ttl)
    end
  end

  local result = {addedAllowed, addedExcess, allowedTotal, excessTotal}
  if not runFrom then
    local f, t = floor_run(allowed, last)
    if f and t > last then
      runFrom, runTo = f, t
    end
  end
  if runFrom then
    result[5] = runFrom
    result[6] = runTo
  end
  return result
end
