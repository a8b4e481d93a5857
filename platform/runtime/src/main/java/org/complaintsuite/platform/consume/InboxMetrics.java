package org.complaintsuite.platform.consume;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** {@code complaint_events_consumed_total{topic,type,outcome}}: outcome is processed, duplicate or skipped. */
public final class InboxMetrics {
    private final MeterRegistry meters;

    public InboxMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void count(ConsumerRecord<?, ?> record, String type, String outcome) {
        meters.counter("complaint.events.consumed", "topic", record.topic(), "type", type, "outcome", outcome)
                .increment();
    }
}
