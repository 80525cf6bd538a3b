package io.statusnotify.bench;

/**
 * CPU seconds of each process over the measured part of the pipeline phase. The streams app is measured from the
 * first to the last measured notification becoming visible (in preload mode it runs ahead of the sink), the
 * others over the deliveries (first measured arrival to the last; in rate mode both are the measured duration).
 *
 * @param events the measured events the figures are divided by
 * @param load   the load generator (within the harness), over producing the measured events
 */
public record PipelineCpu(long events, double streamsSeconds, double sinkSeconds, double brokerSeconds,
                          double harnessSeconds, LoadCpu load) {

    double streamsMsPerEvent() {
        return CpuUse.perDeliveryMs(streamsSeconds, events);
    }

    double sinkMsPerEvent() {
        return CpuUse.perDeliveryMs(sinkSeconds, events);
    }

    double brokerMsPerEvent() {
        return CpuUse.perDeliveryMs(brokerSeconds, events);
    }

    double harnessMsPerEvent() {
        return CpuUse.perDeliveryMs(harnessSeconds, events);
    }

    double loadMsPerEvent() {
        return CpuUse.perDeliveryMs(load.totalSeconds(), events);
    }
}
