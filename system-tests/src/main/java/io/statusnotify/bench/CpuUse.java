package io.statusnotify.bench;

/**
 * CPU seconds each process spent during a phase. On a shared or small machine throughput depends on what else
 * runs; CPU per delivery much less so.
 *
 * @param sinkSeconds    the sink JVM (0 in the baseline phase, whose loop runs in the harness)
 * @param brokerSeconds  the Kafka broker JVM
 * @param harnessSeconds the harness JVM: receivers, producer and, in the baseline phase, the baseline loop
 */
public record CpuUse(double sinkSeconds, double brokerSeconds, double harnessSeconds) {

    CpuUse minus(CpuUse before) {
        return new CpuUse(round(sinkSeconds - before.sinkSeconds), round(brokerSeconds - before.brokerSeconds),
                round(harnessSeconds - before.harnessSeconds));
    }

    /** CPU milliseconds the sink (or, for the baseline, the harness) spent per delivered notification. */
    static double perDeliveryMs(double seconds, long delivered) {
        return delivered == 0 ? 0 : Math.round(seconds * 1_000_000.0 / delivered) / 1000.0;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }
}
