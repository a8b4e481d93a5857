package org.complaintsuite.platform.relay;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.complaintsuite.events.EventType;
import org.complaintsuite.events.LifecycleEvent;
import org.complaintsuite.platform.axon.CausationMetadata;
import org.complaintsuite.platform.envelope.CloudEventEnvelope;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes the service's own events from its event store to Kafka. It is an Axon streaming processor
 * with its token in PostgreSQL, so an event reaches Kafka because it is in the event store (no dual
 * write), at least once, in order per complaint. {@code ce_id} is the Axon event identifier, so a
 * re-sent record carries the id it had and consumers drop it as a duplicate.
 */
@ProcessingGroup(KafkaEventRelay.PROCESSING_GROUP)
public class KafkaEventRelay {

    public static final String PROCESSING_GROUP = "kafka-relay";

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
    public void on(LifecycleEvent event, EventMessage<?> message) throws Exception {
        if (!EventType.isPublished(event.getClass())) {
            return;
        }
        MetaData metaData = message.getMetaData();
        ProducerRecord<String, byte[]> record = CloudEventEnvelope.toRecord(
                message.getIdentifier(), source, message.getTimestamp(), event,
                CausationMetadata.correlationId(metaData, message.getIdentifier()),
                CausationMetadata.causationId(metaData));
        // waiting keeps the processor's token behind what Kafka has acknowledged
        kafka.send(record).get(30, TimeUnit.SECONDS);
        meters.counter("complaint.relay.published", "topic", record.topic(),
                "type", EventType.of(event.getClass()).simpleName()).increment();
        lastPublished.computeIfAbsent(record.topic(), topic -> meters.gauge(
                        "complaint.relay.last.published.timestamp", List.of(Tag.of("topic", topic)),
                        new AtomicLong()))
                .set(message.getTimestamp().getEpochSecond());
    }
}
