package org.complaintsuite.feedback.api;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.complaintsuite.events.ComplaintReceived;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.CustomerMessageIssued.Purpose;
import org.complaintsuite.events.LinkedComplaint;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.SlaClockStarted;
import org.complaintsuite.events.SlaTarget;
import org.complaintsuite.feedback.domain.Commands.IssueMessageCommand;
import org.complaintsuite.feedback.domain.Commands.RecordRecipientCommand;
import org.complaintsuite.feedback.domain.Commands.RecordRepeatContactCommand;
import org.complaintsuite.feedback.domain.Commands.ScheduleFollowUpsCommand;
import org.complaintsuite.platform.axon.EventReactions;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Every resolution of a complaint or service request is followed up by its plan (a consultation or a query
 * is closed with its resolution); a repeat complaint after it re-opens the complaint. The customer of a
 * case is told: the acknowledgement once its first resolution clock promises a time, and each resolution's
 * note.
 */
@Component
class LifecycleListener {

    private final EventReactions reactions;

    LifecycleListener(EventReactions reactions) {
        this.reactions = reactions;
    }

    @KafkaListener(id = "feedback-lifecycle", groupId = "feedback-service",
            topics = {"routing.cases.v1", "intake.complaints.v1", "sla.clocks.v1"})
    void on(ConsumerRecord<String, byte[]> record) {
        reactions.receiveEach(record, event -> switch (event.payload()) {
            case ComplaintResolved e -> {
                List<Object> commands = new ArrayList<>();
                if (e.followedUp()) {
                    commands.add(new ScheduleFollowUpsCommand(e.complaintId(), e.round(),
                            e.kind() == null ? RequestKind.COMPLAINT : e.kind(), e.category(), e.department(),
                            e.resolvedAt()));
                }
                commands.add(new IssueMessageCommand(e.complaintId(), Purpose.RESOLUTION_NOTE, e.round(), null,
                        e.note(), null));
                yield commands;
            }
            case ComplaintReceived e when e.linkedTo() != null
                    && e.linkedTo().reason() == LinkedComplaint.Reason.REPEAT_COMPLAINT ->
                    List.of(new RecordRepeatContactCommand(e.linkedTo().complaintId(), e.complaintId()));
            case ComplaintReceived e when e.opensACase() -> List.of(new RecordRecipientCommand(e.complaintId(),
                    e.customer() == null ? null : e.customer().phone(),
                    e.customer() == null ? null : e.customer().email()));
            // the time the complaint's resolution is promised by: the first round's resolution clock
            case SlaClockStarted e when e.target() == SlaTarget.RESOLUTION && e.round() == 1 -> List.of(
                    new IssueMessageCommand(e.complaintId(), Purpose.ACKNOWLEDGEMENT, 1, e.dueAt(), null, null));
            default -> List.of();
        });
    }
}
