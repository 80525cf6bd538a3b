package io.statusnotify.scripts;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * ./statusnotify and ./benchmark build on first use under one lock (scripts/build-lock.sh): two started at once on a
 * fresh clone build once, and both run. With flock(1) and with the mkdir lock used where flock is missing.
 */
class BuildLockTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String WAITING = "waiting for another build to finish";

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    static Stream<Arguments> scriptsAndLocks() {
        return Stream.of("statusnotify", "benchmark").flatMap(script -> Stream.of(
                Arguments.of(script, true), Arguments.of(script, false)));
    }

    @ParameterizedTest(name = "./{0}, flock on PATH: {1}")
    @MethodSource("scriptsAndLocks")
    void givenTwoStartedAtOnceOnAFreshCloneWhenOneBuildsThenTheOtherWaitsAndRunsWithoutBuilding(
            String script, boolean withFlock, @TempDir Path root) throws Exception {
        ScriptSandbox sandbox = sandbox(root, withFlock);

        Process first = start(sandbox, script, "first");
        Process second = start(sandbox, script, "second");

        // the build holds until released: by then one builds and the other says it waits
        await("one build, one waiting").atMost(WAIT).until(() -> sandbox.calls("mvn").size() == 1
                && (sandbox.outputText("first") + sandbox.outputText("second")).contains(WAITING));
        sandbox.releaseBuilds();
        assertExitsWith(0, first, sandbox, "first");
        assertExitsWith(0, second, sandbox, "second");
        assertThat(sandbox.calls("mvn")).as("Maven runs").hasSize(1);
        assertThat(sandbox.calls("java")).as("both ran the command").hasSize(2).allSatisfy(call ->
                assertThat(call).endsWith("--help"));
        assertThat(Stream.of("first", "second").filter(name -> text(sandbox, name).contains(WAITING)))
                .as("the one that waited").hasSize(1);
    }

    @ParameterizedTest(name = "flock on PATH: {0}")
    @ValueSource(booleans = {true, false})
    void givenAFailedBuildWhenTheNextCommandStartsThenItBuildsWithoutWaiting(boolean withFlock, @TempDir Path root)
            throws Exception {
        ScriptSandbox sandbox = sandbox(root, withFlock);
        sandbox.failBuilds();
        sandbox.releaseBuilds();
        assertExitsWith(1, start(sandbox, "statusnotify", "failed"), sandbox, "failed");
        Files.delete(sandbox.calls.resolve("fail"));

        assertExitsWith(0, start(sandbox, "statusnotify", "next"), sandbox, "next");

        assertThat(sandbox.calls("mvn")).hasSize(2);
        assertThat(sandbox.outputText("next")).doesNotContain(WAITING);
        assertThat(sandbox.repo.resolve(".statusnotify/build.lock.d")).as("mkdir lock left behind").doesNotExist();
    }

    @Test
    void givenAMkdirLockLeftByAKilledBuildWhenACommandStartsThenItTakesTheLockOverAndBuilds(@TempDir Path root)
            throws Exception {
        ScriptSandbox sandbox = sandbox(root, false);
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(10, TimeUnit.SECONDS)).isTrue();
        Path lock = Files.createDirectories(sandbox.repo.resolve(".statusnotify/build.lock.d"));
        Files.writeString(lock.resolve("pid"), gone.pid() + "\n");
        sandbox.releaseBuilds();

        assertExitsWith(0, start(sandbox, "statusnotify", "after-kill"), sandbox, "after-kill");

        assertThat(sandbox.outputText("after-kill"))
                .contains("taking over the build lock of process " + gone.pid() + ", which is gone");
        assertThat(sandbox.calls("mvn")).hasSize(1);
        assertThat(lock).doesNotExist();
    }

    @ParameterizedTest(name = "flock on PATH: {0}")
    @ValueSource(booleans = {true, false})
    void givenAnAppStillRunningWhenSourcesChangeThenTheNextCommandBuildsWithoutWaitingForTheApp(boolean withFlock,
            @TempDir Path root) throws Exception {
        ScriptSandbox sandbox = sandbox(root, withFlock);
        sandbox.releaseBuilds();
        Path hold = Files.writeString(sandbox.calls.resolve("hold-java"), "");
        Process running = start(sandbox, "statusnotify", "running");
        await("the app runs").atMost(WAIT).until(() -> sandbox.calls("java").size() == 1);
        Path source = Files.createDirectories(sandbox.repo.resolve("cli/src")).resolve("Changed.java");
        Files.writeString(source, "class Changed {}");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(60)));

        Process rebuild = start(sandbox, "statusnotify", "rebuild");

        // built and running too, while the first app still runs
        await("the second app runs").atMost(WAIT).until(() -> sandbox.calls("java").size() == 2);
        assertThat(running.isAlive()).isTrue();
        assertThat(sandbox.outputText("rebuild")).contains("sources changed").doesNotContain(WAITING);
        assertThat(sandbox.calls("mvn")).hasSize(2);
        Files.delete(hold);
        assertExitsWith(0, running, sandbox, "running");
        assertExitsWith(0, rebuild, sandbox, "rebuild");
    }

    private static ScriptSandbox sandbox(Path root, boolean withFlock) throws IOException {
        if (withFlock) {
            assumeTrue(Stream.of(System.getenv("PATH").split(File.pathSeparator))
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, "flock"))), "flock(1) is not installed here");
        }
        return ScriptSandbox.create(root, withFlock);
    }

    private Process start(ScriptSandbox sandbox, String script, String name) throws IOException {
        Process process = sandbox.start(script, name, "--help");
        started.add(process);
        return process;
    }

    private static void assertExitsWith(int code, Process process, ScriptSandbox sandbox, String name)
            throws Exception {
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("%s ended; output:%n%s", name,
                sandbox.outputText(name)).isTrue();
        assertThat(process.exitValue()).as("%s exit code; output:%n%s", name, sandbox.outputText(name)).isEqualTo(code);
    }

    private static String text(ScriptSandbox sandbox, String name) {
        try {
            return sandbox.outputText(name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
