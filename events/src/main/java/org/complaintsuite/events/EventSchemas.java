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

    /** What channel gateways submit on {@code intake.submissions.v1} (and the intake HTTP API accepts). */
    public static final String SUBMISSION_SCHEMA = "/schemas/ComplaintSubmission.v1.json";

    /** What survey gateways publish on {@code feedback.responses.v1}: one call attempt of a follow-up. */
    public static final String RESPONSE_SCHEMA = "/schemas/FollowUpResponse.v1.json";

    private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);
    private final Schema submission;
    private final Schema response;

    public EventSchemas() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (EventType type : EventType.values()) {
            schemas.put(type, load(registry, type.schemaResource()));
        }
        submission = load(registry, SUBMISSION_SCHEMA);
        response = load(registry, RESPONSE_SCHEMA);
    }

    private static Schema load(SchemaRegistry registry, String resource) {
        try (InputStream in = EventSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no JSON Schema at " + resource);
            }
            return registry.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations of a channel's submission; empty when valid. */
    public List<String> submissionViolations(byte[] json) {
        return messages(submission.validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON));
    }

    /** The violations of a survey gateway's follow-up response; empty when valid. */
    public List<String> responseViolations(byte[] json) {
        return messages(response.validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    /** The violations of {@code json} against the schema of {@code type}; empty when valid. */
    public List<String> violations(EventType type, byte[] json) {
        return messages(schemas.get(type).validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON));
    }

    public List<String> violations(LifecycleEvent event) {
        return violations(EventType.of(event.getClass()), EventJson.write(event));
    }
}
