package io.statusnotify.scripts;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the repository's launcher scripts in a temporary "fresh clone" with fakes on PATH: {@code mvn} records
 * each call, waits until the test releases it, then fails or writes what a real build leaves (the jar, the
 * benchmark's classpath file and classes); {@code java} records its arguments and runs while {@code hold-java}
 * exists. Optionally without {@code flock} on PATH.
 */
final class ScriptSandbox {
    /** Tests run in the module's directory. */
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final String FAKE_MVN = """
            #!/usr/bin/env bash
            echo "$*" >> "$FAKE_CALLS/mvn"
            while [ ! -e "$FAKE_CALLS/release" ]; do sleep 0.05; done
            [ -e "$FAKE_CALLS/fail" ] && exit 1
            prev=""; out=""; repo=""
            for arg in "$@"; do
              case "$arg" in -Dmdep.outputFile=*) out="${arg#*=}" ;; esac
              [ "$prev" = -f ] && repo="$(dirname "$arg")"
              prev="$arg"
            done
            mkdir -p "$repo/cli/target" "$repo/system-tests/target/classes"
            echo jar > "$repo/cli/target/statusnotify.jar"
            if [ -n "$out" ]; then echo /fake/dependency.jar > "$out"; fi
            """;
    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            echo "$*" >> "$FAKE_CALLS/java"
            while [ -e "$FAKE_CALLS/hold-java" ]; do sleep 0.05; done
            """;

    final Path repo;
    final Path calls;
    private final String path;

    private ScriptSandbox(Path repo, Path calls, String path) {
        this.repo = repo;
        this.calls = calls;
        this.path = path;
    }

    static ScriptSandbox create(Path root, boolean withFlock) throws IOException {
        Path repo = Files.createDirectories(root.resolve("clone"));
        for (String file : List.of("statusnotify", "benchmark", "scripts/build-lock.sh", "pom.xml")) {
            Files.createDirectories(repo.resolve(file).getParent());
            Files.copy(REPOSITORY.resolve(file), repo.resolve(file));
        }
        Path fakes = Files.createDirectories(root.resolve("fake-bin"));
        executable(fakes.resolve("mvn"), FAKE_MVN);
        executable(fakes.resolve("java"), FAKE_JAVA);
        String systemPath = System.getenv("PATH");
        String path = fakes + File.pathSeparator + (withFlock ? systemPath : withoutFlock(root, systemPath));
        return new ScriptSandbox(repo, Files.createDirectories(root.resolve("calls")), path);
    }

    /** Starts {@code bash <script> args} in the clone; its stdout and stderr go to {@code <name>.out}. */
    Process start(String script, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", repo.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output(name).toFile());
        builder.environment().put("PATH", path);
        builder.environment().put("FAKE_CALLS", calls.toString());
        builder.environment().remove("BENCHMARK_SKIP_BUILD");
        return builder.start();
    }

    Path output(String name) {
        return calls.resolve(name + ".out");
    }

    String outputText(String name) throws IOException {
        return Files.exists(output(name)) ? Files.readString(output(name)) : "";
    }

    /** One line per call of the fake {@code tool} so far. */
    List<String> calls(String tool) throws IOException {
        Path log = calls.resolve(tool);
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    void releaseBuilds() throws IOException {
        Files.writeString(calls.resolve("release"), "");
    }

    void failBuilds() throws IOException {
        Files.writeString(calls.resolve("fail"), "");
    }

    /** A directory of links to every command on PATH but flock, as on a machine without util-linux's flock. */
    private static String withoutFlock(Path root, String systemPath) throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin-without-flock"));
        for (String dir : systemPath.split(File.pathSeparator)) {
            Path directory = Path.of(dir);
            if (!Files.isDirectory(directory)) continue;
            try (Stream<Path> commands = Files.list(directory)) {
                for (Path command : commands.toList()) {
                    String name = command.getFileName().toString();
                    Path link = bin.resolve(name);
                    // The first of a name on PATH wins, as in a shell.
                    if (name.equals("flock") || Files.exists(link, LinkOption.NOFOLLOW_LINKS)
                            || !Files.isExecutable(command)) continue;
                    Files.createSymbolicLink(link, command);
                }
            }
        }
        return bin.toString();
    }

    private static void executable(Path file, String text) {
        try {
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
