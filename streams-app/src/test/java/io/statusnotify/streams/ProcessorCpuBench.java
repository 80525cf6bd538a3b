package io.statusnotify.streams;

import org.apache.kafka.streams.TestInputTopic;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU per event of the real topology in a {@link org.apache.kafka.streams.TopologyTestDriver}: realistic events
 * (see {@link BenchEvents}) for enabled tenants, warmed up first, then measured as the calling thread's CPU time
 * (not wall time, so other work on a shared machine matters less). Draining the output topic is left out of the
 * figure. Run (after {@code mvn -B -pl streams-app -am test-compile}) with
 * {@code streams-app/cpu-bench.sh [measured] [warm-up] [rounds]}; with {@code --processor} first, the processor
 * alone ({@link ProcessorOnlyBench}).
 */
public final class ProcessorCpuBench {
    private static final int DRAIN_EVERY = 1000;

    private ProcessorCpuBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--run")) {
            StreamsRunBench.run(args.length > 1 ? Integer.parseInt(args[1]) : 300_000,
                    args.length > 2 ? Integer.parseInt(args[2]) : 300_000);
            return;
        }
        if (args.length > 0 && args[0].equals("--processor")) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            ProcessorOnlyBench.run(count(rest, 0, 200_000), count(rest, 1, 200_000), count(rest, 2, 3));
            return;
        }
        int measured = count(args, 0, 200_000);
        int warmup = count(args, 1, 200_000);
        int rounds = count(args, 2, 3);
        List<String> tenants = BenchEvents.tenants(20);
        List<BenchEvents.Event> events = BenchEvents.generate(Math.max(measured, warmup), tenants, 50_000, 42);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Path stateDir = Files.createTempDirectory("cpu-bench");
        try (TopologyFixture app = new TopologyFixture(stateDir)) {
            tenants.forEach(app::enable);
            run(app, events, warmup, threads);
            System.out.printf("warm-up: %,d events%n", warmup);
            for (int round = 1; round <= rounds; round++) {
                long cpu = run(app, events, measured, threads);
                System.out.printf("round %d: %,d events, %.3f s CPU, %,d ns CPU per event%n", round, measured,
                        cpu / 1e9, cpu / measured);
            }
            if (app.dlq.getQueueSize() > 0) throw new IllegalStateException("events were dead-lettered");
        }
    }

    private static int count(String[] args, int index, int otherwise) {
        return args.length > index ? Integer.parseInt(args[index]) : otherwise;
    }

    /** The calling thread's CPU nanoseconds spent piping {@code count} events, drains excluded. */
    private static long run(TopologyFixture app, List<BenchEvents.Event> events, int count, ThreadMXBean threads) {
        TestInputTopic<String, byte[]> input = app.events;
        long cpu = 0;
        long out = 0;
        for (int from = 0; from < count; from += DRAIN_EVERY) {
            int to = Math.min(count, from + DRAIN_EVERY);
            long start = threads.getCurrentThreadCpuTime();
            for (int i = from; i < to; i++) {
                BenchEvents.Event event = events.get(i);
                input.pipeInput(event.key(), event.value());
            }
            cpu += threads.getCurrentThreadCpuTime() - start;
            out += app.notifications.readRecordsToList().size();
        }
        if (out != count) throw new IllegalStateException("expected " + count + " notifications, got " + out);
        return cpu;
    }
}
