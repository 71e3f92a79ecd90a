-- Recording a payment (PlayStateStore.recordPayment), shared by payment.lua and view-payment.lua: a payment
-- key is recorded once; a new payment is accepted only if its month and day totals stay within the entry's
-- limits. The record keeps the names of its total keys, so a duplicate or a refund finds the totals of the
-- first entry.
-- Answers: status, then for a record: entry JSON, month after, day after, refunded; then the month and day
-- totals now.
local function total(key)
  return tonumber(redis.call('GET', key) or '0')
end

local function record_payment(record, month, day, entry, amount, monthLimit, dayLimit, monthTtl, dayTtl)
  if redis.call('EXISTS', record) == 1 then
    local r = redis.call('HMGET', record, 'entry', 'monthAfter', 'dayAfter', 'refunded', 'monthKey', 'dayKey')
    return {'DUPLICATE', r[1], r[2], r[3], r[4], total(r[5]), total(r[6])}
  end
  local monthNow, dayNow = total(month), total(day)
  if tonumber(amount) > tonumber(monthLimit) - monthNow then
    return {'MONTH_LIMIT', monthNow, dayNow}
  end
  if tonumber(amount) > tonumber(dayLimit) - dayNow then
    return {'DAY_LIMIT', monthNow, dayNow}
  end
  local monthAfter = redis.call('INCRBY', month, amount)
  local dayAfter = redis.call('INCRBY', day, amount)
  redis.call('EXPIRE', month, monthTtl)
  redis.call('EXPIRE', day, dayTtl)
  redis.call('HSET', record, 'entry', entry, 'amount', amount, 'monthAfter', monthAfter, 'dayAfter', dayAfter,
    'refunded', '0', 'monthKey', month, 'dayKey', day)
  return {'ACCEPTED', entry, monthAfter, dayAfter, '0', monthAfter, dayAfter}
end
