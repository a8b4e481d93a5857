package org.complaintsuite.platform.mongo;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.complaintsuite.platform.consume.Inbox;
import org.complaintsuite.platform.consume.InboxMetrics;
import org.complaintsuite.platform.envelope.CloudEventEnvelope;
import org.complaintsuite.platform.envelope.InboundEvent;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The inbox of a read-side-only service. Its handlers are idempotent per {@code ce_id} by construction
 * ({@link OnceOnly}), so the inbox only decodes, skips unknown types and counts.
 */
public class MongoInbox implements Inbox {

    private final InboxMetrics metrics;

    public MongoInbox(MeterRegistry meters) {
        this.metrics = new InboxMetrics(meters);
    }

    @Override
    public void receive(ConsumerRecord<String, byte[]> record, Consumer<InboundEvent> handler) {
        Optional<InboundEvent> event = CloudEventEnvelope.fromRecord(record);
        if (event.isEmpty()) {
            metrics.count(record, "unknown", "skipped");
            return;
        }
        handler.accept(event.get());
        metrics.count(record, event.get().type().simpleName(), "processed");
    }
}
