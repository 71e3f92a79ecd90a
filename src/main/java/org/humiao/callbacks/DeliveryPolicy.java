package org.humiao.callbacks;

import java.time.Duration;

/**
 * How alerts are delivered: each attempt waits at most {@code timeout} for an answer; after a failed
 * attempt n the next waits an exponential backoff with jitter from {@code initialBackoff} up to
 * {@code maxBackoff}; an alert not delivered within {@code giveUpAfter} of its surge is dropped
 * (counted as expired), so a receiver gone for good does not hold alerts forever.
 */
public record DeliveryPolicy(Duration timeout, Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter) {}
