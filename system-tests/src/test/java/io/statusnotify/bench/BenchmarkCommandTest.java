package io.statusnotify.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkCommandTest {

    @Test
    void optionsBecomeTheRunsSettings() {
        BenchmarkCommand command = new BenchmarkCommand();
        new CommandLine(command).parseArgs("--tenants", "4", "--users", "50", "--rate", "5000", "--duration", "2m",
                "--configured-tenants", "10000", "--sink-heap", "128m", "--no-baseline", "--out", "target/x",
                "--sink-jvm-options", " -XX:+UseSerialGC  -Xss512k ");

        BenchSettings settings = command.settings(Map.of("SNS_TENANT_MAX_IN_FLIGHT", "8", "KAFKA_LINGER_MS", "5",
                "KAFKA_BOOTSTRAP_SERVERS", "elsewhere:9092", "HOME", "/root"));

        assertThat(settings.preload()).isFalse();
        assertThat(settings.rate()).isEqualTo(5000);
        assertThat(settings.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.warmup()).as("default").isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.configuredTenants()).isEqualTo(10000);
        assertThat(settings.baseline()).isFalse();
        assertThat(settings.sinkJvmOptions()).containsExactly("-XX:+UseSerialGC", "-Xss512k");
        assertThat(settings.outDir()).isEqualTo(Path.of("target/x").toAbsolutePath().normalize());
        assertThat(settings.sinkEnv()).as("the benchmark's own broker replaces any other")
                .isEqualTo(Map.of("SNS_TENANT_MAX_IN_FLIGHT", "8", "KAFKA_LINGER_MS", "5"));
    }

    @Test
    void defaultsArePreloadModeWithTheBaseline() {
        BenchmarkCommand command = new BenchmarkCommand();
        new CommandLine(command).parseArgs();

        BenchSettings settings = command.settings(Map.of());

        assertThat(settings.preload()).isTrue();
        assertThat(settings.count()).isEqualTo(100_000);
        assertThat(settings.warmupCount()).isEqualTo(100_000);
        assertThat(settings.tenants()).isEqualTo(10);
        assertThat(settings.users()).isEqualTo(1000);
        assertThat(settings.baseline()).isTrue();
        assertThat(settings.outDir().toString()).contains("target/bench/");
    }

    @Test
    void warmUpRecordsAreForPreloadModeOnly() {
        BenchmarkCommand preload = new BenchmarkCommand();
        new CommandLine(preload).parseArgs("--count", "5000", "--warmup-count", "2000");
        BenchmarkCommand atRate = new BenchmarkCommand();
        new CommandLine(atRate).parseArgs("--rate", "100", "--warmup-count", "2000");
        BenchmarkCommand negative = new BenchmarkCommand();
        new CommandLine(negative).parseArgs("--warmup-count", "-1");

        assertThat(preload.settings(Map.of()).warmupCount()).isEqualTo(2000);
        assertThat(preload.settings(Map.of()).describe()).containsEntry("warmupCount", 2000L);
        assertThat(atRate.settings(Map.of()).warmupCount()).as("rate mode warms up by --warmup").isZero();
        assertThatThrownBy(() -> negative.settings(Map.of())).hasMessageContaining("--warmup-count must not be negative");
    }

    @Test
    void warmupCanBeSwitchedOff() {
        BenchmarkCommand command = new BenchmarkCommand();
        new CommandLine(command).parseArgs("--rate", "100", "--warmup", "0s");

        assertThat(command.settings(Map.of()).warmup()).isZero();
    }

    @Test
    void durationsTakeAUnit() {
        assertThat(BenchmarkCommand.duration("--duration", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(BenchmarkCommand.duration("--duration", "30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(BenchmarkCommand.duration("--duration", "1h")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> BenchmarkCommand.duration("--duration", "30"))
                .hasMessageContaining("--duration must look like");
        assertThatThrownBy(() -> BenchmarkCommand.duration("--timeout", "0s"))
                .hasMessageContaining("--timeout must be longer than 0");
    }

    @Test
    void aBadHeapSizeIsRefusedNamingTheOption() {
        BenchmarkCommand command = new BenchmarkCommand();
        new CommandLine(command).parseArgs("--sink-heap", "lots");

        assertThatThrownBy(() -> command.settings(Map.of())).hasMessageContaining("--sink-heap");
    }

    @Test
    void secretsInPassedThroughVariablesAreRedactedInTheReport() {
        BenchmarkCommand command = new BenchmarkCommand();
        new CommandLine(command).parseArgs();

        Map<String, Object> shown = command.settings(Map.of("KAFKA_SASL_JAAS_CONFIG", "password=\"hunter2\"")).describe();

        assertThat(shown.toString()).doesNotContain("hunter2").contains("KAFKA_SASL_JAAS_CONFIG");
    }

    @Test
    void givenNoMode_whenParsed_thenThePipelineIsMeasuredWithTheSinkOnlyDrain() {
        BenchmarkCommand command = new BenchmarkCommand();
        new CommandLine(command).parseArgs();

        BenchSettings settings = command.settings(Map.of());

        assertThat(settings.pipeline()).isTrue();
        assertThat(settings.sinkOnly()).isTrue();
        assertThat(settings.streamsHeap()).isEqualTo("512m");
        assertThat(settings.describe()).containsEntry("measured", "pipeline").containsEntry("sinkOnly", true);
    }

    @Test
    void givenTheNewOptions_whenParsed_thenTheyBecomeTheRunsSettings() {
        BenchmarkCommand command = new BenchmarkCommand();
        new CommandLine(command).parseArgs("--mode", "pipeline", "--streams-heap", "1g", "--no-sink-only");

        BenchSettings settings = command.settings(Map.of("SNS_STREAMS_NUM_THREADS", "2"));

        assertThat(settings.streamsHeap()).isEqualTo("1g");
        assertThat(settings.sinkOnly()).isFalse();
        assertThat(settings.sinkEnv()).as("passed to both apps").containsEntry("SNS_STREAMS_NUM_THREADS", "2");
    }

    @Test
    void givenSinkMode_whenParsed_thenTodaysRunIsKept() {
        BenchmarkCommand command = new BenchmarkCommand();
        new CommandLine(command).parseArgs("--mode", "sink");

        BenchSettings settings = command.settings(Map.of());

        assertThat(settings.pipeline()).isFalse();
        assertThat(settings.describe()).containsEntry("measured", "sink").doesNotContainKey("streamsHeap");
    }

    @Test
    void givenBadNewOptions_whenValidated_thenTheMessageNamesTheOption() {
        BenchmarkCommand mode = new BenchmarkCommand();
        new CommandLine(mode).parseArgs("--mode", "streams");
        BenchmarkCommand heap = new BenchmarkCommand();
        new CommandLine(heap).parseArgs("--streams-heap", "big");

        assertThatThrownBy(() -> mode.settings(Map.of())).hasMessageContaining("--mode must be pipeline or sink");
        assertThatThrownBy(() -> heap.settings(Map.of())).hasMessageContaining("--streams-heap");
    }

    @Test
    void givenPipelineMode_whenCountsExceedAnInt_thenTheyAreAccepted() {
        BenchmarkCommand pipeline = new BenchmarkCommand();
        new CommandLine(pipeline).parseArgs("--count", "2000000000", "--warmup-count", "500000000");
        BenchmarkCommand sink = new BenchmarkCommand();
        new CommandLine(sink).parseArgs("--mode", "sink", "--count", "2000000000", "--warmup-count", "500000000");

        assertThat(pipeline.settings(Map.of()).count()).isEqualTo(2_000_000_000L);
        assertThatThrownBy(() -> sink.settings(Map.of())).hasMessageContaining("--count plus --warmup-count");
    }

    @Test
    void givenHelp_whenPrinted_thenEveryNewOptionIsDocumented() {
        String usage = new CommandLine(new BenchmarkCommand()).getUsageMessage();

        assertThat(usage).contains("--mode", "--streams-heap", "--[no-]sink-only", "--[no-]baseline");
    }

    @Test
    void givenAWarmupRateAndBrokerConfigs_whenParsed_thenTheWarmupUsesThatRateAndTheBrokerGetsThem() {
        BenchmarkCommand command = new BenchmarkCommand();
        new CommandLine(command).parseArgs("--rate", "100", "--warmup-rate", "3000", "--broker-config",
                "num.io.threads=4", "--broker-config", "add.partitions.to.txn.retry.backoff.ms=5");

        BenchSettings settings = command.settings(Map.of());

        assertThat(settings.warmupRateOrRate()).isEqualTo(3000.0);
        assertThat(settings.brokerConfig()).containsExactlyInAnyOrderEntriesOf(Map.of("num.io.threads", "4",
                "add.partitions.to.txn.retry.backoff.ms", "5"));
        assertThat(settings.describe()).containsEntry("warmupRate", 3000.0);
    }

    @Test
    void givenNoWarmupRate_whenParsed_thenTheWarmupRunsAtTheMeasuredRate() {
        BenchmarkCommand command = new BenchmarkCommand();
        new CommandLine(command).parseArgs("--rate", "250");

        assertThat(command.settings(Map.of()).warmupRateOrRate()).isEqualTo(250.0);
    }

    @Test
    void givenABadBrokerConfigOrWarmupRate_whenParsed_thenRefusedNamingTheOption() {
        BenchmarkCommand badKey = new BenchmarkCommand();
        new CommandLine(badKey).parseArgs("--broker-config", "Not A Key=1");
        BenchmarkCommand negative = new BenchmarkCommand();
        new CommandLine(negative).parseArgs("--rate", "100", "--warmup-rate", "-5");

        assertThatThrownBy(() -> badKey.settings(Map.of())).hasMessageContaining("--broker-config");
        assertThatThrownBy(() -> negative.settings(Map.of())).hasMessageContaining("--warmup-rate");
    }
}
