package org.complaintsuite.feedback.api;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.complaintsuite.events.ComplaintReceived;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.LinkedComplaint;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.feedback.domain.Commands.RecordRepeatContactCommand;
import org.complaintsuite.feedback.domain.Commands.ScheduleFollowUpsCommand;
import org.complaintsuite.platform.axon.EventReactions;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Every resolution of a complaint or service request is followed up by its plan (a consultation or a query
 * is closed with its resolution); a repeat complaint after it re-opens the complaint.
 */
@Component
class LifecycleListener {

    private final EventReactions reactions;

    LifecycleListener(EventReactions reactions) {
        this.reactions = reactions;
    }

    @KafkaListener(id = "feedback-lifecycle", groupId = "feedback-service",
            topics = {"routing.cases.v1", "intake.complaints.v1"})
    void on(ConsumerRecord<String, byte[]> record) {
        reactions.receive(record, event -> switch (event.payload()) {
            case ComplaintResolved e when e.followedUp() -> new ScheduleFollowUpsCommand(e.complaintId(), e.round(),
                    e.kind() == null ? RequestKind.COMPLAINT : e.kind(), e.category(), e.department(),
                    e.resolvedAt());
            case ComplaintReceived e when e.linkedTo() != null
                    && e.linkedTo().reason() == LinkedComplaint.Reason.REPEAT_COMPLAINT ->
                    new RecordRepeatContactCommand(e.linkedTo().complaintId(), e.complaintId());
            default -> null;
        });
    }
}
