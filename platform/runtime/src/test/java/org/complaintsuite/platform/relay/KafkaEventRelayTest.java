package org.complaintsuite.platform.relay;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.complaintsuite.events.ComplaintClosed;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.LifecycleEvent;
import org.complaintsuite.platform.axon.CausationMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/**
 * The relay inside an Axon unit of work as its streaming processor runs it: a batch commits (and the
 * token moves) only once Kafka has acknowledged every record of it, and each record carries the event's
 * own id as {@code ce_id}, so a batch sent again after a failure is recognised downstream.
 */
class KafkaEventRelayTest {

    private static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    /** A stand-in for the broker: records what is sent, acknowledges when told to. */
    static final class Broker extends KafkaTemplate<String, byte[]> {
        final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
        final List<CompletableFuture<SendResult<String, byte[]>>> acks = new ArrayList<>();

        @SuppressWarnings("unchecked")
        Broker() {
            super((ProducerFactory<String, byte[]>) mock(ProducerFactory.class));
        }

        @Override
        public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
            sent.add(record);
            CompletableFuture<SendResult<String, byte[]>> ack = new CompletableFuture<>();
            acks.add(ack);
            return ack;
        }
    }

    /** An event a service keeps to itself: not on any topic. */
    record InternalStep(ComplaintId complaintId) implements LifecycleEvent {
    }

    private final Broker broker = new Broker();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final KafkaEventRelay relay = new KafkaEventRelay(broker, "feedback-service", meters);

    @Test
    void aBatchCommitsOnceEveryRecordIsAcknowledgedEachWithItsEventIdAndCausation() {
        EventMessage<?> first = closed("c-1");
        EventMessage<?> second = closed("c-2").andMetaData(Map.of(CausationMetadata.CORRELATION_ID, "corr-9",
                CausationMetadata.CAUSATION_ID, "cause-9"));
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(first);
        relay.on((LifecycleEvent) first.getPayload(), first);
        relay.on((LifecycleEvent) second.getPayload(), second);
        relay.on(new InternalStep(ComplaintId.of("c-3")), closed("c-3"));
        assertThat(broker.sent).hasSize(2); // sent at once, not one after the other

        broker.acks.forEach(ack -> ack.complete(null));
        batch.commit();

        assertThat(broker.sent.get(0).key()).isEqualTo("c-1");
        assertThat(header(broker.sent.get(0), "ce_id")).isEqualTo(first.getIdentifier());
        assertThat(header(broker.sent.get(0), "ce_source")).isEqualTo("/feedback-service");
        assertThat(header(broker.sent.get(0), "ce_correlationid")).as("a chain starts at its first event")
                .isEqualTo(first.getIdentifier());
        assertThat(header(broker.sent.get(1), "ce_correlationid")).isEqualTo("corr-9");
        assertThat(header(broker.sent.get(1), "ce_causationid")).isEqualTo("cause-9");
        assertThat(meters.counter("complaint.relay.published", "topic", "feedback.followups.v1",
                "type", "ComplaintClosed").count()).isEqualTo(2);
        assertThat(meters.get("complaint.relay.last.published.timestamp").gauge().value())
                .isEqualTo(AT.getEpochSecond());
    }

    @Test
    void aBatchKafkaDidNotAcknowledgeDoesNotCommitSoItIsSentAgain() {
        EventMessage<?> first = closed("c-1");
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(first);
        relay.on((LifecycleEvent) first.getPayload(), first);
        relay.on((LifecycleEvent) closed("c-2").getPayload(), closed("c-2"));
        broker.acks.get(0).complete(null);
        broker.acks.get(1).completeExceptionally(new org.apache.kafka.common.errors.TimeoutException("broker away"));

        assertThatThrownBy(batch::commit).hasMessageContaining("Kafka did not acknowledge the relay's batch");
        assertThat(batch.isRolledBack()).isTrue();
    }

    private static EventMessage<?> closed(String complaintId) {
        return new GenericEventMessage<>(UUID.randomUUID().toString(),
                new ComplaintClosed(ComplaintId.of(complaintId), 1, 5, AT), MetaData.emptyInstance(), AT);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
