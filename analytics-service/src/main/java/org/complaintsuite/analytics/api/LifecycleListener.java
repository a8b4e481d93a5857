package org.complaintsuite.analytics.api;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.complaintsuite.analytics.projection.ComplaintProjection;
import org.complaintsuite.platform.consume.Inbox;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every lifecycle topic into the management projections. */
@Component
class LifecycleListener {

    private final Inbox inbox;
    private final ComplaintProjection projection;

    LifecycleListener(Inbox inbox, ComplaintProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @KafkaListener(id = "analytics-lifecycle", groupId = "analytics-service",
            topics = {"intake.complaints.v1", "routing.cases.v1", "sla.clocks.v1", "feedback.followups.v1"})
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, projection::apply);
    }
}
