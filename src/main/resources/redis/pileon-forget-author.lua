-- PileOnStore.forget, a user's messages in another target's keys: KEYS: a window or evidence
-- (sorted set). ARGV: "pileon-hits" or "pileon-evidence", the user's pseudonym. Removes the
-- window's members "user|nonce", or the evidence entries whose JSON author is the user; answers
-- how many went.
local doomed = {}
local mark = ARGV[2] .. '|'
for _, m in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  if ARGV[1] == 'pileon-hits' then
    if string.sub(m, 1, #mark) == mark then
      table.insert(doomed, m)
    end
  elseif cjson.decode(m).author == ARGV[2] then
    table.insert(doomed, m)
  end
end
if #doomed > 0 then
  redis.call('ZREM', KEYS[1], unpack(doomed))
end
return #doomed
