package io.statusnotify.sink.engine;

/** A tenant's optional request-rate cap: {@code rate} tokens a second, bursts of up to {@code max(1, rate)}. */
final class TokenBucket {
    private final double rate;
    private final double capacity;
    private double tokens;
    private long refilledAt;

    TokenBucket(double ratePerSecond, long nowNanos) {
        this.rate = ratePerSecond;
        this.capacity = Math.max(1, ratePerSecond);
        this.tokens = capacity;
        this.refilledAt = nowNanos;
    }

    double rate() {
        return rate;
    }

    boolean tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens < 1) return false;
        tokens -= 1;
        return true;
    }

    /** How long until {@link #tryTake} can succeed. */
    long nanosUntilToken(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / rate * 1e9);
    }

    private void refill(long nowNanos) {
        // On the wall clock's scale (the engine's clock): a step back adds nothing, it never takes tokens away.
        tokens = Math.min(capacity, tokens + Math.max(0, nowNanos - refilledAt) / 1e9 * rate);
        refilledAt = nowNanos;
    }
}
