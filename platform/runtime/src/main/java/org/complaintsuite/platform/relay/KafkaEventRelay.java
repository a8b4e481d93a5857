package org.complaintsuite.platform.relay;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.complaintsuite.events.EventType;
import org.complaintsuite.events.LifecycleEvent;
import org.complaintsuite.platform.axon.CausationMetadata;
import org.complaintsuite.platform.envelope.CloudEventEnvelope;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the service's own events from its event store to Kafka. It is an Axon streaming processor
 * with its token in PostgreSQL, so an event reaches Kafka because it is in the event store (no dual
 * write), at least once, in order per complaint. {@code ce_id} is the Axon event identifier, so a
 * re-sent record carries the id it had and consumers drop it as a duplicate.
 *
 * <p>Records of one batch are sent without waiting for each other; the batch's unit of work waits for
 * every acknowledgement before it commits, so the token never passes an event Kafka has not taken.
 */
@ProcessingGroup(KafkaEventRelay.PROCESSING_GROUP)
public class KafkaEventRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";
    private static final String PENDING_SENDS = KafkaEventRelay.class.getName() + ".pendingSends";

    private final KafkaTemplate<String, byte[]> kafka;
    private final String source;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> lastPublished = new ConcurrentHashMap<>();

    public KafkaEventRelay(KafkaTemplate<String, byte[]> kafka, String serviceName, MeterRegistry meters) {
        this.kafka = kafka;
        this.source = "/" + serviceName;
        this.meters = meters;
    }

    @EventHandler
    public void on(LifecycleEvent event, EventMessage<?> message) {
        if (!EventType.isPublished(event.getClass())) {
            return;
        }
        MetaData metaData = message.getMetaData();
        ProducerRecord<String, byte[]> record = CloudEventEnvelope.toRecord(
                message.getIdentifier(), source, message.getTimestamp(), event,
                CausationMetadata.correlationId(metaData, message.getIdentifier()),
                CausationMetadata.causationId(metaData));
        String type = EventType.of(event.getClass()).simpleName();
        long timestamp = message.getTimestamp().getEpochSecond();
        pendingSends().add(kafka.send(record).thenRun(() -> {
            meters.counter("complaint.relay.published", "topic", record.topic(), "type", type).increment();
            lastPublished.computeIfAbsent(record.topic(), topic -> meters.gauge(
                            "complaint.relay.last.published.timestamp", List.of(Tag.of("topic", topic)),
                            new AtomicLong()))
                    .accumulateAndGet(timestamp, Math::max);
        }));
    }

    /** The sends of the current batch; its unit of work commits (and moves the token) once all are acknowledged. */
    private static List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAll(sends));
            return sends;
        });
    }

    private static void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka acknowledged the relay's batch", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the relay's batch; it is sent again", e);
        }
    }
}
