package io.statusnotify.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The compose files against the Compose Specification's own JSON Schema, as Docker Compose checks them. */
class ComposeSchemaTest {
    private static final Path SCHEMA_README = Path.of("src/test/resources/compose-spec/README.md");

    @Test
    void composeFileFollowsTheComposeSpecification() {
        assertThat(ComposeSchema.violations(DeploymentFiles.compose())).isEmpty();
    }

    @Test
    void scaleOverrideFollowsTheComposeSpecification() {
        assertThat(ComposeSchema.violations(DeploymentFiles.composeScale())).isEmpty();
    }

    /** Each row: a change to compose.yml that is still YAML but not Compose, and where the schema must say so. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            misspelt service attribute     | depends_on: *needs-kafka            | depend_on: *needs-kafka               | /services/streams: property 'depend_on' is not defined
            unknown depends_on condition   | condition: service_healthy          | condition: healthy                    | /services/streams/depends_on/kafka/condition: does not have a value in the enumeration
            secret from a list, not a name | environment: DEMO_RECEIVER_PASSWORD | environment: [DEMO_RECEIVER_PASSWORD] | /secrets/receiver_password/environment: array found, string expected
            misspelt top-level element     | \\nvolumes:\\n  kafka-data:           | \\nvolume:\\n  kafka-data:              | property 'volume' is not defined
            """)
    void givenAComposeFileThatBreaksTheSpecification_whenValidated_thenTheViolationIsNamed(
            String change, String from, String to, String named) throws IOException {
        String original = Files.readString(DeploymentFiles.COMPOSE);
        String broken = original.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        assertThat(broken).as("%s: the change applies to compose.yml", change).isNotEqualTo(original);

        assertThat(ComposeSchema.violations(ComposeYaml.parse(broken))).as(change).isNotEmpty()
                .anySatisfy(violation -> assertThat(violation).contains(named));
    }

    @Test
    void givenAResetTagOnAValueTheAttributeCannotTake_whenValidated_thenItIsReported() throws IOException {
        // Compose requires the tagged value to be valid for the attribute ("services.web.volumes must be a list").
        String broken = Files.readString(DeploymentFiles.COMPOSE_SCALE).replace("ports: !reset []", "ports: !reset null");

        assertThat(ComposeSchema.violations(ComposeYaml.parse(broken)))
                .anySatisfy(violation -> assertThat(violation).isEqualTo("/services/streams/ports: null found, array expected"));
    }

    @Test
    void givenATagComposeDoesNotKnow_whenRead_thenTheFileIsRefused() throws IOException {
        String misspelt = Files.readString(DeploymentFiles.COMPOSE_SCALE).replace("ports: !reset []", "ports: !rest []");

        assertThatThrownBy(() -> ComposeYaml.parse(misspelt)).isInstanceOf(YAMLException.class).hasMessageContaining("!rest");
    }

    @Test
    void givenADuplicateKey_whenRead_thenTheFileIsRefused() throws IOException {
        String twice = Files.readString(DeploymentFiles.COMPOSE).replace("name: statusnotify\n",
                "name: statusnotify\nname: again\n");

        assertThatThrownBy(() -> ComposeYaml.parse(twice)).isInstanceOf(YAMLException.class).hasMessageContaining("name");
    }

    @Test
    void theVendoredSchemaIsTheFileItsReadmeNames() throws IOException, NoSuchAlgorithmException {
        byte[] schema;
        try (InputStream in = ComposeSchema.class.getResourceAsStream(ComposeSchema.RESOURCE)) {
            assertThat(in).as(ComposeSchema.RESOURCE).isNotNull();
            schema = in.readAllBytes();
        }
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(schema));

        // Edited by hand (to let a file through, say), it is no longer the specification's schema.
        assertThat(Files.readString(SCHEMA_README)).contains("SHA-256 `" + sha256 + "`")
                .contains("compose-spec/compose-spec").contains("schema/compose-spec.json");
    }
}
