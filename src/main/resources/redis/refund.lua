-- PlayStateStore.refund: gives a payment's amount back to its month and day totals, once. A total
-- that has expired (its day or month is long over) is not brought back as a negative one.
-- KEYS: payment record. Returns like payment.lua, with REFUNDED, ALREADY_REFUNDED or UNKNOWN.
local record = KEYS[1]
if redis.call('EXISTS', record) == 0 then
  return {'UNKNOWN'}
end
local r = redis.call('HMGET', record, 'entry', 'monthAfter', 'dayAfter', 'refunded', 'monthKey', 'dayKey', 'amount')
local status = 'ALREADY_REFUNDED'
if r[4] ~= '1' then
  status = 'REFUNDED'
  for _, key in ipairs({r[5], r[6]}) do
    if redis.call('EXISTS', key) == 1 then
      redis.call('DECRBY', key, r[7])
    end
  end
  redis.call('HSET', record, 'refunded', '1')
end
return {status, r[1], r[2], r[3], '1', tonumber(redis.call('GET', r[5]) or '0'),
  tonumber(redis.call('GET', r[6]) or '0')}
