-- PlayStateStore.recordPayment (lib/payment.lua).
-- KEYS: payment record, month total, day total.
-- ARGV: entry JSON, amount, month limit, day limit, month ttl seconds, day ttl seconds.
return record_payment(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6])
