package org.complaintsuite.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** Identifies one complaint across every service; the Kafka key of all its records. */
public record ComplaintId(String value) {

    public ComplaintId {
        Objects.requireNonNull(value, "complaintId");
        if (value.isBlank()) {
            throw new IllegalArgumentException("complaintId must not be blank");
        }
    }

    @JsonCreator
    public static ComplaintId of(String value) {
        return new ComplaintId(value);
    }

    public static ComplaintId random() {
        return new ComplaintId(UUID.randomUUID().toString());
    }

    /** The same natural key always gives the same id, so a retried submission cannot open a second complaint. */
    public static ComplaintId fromNaturalKey(String naturalKey) {
        return new ComplaintId(UUID.nameUUIDFromBytes(naturalKey.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
