package io.statusnotify.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The services of compose.yml, and what each app service's image says about its admin port and health check. */
final class ComposeServices {
    /** The commands of the two apps; other services (the demo receiver) may run the same image differently. */
    static final List<String> APP_COMMANDS = List.of("streams", "sink");
    private static final Pattern HEALTHCHECK_CMD = Pattern.compile("^HEALTHCHECK .*CMD (.+)$");

    private final JsonNode services;

    ComposeServices(JsonNode compose) {
        this.services = compose.path("services");
    }

    List<String> names() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode service(String name) {
        return services.path(name);
    }

    /** The Dockerfile a service builds, resolved as compose does (context relative to docker/). */
    Optional<Path> dockerfile(String name) {
        JsonNode build = service(name).path("build");
        if (build.isMissingNode()) return Optional.empty();
        Path context = DeploymentFiles.DOCKER.resolve(build.path("context").asText(".")).normalize();
        return Optional.of(context.resolve(build.path("dockerfile").asText("Dockerfile")).normalize());
    }

    /** Services that build an image and run one of the apps in it. */
    List<String> appServices() {
        return names().stream()
                .filter(name -> dockerfile(name).isPresent())
                .filter(name -> APP_COMMANDS.contains(service(name).path("command").path(0).asText()))
                .toList();
    }

    /** SNS_ADMIN_PORT as the container sees it: compose's environment over the image's ENV. */
    Optional<String> adminPort(String name) {
        JsonNode set = service(name).path("environment").path("SNS_ADMIN_PORT");
        if (!set.isMissingNode()) return Optional.of(set.asText());
        return imageEnv(name).entrySet().stream().filter(e -> e.getKey().equals("SNS_ADMIN_PORT"))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The health check command: compose's {@code healthcheck.test} over the image's HEALTHCHECK. */
    Optional<String> healthcheck(String name) {
        JsonNode test = service(name).path("healthcheck").path("test");
        if (!test.isMissingNode()) return Optional.of(test.toString());
        return instructions(name).stream().map(HEALTHCHECK_CMD::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).findFirst();
    }

    List<String> exposedPorts(String name) {
        return instructions(name).stream().filter(i -> i.startsWith("EXPOSE "))
                .flatMap(i -> List.of(i.substring("EXPOSE ".length()).trim().split("\\s+")).stream()).toList();
    }

    List<String> instructions(String name) {
        return dockerfile(name).map(DeploymentFiles::dockerfileInstructions).orElse(List.of());
    }

    private Map<String, String> imageEnv(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String instruction : instructions(name)) {
            if (!instruction.startsWith("ENV ")) continue;
            for (String pair : instruction.substring("ENV ".length()).trim().split("\\s+")) {
                int eq = pair.indexOf('=');
                if (eq > 0) env.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return env;
    }
}
