-- PlayStateStore.view, shared by view.lua and the scripts that change state after the same read (view-play.lua,
-- view-payment.lua, guardian-set.lua): what one minor-mode call reads before it decides. Keys: link, session stop, guest window, payment record ('' for one the query does not
-- name). Templates: the guardian controls' key before and after its person part, then such a pair for
-- each play budget's totals. The person part is the link's person id escaped as Keys.join escapes a
-- part ('%' and ':'), so the keys are the ones Java builds. Keys found from the link are not declared:
-- fine on one Redis primary, not on Redis Cluster.
-- Answers: link, guardian controls, stop mark, guest window, the payment's entry, month after, day
-- after, refunded, then each budget's allowed total (a linked user only); false where none.
local function get(key)
  if key == '' then
    return false
  end
  return redis.call('GET', key)
end

-- the linked person's part of a key: its id escaped
local function person_part(link)
  return (string.gsub(string.gsub(cjson.decode(link).person, '%%', '%%25'), ':', '%%3A'))
end

-- the key of the linked person that a template (before, after) names
local function person_key(link, before, after)
  return before .. person_part(link) .. after
end

local function view(linkKey, stopKey, guestKey, paymentKey, templates)
  local link = get(linkKey)
  local result = {link, false, get(stopKey), get(guestKey), false, false, false, false}
  if paymentKey ~= '' then
    local r = redis.call('HMGET', paymentKey, 'entry', 'monthAfter', 'dayAfter', 'refunded')
    for i = 1, 4 do
      result[4 + i] = r[i] or false
    end
  end
  if link then
    -- the link is decoded once for all of the person's keys
    local person = person_part(link)
    if templates[1] ~= '' then
      result[2] = redis.call('GET', templates[1] .. person .. templates[2])
    end
    for i = 3, #templates, 2 do
      result[#result + 1] = tonumber(redis.call('HGET', templates[i] .. person .. templates[i + 1], 'allowed') or '0')
    end
  end
  return result
end

-- the view templates a script takes in ARGV after its own arguments: ARGV[at] is their count, the templates
-- follow; answers them and the index of the last one (where the script's next arguments start after)
local function templates_from(at)
  local count = tonumber(ARGV[at])
  local templates = {}
  for i = 1, count do
    templates[i] = ARGV[at + i]
  end
  return templates, at + count
end
