-- PlayStateStore.viewThenAddPlay: a view and, when the link, guardian controls and stop mark it finds
-- are the ones Java assumed when it planned the play, that play counted, in one round trip. The rules
-- stay in Java: the script only compares what it read with the assumption, byte for byte.
-- KEYS: link, session stop, guest window, payment record (as view.lua), then allowed runs, excess runs
-- and totals of each planned count.
-- ARGV: assumed link, guardian controls and stop mark ('' for none: Java assumes a session not stopped), ttl seconds, the number of view
-- templates, the templates (as view.lua), then from, to and limit of each planned count.
-- Answers: the view, 1 if the assumption held (and the counts were made) else 0, then each count's answer
-- (as addplay.lua).
local templateCount = tonumber(ARGV[5])
local templates = {}
for i = 1, templateCount do
  templates[i] = ARGV[5 + i]
end
local seen = view(KEYS[1], KEYS[2], KEYS[3], KEYS[4], templates)
if (seen[1] or '') ~= ARGV[1] or (seen[2] or '') ~= ARGV[2] or (seen[3] or '') ~= ARGV[3] then
  return {seen, 0}
end
local result = {seen, 1}
local at = 5 + templateCount
for k = 5, #KEYS, 3 do
  result[#result + 1] = add_play(KEYS[k], KEYS[k + 1], KEYS[k + 2], tonumber(ARGV[at + 1]), tonumber(ARGV[at + 2]),
    tonumber(ARGV[at + 3]), ARGV[4])
  at = at + 3
end
return result
