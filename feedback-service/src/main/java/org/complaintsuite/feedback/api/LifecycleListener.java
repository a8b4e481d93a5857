package org.complaintsuite.feedback.api;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.feedback.domain.Commands.ScheduleFollowUpCommand;
import org.complaintsuite.platform.axon.EventReactions;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every resolution gets a follow-up. */
@Component
class LifecycleListener {

    private final EventReactions reactions;

    LifecycleListener(EventReactions reactions) {
        this.reactions = reactions;
    }

    @KafkaListener(id = "feedback-lifecycle", groupId = "feedback-service", topics = "routing.cases.v1")
    void on(ConsumerRecord<String, byte[]> record) {
        reactions.receive(record, event -> event.payload() instanceof ComplaintResolved e
                ? new ScheduleFollowUpCommand(e.complaintId(), e.round(), e.category(), e.resolvedAt())
                : null);
    }
}
