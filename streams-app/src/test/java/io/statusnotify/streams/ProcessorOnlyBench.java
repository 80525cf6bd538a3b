package io.statusnotify.streams;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.statusnotify.schema.ConfigEntry;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * CPU per event of {@link UserStatusProcessor} alone, without the TopologyTestDriver's per-record commit: the
 * processor with its real config store (metered, with its serde) in a {@link MockProcessorContext}. Run with
 * {@code streams-app/cpu-bench.sh --processor [measured] [warm-up] [rounds]}.
 */
final class ProcessorOnlyBench {
    private ProcessorOnlyBench() {
    }

    static void run(int measured, int warmup, int rounds) {
        List<String> tenants = BenchEvents.tenants(20);
        List<BenchEvents.Event> events = BenchEvents.generate(Math.max(measured, warmup), tenants, 50_000, 42);
        Properties props = new Properties();
        props.put("application.id", "cpu-bench");
        props.put("bootstrap.servers", "unused:9092");
        MockProcessorContext<String, byte[]> context = new MockProcessorContext<>(props);
        KeyValueStore<String, ConfigEntry> store = NotificationTopology.configStore().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        for (String tenant : tenants) {
            store.put(tenant, ConfigEntry.parse(tenant, ("{\"enabled\":true,\"serverUrl\":\"https://hooks.example.com/"
                    + tenant + "\"}").getBytes(StandardCharsets.UTF_8)));
        }
        UserStatusProcessor processor = new UserStatusProcessor(TopologySettings.defaults(),
                new PipelineMeters(new SimpleMeterRegistry()));
        processor.init(context);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        pipe(processor, context, events, warmup, threads);
        System.out.printf("processor only, warm-up: %,d events%n", warmup);
        for (int round = 1; round <= rounds; round++) {
            long cpu = pipe(processor, context, events, measured, threads);
            System.out.printf("processor only, round %d: %,d events, %.3f s CPU, %,d ns CPU per event%n", round,
                    measured, cpu / 1e9, cpu / measured);
        }
    }

    private static long pipe(UserStatusProcessor processor, MockProcessorContext<String, byte[]> context,
                             List<BenchEvents.Event> events, int count, ThreadMXBean threads) {
        long cpu = 0;
        for (int from = 0; from < count; from += 1000) {
            int to = Math.min(count, from + 1000);
            long start = threads.getCurrentThreadCpuTime();
            for (int i = from; i < to; i++) {
                BenchEvents.Event event = events.get(i);
                context.setRecordMetadata("portal.user-status", i % 6, i);
                processor.process(new Record<>(event.key(), event.value(), 1_764_079_200_000L));
            }
            cpu += threads.getCurrentThreadCpuTime() - start;
            if (context.forwarded().size() != to - from) throw new IllegalStateException("not every event forwarded");
            context.resetForwards();
        }
        return cpu;
    }
}
