package io.statusnotify.sink.engine;


import io.statusnotify.sink.http.Verdict;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import io.statusnotify.schema.TenantConfig;

import java.util.concurrent.TimeUnit;

/**
 * How many requests one tenant may have open at once, for one config of it: adaptive within
 * [{@code SNS_TENANT_MIN_IN_FLIGHT}, ceiling], the ceiling being the config's {@code maxInFlight} or else
 * {@code SNS_TENANT_MAX_IN_FLIGHT}. Built on Netflix concurrency-limits' {@link Limit} algorithms, fed by
 * {@link SendSlots} with each answer (its start, response time, the tenant's requests open when it started, and
 * whether it was a loss); SendSlots keeps its own slot queues, so none of the library's {@code Limiter}s is used.
 *
 * <ul>
 *   <li>{@code aimd}: {@link AIMDLimit}, one more for each answer while at least half the limit is in use, 10 % fewer
 *   for each loss: a timeout, a connection error, 408, 429 or 5xx (a slow answer is no loss: a steadily
 *   slow tenant needs its limit to keep up).</li>
 *   <li>{@code gradient} (the default): the lower of that and a {@link Gradient2Limit} over windows of answers
 *   (0.1–5 s, at least 4 answers, their average response time), which grows by about
 *   {@code 0.4·√limit} a window while the response time holds steady against its long-term average (64 to 1000 in
 *   about 12 s of busy windows) and shrinks by up to 8 % a window as it rises (more than 1.5 times that average). Gradient2 alone ignores losses (a 5xx answered
 *   fast looks like a healthy answer), and AIMD alone sees latency only near the timeout: together they back off on
 *   both.</li>
 *   <li>{@code fixed}: always the ceiling.</li>
 * </ul>
 *
 * Engine thread only (the library's limits synchronize; uncontended here).
 */
final class TenantLimit {
    /**
     * The windows of answers the latency limit averages over: twice the window's fastest answer, within these bounds,
     * and at least {@link #WINDOW_ANSWERS} answers (a window of twice the response time holds about twice the limit's
     * answers while it is in use, so even a tenant at the minimum of 4 adapts; a busy fast tenant has thousands). The
     * library's own WindowedLimit wants 10 answers a window, which a tenant at a small limit never has: its limit
     * would never move.
     */
    private static final long MIN_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int WINDOW_ANSWERS = 4;
    private static final double BACKOFF = 0.9;

    private final TenantConfig config;
    private final int ceiling;
    private final int min;
    /** Null when fixed. */
    private Limit loss;
    /** Null unless gradient; fed with answers only (a failure's response time says nothing about the tenant's pace). */
    private final Limit latency;
    /** The latency limit's current window of answers: when it started, their response times, the most open. */
    private long windowStart = Long.MIN_VALUE;
    private long windowRttSum;
    private long windowMinRtt = Long.MAX_VALUE;
    private int windowAnswers;
    private int windowMaxInFlight;

    TenantLimit(TenantLimitSettings settings, int sinkCeiling, TenantConfig config) {
        this.config = config;
        this.ceiling = config.maxInFlight() != null ? config.maxInFlight() : sinkCeiling;
        int initial = settings.initial(ceiling);
        this.min = settings.min(ceiling);
        if (settings.algorithm() == LimitAlgorithm.FIXED) {
            loss = null;
            latency = null;
            return;
        }
        loss = aimd(initial);
        latency = settings.algorithm() != LimitAlgorithm.GRADIENT ? null
                : Gradient2Limit.newBuilder().initialLimit(initial).minLimit(min).maxConcurrency(ceiling)
                        .queueSizeFunction(limit -> Math.max(4, (int) (2 * Math.sqrt(limit)))).build();
    }

    private Limit aimd(int from) {
        return AIMDLimit.newBuilder().initialLimit(from).minLimit(min).maxLimit(ceiling).backoffRatio(BACKOFF)
                // Only failures are losses: a tenant that is merely slow, steadily, keeps its limit (it needs
                // limit ÷ response time to keep up); rising latency is the gradient's signal.
                .timeout(1, TimeUnit.DAYS).build();
    }

    /**
     * An attempt that says the tenant is overloaded or unreachable: whatever is retried (a timeout, a connection
     * error, 408, 429, 5xx). Refusals (401/403/410) and other final failures say nothing about its capacity.
     */
    static boolean isLoss(Verdict verdict) {
        return verdict instanceof Verdict.Retry;
    }

    /** True when this limit was learnt with {@code current}: an answer to another config says nothing about this one. */
    boolean appliesTo(TenantConfig current) {
        return config == current || config.equals(current);
    }

    int current() {
        if (loss == null) return ceiling;
        return latency == null ? loss.getLimit() : Math.min(loss.getLimit(), latency.getLimit());
    }

    int ceiling() {
        return ceiling;
    }

    /**
     * One attempt's answer, as {@link #sample} takes it. Losses (timeouts, connection errors, 408, 429, 5xx) shrink
     * the limit; refusals and other final failures say nothing about the tenant's capacity; a half-open probe's
     * success does not grow it (one request through says nothing about how many it takes).
     */
    void answered(Verdict verdict, boolean probe, long startNanos, long rttNanos, int inFlight) {
        boolean lost = isLoss(verdict);
        if (lost || (verdict instanceof Verdict.Success && !probe)) sample(startNanos, rttNanos, inFlight, lost);
    }

    /**
     * One attempt's outcome. {@code startNanos} and {@code rttNanos} on {@link System#nanoTime()}'s scale;
     * {@code inFlight}: the tenant's requests open when it started, itself included; {@code lost}: it failed in a way
     * that says the tenant is overloaded or unreachable (timeout, connection error, 408, 429, 5xx).
     */
    void sample(long startNanos, long rttNanos, int inFlight, boolean lost) {
        if (loss == null) return;
        // Held below its own value by the latency limit, the loss limit backs off from the limit in force (its value
        // is all the state an AIMDLimit has), so every loss counts at once.
        if (lost && latency != null && loss.getLimit() > latency.getLimit()) loss = aimd(latency.getLimit());
        loss.onSample(startNanos, rttNanos, inFlight, lost);
        if (latency != null && !lost) window(startNanos, rttNanos, inFlight);
    }

    /** One answer into the latency limit's window; a full window goes to the limit as one sample (its average). */
    private void window(long startNanos, long rttNanos, int inFlight) {
        long end = startNanos + rttNanos;
        if (windowStart == Long.MIN_VALUE) windowStart = startNanos;
        windowRttSum += rttNanos;
        windowMinRtt = Math.min(windowMinRtt, rttNanos);
        windowAnswers++;
        windowMaxInFlight = Math.max(windowMaxInFlight, inFlight);
        long length = Math.min(MAX_WINDOW_NANOS, Math.max(MIN_WINDOW_NANOS, 2 * windowMinRtt));
        if (end - windowStart < length || windowAnswers < WINDOW_ANSWERS) return;
        latency.onSample(windowStart, windowRttSum / windowAnswers, windowMaxInFlight, false);
        windowStart = end;
        windowRttSum = 0;
        windowMinRtt = Long.MAX_VALUE;
        windowAnswers = 0;
        windowMaxInFlight = 0;
    }

    @Override
    public String toString() {
        return "TenantLimit[" + current() + " of " + ceiling + "]";
    }
}
