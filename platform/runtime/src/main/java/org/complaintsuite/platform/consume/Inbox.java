package org.complaintsuite.platform.consume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.complaintsuite.platform.envelope.InboundEvent;

import java.util.function.Consumer;

/**
 * Where a service takes in lifecycle events from Kafka: decodes the envelope, drops a {@code ce_id}
 * it has already processed, skips types it does not know, and hands the rest to the handler.
 * Malformed records raise {@link org.complaintsuite.platform.envelope.PoisonRecordException}.
 */
public interface Inbox {
    void receive(ConsumerRecord<String, byte[]> record, Consumer<InboundEvent> handler);
}
