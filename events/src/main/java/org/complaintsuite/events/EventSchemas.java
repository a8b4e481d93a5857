package org.complaintsuite.events;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Validates event payloads against the JSON Schemas shipped in this module. */
public final class EventSchemas {

    private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);

    public EventSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("no JSON Schema for " + type.simpleName() + " at " + type.schemaResource());
                }
                schemas.put(type, registry.getSchema(in, InputFormat.JSON));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The violations of {@code json} against the schema of {@code type}; empty when valid. */
    public List<String> violations(EventType type, byte[] json) {
        List<Error> errors = schemas.get(type).validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }

    public List<String> violations(LifecycleEvent event) {
        return violations(EventType.of(event.getClass()), EventJson.write(event));
    }
}
