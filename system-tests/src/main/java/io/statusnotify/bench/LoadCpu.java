package io.statusnotify.bench;

/**
 * CPU seconds of the load generator (inside the harness JVM).
 *
 * @param producingSeconds the thread making the records and handing them to the producer
 * @param ioSeconds        the producer's I/O thread
 */
public record LoadCpu(double producingSeconds, double ioSeconds) {

    LoadCpu minus(LoadCpu before) {
        return new LoadCpu(round(producingSeconds - before.producingSeconds), round(ioSeconds - before.ioSeconds));
    }

    double totalSeconds() {
        return round(producingSeconds + ioSeconds);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
