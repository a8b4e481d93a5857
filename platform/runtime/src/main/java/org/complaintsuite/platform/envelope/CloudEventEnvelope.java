package org.complaintsuite.platform.envelope;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.complaintsuite.events.CloudEventHeaders;
import org.complaintsuite.events.EventJson;
import org.complaintsuite.events.EventType;
import org.complaintsuite.events.LifecycleEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** CloudEvents 1.0 Kafka binary mode: attributes as {@code ce_*} headers, the event JSON as the value. */
public final class CloudEventEnvelope {

    private CloudEventEnvelope() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String ceId, String source, Instant time, LifecycleEvent event,
                                                          String correlationId, String causationId) {
        EventType type = EventType.of(event.getClass());
        Headers headers = new RecordHeaders();
        put(headers, CloudEventHeaders.ID, ceId);
        put(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        put(headers, CloudEventHeaders.TYPE, type.ceType());
        put(headers, CloudEventHeaders.SOURCE, source);
        put(headers, CloudEventHeaders.TIME, time.toString());
        put(headers, CloudEventHeaders.SUBJECT, event.complaintId().value());
        put(headers, CloudEventHeaders.DATA_SCHEMA, type.schemaId());
        put(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (correlationId != null) {
            put(headers, CloudEventHeaders.CORRELATION_ID, correlationId);
        }
        if (causationId != null) {
            put(headers, CloudEventHeaders.CAUSATION_ID, causationId);
        }
        return new ProducerRecord<>(type.topic().topicName(), null, time.toEpochMilli(),
                event.complaintId().value(), EventJson.write(event), headers);
    }

    /**
     * Decodes a record. Empty for a well-formed event of a type this suite does not know (a newer
     * producer): consumers skip it. Throws {@link PoisonRecordException} for anything malformed.
     */
    public static Optional<InboundEvent> fromRecord(ConsumerRecord<String, byte[]> record) {
        String ceId = required(record.headers(), CloudEventHeaders.ID);
        String ceType = required(record.headers(), CloudEventHeaders.TYPE);
        String specVersion = required(record.headers(), CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new PoisonRecordException("unsupported ce_specversion " + specVersion);
        }
        Optional<EventType> type = EventType.ofCeType(ceType);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        if (record.value() == null) {
            throw new PoisonRecordException("record has no value");
        }
        Instant time;
        try {
            time = Instant.parse(required(record.headers(), CloudEventHeaders.TIME));
        } catch (DateTimeParseException e) {
            throw new PoisonRecordException("ce_time is not an RFC 3339 timestamp", e);
        }
        LifecycleEvent payload;
        try {
            payload = EventJson.read(record.value(), type.get().recordClass());
        } catch (RuntimeException e) {
            throw new PoisonRecordException("value is not a valid " + type.get().simpleName() + ": " + e.getMessage(), e);
        }
        if (payload.complaintId() == null) {
            throw new PoisonRecordException("payload has no complaintId");
        }
        return Optional.of(new InboundEvent(ceId, type.get(), header(record.headers(), CloudEventHeaders.SOURCE),
                time, header(record.headers(), CloudEventHeaders.CORRELATION_ID), payload));
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null || value.isBlank()) {
            throw new PoisonRecordException("missing header " + name);
        }
        return value;
    }

    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
