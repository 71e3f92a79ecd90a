-- PlayStateStore.view: what one minor-mode call reads before it decides, in one round trip.
-- KEYS: link, session stop, guest window, payment record ('' for one the query does not name).
-- ARGV: the guardian controls' key before and after its person part, then such a pair for each play
-- budget's totals. The person part is the link's person id escaped as Keys.join escapes a part
-- ('%' and ':'), so the keys are the ones Java builds. Keys found from the link are not declared:
-- fine on one Redis primary, not on Redis Cluster.
-- Returns: link, guardian controls, stop mark, guest window, the payment's entry, month after, day
-- after, refunded, then each budget's allowed total (a linked user only); false where none.
local function get(key)
  if key == '' then
    return false
  end
  return redis.call('GET', key)
end

local link = get(KEYS[1])
local result = {link, false, get(KEYS[2]), get(KEYS[3]), false, false, false, false}
if KEYS[4] ~= '' then
  local r = redis.call('HMGET', KEYS[4], 'entry', 'monthAfter', 'dayAfter', 'refunded')
  for i = 1, 4 do
    result[4 + i] = r[i] or false
  end
end
if link then
  local person = string.gsub(string.gsub(cjson.decode(link).person, '%%', '%%25'), ':', '%%3A')
  if ARGV[1] ~= '' then
    result[2] = redis.call('GET', ARGV[1] .. person .. ARGV[2])
  end
  for i = 3, #ARGV, 2 do
    result[#result + 1] = tonumber(redis.call('HGET', ARGV[i] .. person .. ARGV[i + 1], 'allowed') or '0')
  end
end
return result
