package org.complaintsuite.platform.envelope;

import org.complaintsuite.events.EventType;
import org.complaintsuite.events.LifecycleEvent;

import java.time.Instant;

/** A lifecycle event read from Kafka, with the CloudEvents attributes every consumer needs. */
public record InboundEvent(
        String ceId,
        EventType type,
        String source,
        Instant time,
        String correlationId,
        LifecycleEvent payload) {

    public <T extends LifecycleEvent> T payloadAs(Class<T> type) {
        return type.cast(payload);
    }
}
