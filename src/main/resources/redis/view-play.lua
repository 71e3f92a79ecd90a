-- PlayStateStore.viewThenAddPlay: a view and, when the link, guardian controls and stop mark it finds
-- are the ones Java assumed when it planned the play, that play counted and the plan's stop rule applied,
-- in one round trip. The rules stay in Java: the script only compares what it read with the assumption,
-- byte for byte, and a budget's allowed total after the counts with the cap Java gave (lib/view.lua,
-- lib/addplay.lua, lib/stop.lua).
-- KEYS: link, session stop, guest window, payment record (as view.lua), the totals of the budget the stop
-- rule reads ('' for none: 0 played), then allowed runs, excess runs and totals of each planned count.
-- ARGV: assumed link, guardian controls and stop mark ('' for none: Java assumes a session not stopped), ttl
-- seconds, the stop rule's cap ('' for no rule: the session is marked stopped when the budget's allowed
-- total after the counts is at least the cap) and its mark's time, '1' if a stop mark goes when the rule
-- does not hold (an authorize allowed) else '', the number of view templates, the templates (as view.lua),
-- then from, to and limit of each planned count.
-- Answers: the view (without the link and guardian controls when the assumption held: Java has them), 1 if
-- the assumption held (and the counts were made) else 0, 1 if the session was
-- marked stopped (or already was) else 0, the earlier stop mark (as stop.lua), 1 if the stop mark was
-- cleared else 0, then each count's answer (as addplay.lua).
local templates, at = templates_from(8)
local seen = view(KEYS[1], KEYS[2], KEYS[3], KEYS[4], templates)
if (seen[1] or '') ~= ARGV[1] or (seen[2] or '') ~= ARGV[2] or (seen[3] or '') ~= ARGV[3] then
  return {seen, 0}
end
seen[1] = false
seen[2] = false
local result = {seen, 1, 0, false, 0}
-- each counted budget's allowed total after its counts, which the stop rule reads without asking again
local after = {}
for k = 6, #KEYS, 3 do
  local counted = add_play(KEYS[k], KEYS[k + 1], KEYS[k + 2], tonumber(ARGV[at + 1]), tonumber(ARGV[at + 2]),
    tonumber(ARGV[at + 3]), ARGV[4])
  result[#result + 1] = counted
  after[KEYS[k + 2]] = counted[3]
  at = at + 3
end
if ARGV[5] ~= '' then
  local played = 0
  if KEYS[5] ~= '' then
    played = after[KEYS[5]] or tonumber(redis.call('HGET', KEYS[5], 'allowed') or '0')
  end
  if played >= tonumber(ARGV[5]) then
    result[3] = 1
    result[4] = mark_stopped(KEYS[2], ARGV[6], ARGV[4])
  end
end
if result[3] == 0 and ARGV[7] == '1' and seen[3] then
  redis.call('DEL', KEYS[2])
  result[5] = 1
end
return result
