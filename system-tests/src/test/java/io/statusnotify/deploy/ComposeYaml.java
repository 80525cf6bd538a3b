package io.statusnotify.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Compose file read as one Compose file is before merging: anchors, aliases and merge keys ({@code <<: *app})
 * resolved, duplicate keys refused, and Compose's own tags {@code !reset} and {@code !override} read as the value they
 * tag. The specification requires that value to be valid for the attribute even though the merge then ignores
 * ({@code !reset}) or takes it whole ({@code !override}), so validating it is validating the file. Any other tag is
 * refused, as Compose refuses it. Jackson's YAML parser leaves aliases unresolved, so SnakeYAML builds the tree.
 */
final class ComposeYaml {
    private static final List<Tag> COMPOSE_TAGS = List.of(new Tag("!reset"), new Tag("!override"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private ComposeYaml() {
    }

    static JsonNode read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return JSON.valueToTree(new Yaml(new ComposeConstructor(options)).load(yaml));
    }

    private static final class ComposeConstructor extends SafeConstructor {
        private final Resolver resolver = new Resolver();

        ComposeConstructor(LoaderOptions options) {
            super(options);
            for (Tag tag : COMPOSE_TAGS) yamlConstructors.put(tag, new TaggedValue());
        }

        /** Builds the node as if it had no tag: its kind (and a scalar's text) decides the type, as in plain YAML. */
        private final class TaggedValue extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Tag plain = node instanceof ScalarNode scalar ? resolver.resolve(NodeId.scalar, scalar.getValue(), true)
                        : node instanceof SequenceNode ? Tag.SEQ : Tag.MAP;
                node.setTag(plain);
                return yamlConstructors.get(plain).construct(node);
            }
        }
    }
}
