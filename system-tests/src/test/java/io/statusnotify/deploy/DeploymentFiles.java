package io.statusnotify.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files of {@code docker/} read as data: compose, Prometheus, Grafana, the Dockerfiles. */
final class DeploymentFiles {
    /** Tests run in the module's directory; the deployment files are the repository's. */
    static final Path DOCKER = Path.of("..", "docker").toAbsolutePath().normalize();
    static final Path REPOSITORY = DOCKER.getParent();
    static final Path COMPOSE = DOCKER.resolve("compose.yml");
    static final Path COMPOSE_SCALE = DOCKER.resolve("compose.scale.yml");
    static final Path PROMETHEUS = DOCKER.resolve("prometheus/prometheus.yml");
    static final Path DASHBOARD = DOCKER.resolve("grafana/dashboards/statusnotify.json");
    static final Path DATASOURCES = DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml");
    static final Path DASHBOARD_PROVIDERS = DOCKER.resolve("grafana/provisioning/dashboards/statusnotify.yml");
    static final Path HEALTHCHECK_SCRIPT = DOCKER.resolve("healthcheck.sh");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private DeploymentFiles() {
    }

    /** compose.yml as Docker Compose reads it (anchors, aliases and merge keys resolved): see {@link ComposeYaml}. */
    static JsonNode compose() {
        return ComposeYaml.read(COMPOSE);
    }

    /** compose.scale.yml likewise, its {@code !reset} tags read as the values they tag. */
    static JsonNode composeScale() {
        return ComposeYaml.read(COMPOSE_SCALE);
    }

    static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Dockerfile's instructions, one per element, with continuation lines joined and comments left out. */
    static List<String> dockerfileInstructions(Path dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try {
            for (String line : Files.readAllLines(dockerfile)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || trimmed.isEmpty()) continue;
                if (trimmed.endsWith("\\")) {
                    current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                } else {
                    instructions.add(current.append(trimmed).toString());
                    current.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return instructions;
    }
}
