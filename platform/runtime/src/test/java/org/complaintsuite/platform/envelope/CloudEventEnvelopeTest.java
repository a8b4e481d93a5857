package org.complaintsuite.platform.envelope;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.EventJson;
import org.complaintsuite.events.Validity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventEnvelopeTest {

    private static final Instant AT = Instant.parse("2026-12-01T08:30:00.123Z");
    private static final ComplaintResolved EVENT = new ComplaintResolved(ComplaintId.of("c-42"), 1,
            Category.PRODUCT_QUALITY, "COMPANY_FAULT", "REPAIR", "seal", "repaired", "agent-7", AT,
            Validity.SUBSTANTIATED, null, null, null, null, null);

    @Test
    void aRecordCarriesEveryCloudEventsAttributeAsAHeaderAndIsKeyedByTheComplaint() {
        ProducerRecord<String, byte[]> record = CloudEventEnvelope.toRecord("e-1", "/routing-service", AT, EVENT,
                "corr-1", "cause-1");
        assertThat(record.topic()).isEqualTo("routing.cases.v1");
        assertThat(record.key()).isEqualTo("c-42");
        assertThat(record.timestamp()).isEqualTo(AT.toEpochMilli());
        assertThat(headers(record.headers())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ce_id", "e-1",
                "ce_specversion", "1.0",
                "ce_type", "org.complaintsuite.ComplaintResolved.v1",
                "ce_source", "/routing-service",
                "ce_time", "2026-12-01T08:30:00.123Z",
                "ce_subject", "c-42",
                "ce_dataschema", "https://complaintsuite.org/schemas/ComplaintResolved.v1.json",
                "content-type", "application/json",
                "ce_correlationid", "corr-1",
                "ce_causationid", "cause-1"));
    }

    @Test
    void theDataSchemaIsTheIdOfTheSchemaTheValueConformsTo() throws Exception {
        ProducerRecord<String, byte[]> record = CloudEventEnvelope.toRecord("e-1", "/x", AT, EVENT, null, null);
        String schemaId = header(record, "ce_dataschema");
        try (var schema = getClass().getResourceAsStream("/schemas/ComplaintResolved.v1.json")) {
            assertThat(EventJson.mapper().readTree(schema).path("$id").asString()).isEqualTo(schemaId);
        }
        assertThat(new org.complaintsuite.events.EventSchemas().violations(EVENT)).isEmpty();
    }

    @Test
    void aRecordReadBackIsTheSameEvent() {
        ProducerRecord<String, byte[]> sent = CloudEventEnvelope.toRecord("e-1", "/routing-service", AT, EVENT,
                "corr-1", null);
        InboundEvent received = CloudEventEnvelope.fromRecord(consumed(sent.value(), sent.headers())).orElseThrow();
        assertThat(received.payload()).isEqualTo(EVENT);
        assertThat(received.ceId()).isEqualTo("e-1");
        assertThat(received.source()).isEqualTo("/routing-service");
        assertThat(received.time()).isEqualTo(AT);
        assertThat(received.correlationId()).isEqualTo("corr-1");
    }

    @Test
    void aWellFormedEventOfATypeThisSuiteDoesNotKnowIsSkipped() {
        assertThat(CloudEventEnvelope.fromRecord(tampered(h -> h.remove("ce_type")
                .add("ce_type", bytes("org.complaintsuite.SomethingNew.v1"))))).isEqualTo(Optional.empty());
    }

    @Test
    void aMalformedRecordIsPoisonWithItsReason() {
        assertPoison(tampered(h -> h.remove("ce_id")), "missing header ce_id");
        assertPoison(tampered(h -> h.remove("ce_type")), "missing header ce_type");
        assertPoison(tampered(h -> h.remove("ce_specversion").add("ce_specversion", bytes("0.3"))),
                "unsupported ce_specversion 0.3");
        assertPoison(tampered(h -> h.remove("ce_time").add("ce_time", bytes("yesterday"))),
                "ce_time is not an RFC 3339 timestamp");
        ProducerRecord<String, byte[]> sent = CloudEventEnvelope.toRecord("e-1", "/x", AT, EVENT, null, null);
        assertPoison(consumed(null, sent.headers()), "record has no value");
        assertPoison(consumed(bytes("{\"round\": \"first\""), sent.headers()), "value is not a valid ComplaintResolved");
        assertPoison(consumed(bytes("{\"round\": 1}"), sent.headers()), "payload has no complaintId");
    }

    private static void assertPoison(ConsumerRecord<String, byte[]> record, String reason) {
        assertThatThrownBy(() -> CloudEventEnvelope.fromRecord(record))
                .isInstanceOf(PoisonRecordException.class).hasMessageContaining(reason);
    }

    private static ConsumerRecord<String, byte[]> tampered(Consumer<org.apache.kafka.common.header.Headers> change) {
        ProducerRecord<String, byte[]> sent = CloudEventEnvelope.toRecord("e-1", "/x", AT, EVENT, null, null);
        RecordHeaders headers = new RecordHeaders(sent.headers().toArray());
        change.accept(headers);
        return consumed(sent.value(), headers);
    }

    private static ConsumerRecord<String, byte[]> consumed(byte[] value, Iterable<Header> headers) {
        return new ConsumerRecord<>("routing.cases.v1", 0, 7L, AT.toEpochMilli(), TimestampType.CREATE_TIME,
                -1, -1, "c-42", value, new RecordHeaders(headers), Optional.empty());
    }

    private static Map<String, String> headers(Iterable<Header> headers) {
        Map<String, String> all = new TreeMap<>();
        headers.forEach(h -> all.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return all;
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
