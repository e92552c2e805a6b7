package org.ecocalc.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed delivery is retried: exponential backoff with full jitter, and the host's
 * {@code Retry-After} honoured. Immutable; build with {@link #builder()}.
 *
 * <p>The delay before retry number {@code n} (1 for the first retry) is a uniformly random
 * duration in {@code [0, min(maxBackoff, initialBackoff × multiplier^(n-1))]} ("full jitter", as
 * in the AWS Architecture Blog's <i>Exponential Backoff and Jitter</i>). When the host answered
 * with {@code Retry-After}, the delay is at least that long, up to {@link #maxRetryAfter()}.
 *
 * <p>There is no attempt limit: an event that cannot be delivered yet stays in the spool, so
 * retrying costs nothing but a request now and then, and giving up would lose it. A host that
 * refuses an event for good says so with a 4xx, and the event goes to the dead-letter file.
 */
public final class RetryPolicy {
    /** Default delay cap of the first retry: {@value} ms. */
    public static final long DEFAULT_INITIAL_BACKOFF_MILLIS = 100;
    /** Default largest delay between two attempts: {@value} ms. */
    public static final long DEFAULT_MAX_BACKOFF_MILLIS = 30_000;
    /** Default growth of the delay cap per retry: {@value}. */
    public static final double DEFAULT_MULTIPLIER = 2.0;
    /** Default longest {@code Retry-After} honoured: {@value} ms. */
    public static final long DEFAULT_MAX_RETRY_AFTER_MILLIS = 300_000;

    private static final RetryPolicy DEFAULT = builder().build();

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder b) {
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.multiplier = b.multiplier;
        this.maxRetryAfter = b.maxRetryAfter;
    }

    /** The default policy. */
    public static RetryPolicy defaults() {
        return DEFAULT;
    }

    /** A builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The delay cap of the first retry. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The largest delay between two attempts (without {@code Retry-After}). */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The growth of the delay cap per retry. */
    public double multiplier() {
        return multiplier;
    }

    /** The longest {@code Retry-After} honoured. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * The delay before retry number {@code retry}.
     *
     * @param retry      1 for the first retry
     * @param retryAfter the host's {@code Retry-After}, or null
     * @param random     a uniformly random number in {@code [0, 1)}
     */
    public Duration delay(int retry, Duration retryAfter, double random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be at least 1 (got " + retry + ")");
        }
        if (!(random >= 0 && random < 1)) {
            throw new IllegalArgumentException("random must be in [0, 1) (got " + random + ")");
        }
        double capNanos = initialBackoff.toNanos() * Math.pow(multiplier, Math.min(retry - 1, 1000));
        long cap = capNanos >= maxBackoff.toNanos() ? maxBackoff.toNanos() : (long) capNanos;
        long jittered = (long) (random * cap);
        if (retryAfter != null && !retryAfter.isNegative()) {
            long floor = Math.min(retryAfter.toNanos(), maxRetryAfter.toNanos());
            jittered = Math.max(jittered, floor);
        }
        return Duration.ofNanos(jittered);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy r && initialBackoff.equals(r.initialBackoff) && maxBackoff.equals(r.maxBackoff)
                && multiplier == r.multiplier && maxRetryAfter.equals(r.maxRetryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(initialBackoff, maxBackoff, multiplier, maxRetryAfter);
    }

    @Override
    public String toString() {
        return "RetryPolicy[initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff + ", multiplier="
                + multiplier + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    /** Builds a {@link RetryPolicy}; each setter checks its value at once. */
    public static final class Builder {
        private Duration initialBackoff = Duration.ofMillis(DEFAULT_INITIAL_BACKOFF_MILLIS);
        private Duration maxBackoff = Duration.ofMillis(DEFAULT_MAX_BACKOFF_MILLIS);
        private double multiplier = DEFAULT_MULTIPLIER;
        private Duration maxRetryAfter = Duration.ofMillis(DEFAULT_MAX_RETRY_AFTER_MILLIS);

        private Builder() {
        }

        /** Sets the delay cap of the first retry (default {@value #DEFAULT_INITIAL_BACKOFF_MILLIS} ms). */
        public Builder initialBackoff(Duration d) {
            this.initialBackoff = positive(d, "initialBackoff");
            return this;
        }

        /** Sets the largest delay between two attempts (default {@value #DEFAULT_MAX_BACKOFF_MILLIS} ms). */
        public Builder maxBackoff(Duration d) {
            this.maxBackoff = positive(d, "maxBackoff");
            return this;
        }

        /** Sets the growth of the delay cap per retry, at least 1 (default {@value #DEFAULT_MULTIPLIER}). */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number of at least 1 (got "
                        + multiplier + ")");
            }
            this.multiplier = multiplier;
            return this;
        }

        /** Sets the longest {@code Retry-After} honoured (default {@value #DEFAULT_MAX_RETRY_AFTER_MILLIS} ms). */
        public Builder maxRetryAfter(Duration d) {
            this.maxRetryAfter = positive(d, "maxRetryAfter");
            return this;
        }

        /**
         * The policy.
         *
         * @throws IllegalArgumentException if maxBackoff is shorter than initialBackoff
         */
        public RetryPolicy build() {
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be shorter than"
                        + " initialBackoff (" + initialBackoff + ")");
            }
            return new RetryPolicy(this);
        }

        static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive (got " + d + ")");
            }
            return d;
        }
    }
}
