package io.statusnotify.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.DialectId;
import com.networknt.schema.dialect.Dialects;

import java.util.List;

/**
 * The Compose Specification's own JSON Schema (vendored under {@value #RESOURCE}, see the README beside it), checked
 * with networknt's json-schema-validator.
 */
final class ComposeSchema {
    static final String RESOURCE = "/compose-spec/compose-spec.json";
    /**
     * How the schema names its dialect: draft 7 by an https IRI without the fragment, which the validator does not
     * know as draft 7 and would try to download. Taken as draft 7, and nothing is fetched.
     */
    private static final String SCHEMA_DIALECT = "https://json-schema.org/draft-07/schema";
    private static final Schema SCHEMA = load();

    private ComposeSchema() {
    }

    /** Where the document breaks the specification, one line each ({@code /services/sink/ports: null found, array expected}). */
    static List<String> violations(JsonNode document) {
        return SCHEMA.validate(document).stream().map(Object::toString).toList();
    }

    private static Schema load() {
        Dialect draft7 = Dialects.getDraft7();
        SchemaRegistry registry = SchemaRegistry.withDialects(List.of(draft7, Dialect.builder(SCHEMA_DIALECT, draft7).build()),
                builder -> builder.defaultDialectId(DialectId.DRAFT_7)
                        .schemaLoader(loader -> loader.fetchRemoteResources(false)));
        // Read from the classpath by IRI: the schema's relative $id ("compose_spec.json") resolves against it.
        if (ComposeSchema.class.getResource(RESOURCE) == null) {
            throw new IllegalStateException(RESOURCE + " is not on the test classpath");
        }
        return registry.getSchema(SchemaLocation.of("classpath:" + RESOURCE.substring(1)));
    }
}
