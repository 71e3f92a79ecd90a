-- PlayStateStore.recordPayment: a payment key is recorded once; a new payment is accepted only if
-- its month and day totals stay within the entry's limits. The record keeps the names of its total
-- keys, so a duplicate or a refund finds the totals of the first entry.
-- KEYS: payment record, month total, day total.
-- ARGV: entry JSON, amount, month limit, day limit, month ttl seconds, day ttl seconds.
-- Returns: status, then for a record: entry JSON, month after, day after, refunded; then the
-- month and day totals now.
local record, month, day = KEYS[1], KEYS[2], KEYS[3]
local amount = tonumber(ARGV[2])

local function total(key)
  return tonumber(redis.call('GET', key) or '0')
end

if redis.call('EXISTS', record) == 1 then
  local r = redis.call('HMGET', record, 'entry', 'monthAfter', 'dayAfter', 'refunded', 'monthKey', 'dayKey')
  return {'DUPLICATE', r[1], r[2], r[3], r[4], total(r[5]), total(r[6])}
end
local monthNow, dayNow = total(month), total(day)
if amount > tonumber(ARGV[3]) - monthNow then
  return {'MONTH_LIMIT', monthNow, dayNow}
end
if amount > tonumber(ARGV[4]) - dayNow then
  return {'DAY_LIMIT', monthNow, dayNow}
end
local monthAfter = redis.call('INCRBY', month, ARGV[2])
local dayAfter = redis.call('INCRBY', day, ARGV[2])
redis.call('EXPIRE', month, ARGV[5])
redis.call('EXPIRE', day, ARGV[6])
redis.call('HSET', record, 'entry', ARGV[1], 'amount', ARGV[2], 'monthAfter', monthAfter, 'dayAfter', dayAfter,
  'refunded', '0', 'monthKey', month, 'dayKey', day)
return {'ACCEPTED', ARGV[1], monthAfter, dayAfter, '0', monthAfter, dayAfter}
