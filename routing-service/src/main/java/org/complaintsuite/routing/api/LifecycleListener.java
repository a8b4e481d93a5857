package org.complaintsuite.routing.api;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.complaintsuite.events.ComplaintClosed;
import org.complaintsuite.events.ComplaintReceived;
import org.complaintsuite.events.ComplaintRevisited;
import org.complaintsuite.events.SlaBreached;
import org.complaintsuite.events.SlaTarget;
import org.complaintsuite.platform.axon.EventReactions;
import org.complaintsuite.platform.envelope.InboundEvent;
import org.complaintsuite.routing.domain.Commands.CloseCaseCommand;
import org.complaintsuite.routing.domain.Commands.EscalateCaseCommand;
import org.complaintsuite.routing.domain.Commands.EscalateOverdueFollowUpCommand;
import org.complaintsuite.routing.domain.Commands.OpenCaseCommand;
import org.complaintsuite.routing.domain.Commands.ReopenCaseCommand;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Complaints in from intake, revisits and closes from feedback, breaches from the SLA service. */
@Component
class LifecycleListener {

    private final EventReactions reactions;

    LifecycleListener(EventReactions reactions) {
        this.reactions = reactions;
    }

    @KafkaListener(id = "routing-lifecycle", groupId = "routing-service",
            topics = {"intake.complaints.v1", "feedback.followups.v1", "sla.clocks.v1"})
    void on(ConsumerRecord<String, byte[]> record) {
        reactions.receive(record, LifecycleListener::reaction);
    }

    static Object reaction(InboundEvent event) {
        return switch (event.payload()) {
            // a contact linked to an earlier complaint opens no second case; a query whose automatic answer
            // calls for work opens a case of the kind the answer says (a counterfeit: a complaint)
            case ComplaintReceived e when e.opensACase() -> new OpenCaseCommand(e.complaintId(), e.caseKind(),
                    e.caseCategory(), e.channel(), e.priority(), e.receivedAt(), e.receivedBy(), e.triggers(),
                    e.subject() == null ? null : e.subject().type());
            case ComplaintRevisited e -> new ReopenCaseCommand(e.complaintId(), e.round(), e.reason(), e.revisitedAt());
            case ComplaintClosed e -> new CloseCaseCommand(e.complaintId(), e.closedAt());
            // a follow-up not made in time: the case is resolved, its owner's supervisor must see to the call
            case SlaBreached e when e.target() == SlaTarget.FOLLOW_UP ->
                    new EscalateOverdueFollowUpCommand(e.complaintId(), e.clockId(), e.dueAt());
            case SlaBreached e -> new EscalateCaseCommand(e.complaintId(),
                    e.target() + " target breached (due " + e.dueAt() + ")", EscalateCaseCommand.SLA_BREACH,
                    "sla-service", null);
            default -> null;
        };
    }
}
