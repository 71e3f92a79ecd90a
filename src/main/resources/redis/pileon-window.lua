-- PileOnStore.hit and .tallies: a target's abusive messages as a sorted set (score: epoch millis,
-- member: "author|nonce", author empty when unnamed). KEYS: the set. ARGV: mode ("hit" or
-- "tally"), now, member, cap, longest window ms, then each window's ms. Answers, per window, the
-- messages and the distinct named authors within (now - window, now].
local key = KEYS[1]
local now = tonumber(ARGV[2])
if ARGV[1] == 'hit' then
  local longest = tonumber(ARGV[5])
  redis.call('ZADD', key, now, ARGV[3])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - longest)
  local over = redis.call('ZCARD', key) - tonumber(ARGV[4])
  if over > 0 then
    redis.call('ZREMRANGEBYRANK', key, 0, over - 1)
  end
  redis.call('PEXPIRE', key, longest)
end
local out = {}
for i = 6, #ARGV do
  local members = redis.call('ZRANGEBYSCORE', key, '(' .. (now - tonumber(ARGV[i])), now)
  local authors = {}
  local distinct = 0
  for _, m in ipairs(members) do
    local author = string.match(m, '^(.*)|[^|]*$')
    if author ~= '' and not authors[author] then
      authors[author] = true
      distinct = distinct + 1
    end
  end
  table.insert(out, #members)
  table.insert(out, distinct)
end
return out
