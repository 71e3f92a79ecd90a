-- PlayStateStore.viewThenRecordPayment: a view and, when the link and guardian controls it finds are the ones
-- Java assumed when it made the payment's entry, that payment recorded, in one round trip. The rules stay in
-- Java: the script only compares what it read with the assumption, byte for byte (lib/view.lua,
-- lib/payment.lua; an earlier record of the key is answered as DUPLICATE, as by payment.lua).
-- KEYS: link, session stop, guest window, payment record (as view.lua), then month total, day total.
-- ARGV: assumed link, assumed guardian controls ('' for none), the number of view templates, the templates
-- (as view.lua), then entry JSON, amount, month limit, day limit, month ttl seconds, day ttl seconds.
-- Answers: the view, then 1 and the payment's answer (as payment.lua) if the assumption held, else 0.
local templates, at = templates_from(3)
local seen = view(KEYS[1], KEYS[2], KEYS[3], KEYS[4], templates)
if (seen[1] or '') ~= ARGV[1] or (seen[2] or '') ~= ARGV[2] then
  return {seen, 0}
end
return {seen, 1, record_payment(KEYS[4], KEYS[5], KEYS[6], ARGV[at + 1], ARGV[at + 2], ARGV[at + 3], ARGV[at + 4],
  ARGV[at + 5], ARGV[at + 6])}
