package org.complaintsuite.sla.api;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.complaintsuite.events.ClockSubject;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.ComplaintRouted;
import org.complaintsuite.events.CustomerContacted;
import org.complaintsuite.events.FieldVisitArrived;
import org.complaintsuite.events.FieldVisitRequested;
import org.complaintsuite.events.FollowUpCompleted;
import org.complaintsuite.events.FollowUpEnded;
import org.complaintsuite.events.FollowUpScheduled;
import org.complaintsuite.events.HandlingMode;
import org.complaintsuite.events.SlaTarget;
import org.complaintsuite.platform.axon.EventReactions;
import org.complaintsuite.platform.envelope.InboundEvent;
import org.complaintsuite.sla.domain.Commands.StartClockCommand;
import org.complaintsuite.sla.domain.Commands.StopClockCommand;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Clocks follow the case. A routed (or re-routed) complaint starts its resolution clock from the moment
 * the round opened, a transfer clock when a department must act, and a first-response clock unless it
 * was answered on the spot; the first contact with the customer stops that one, the resolution stops
 * them all. Each scheduled follow-up starts a clock due when its plan says (feedback computes the due time,
 * once), which the customer's answer, or the follow-up ending unanswered, stops. Analysis cases start none.
 * A field visit starts an on-site arrival clock for its area (numbered by visit), which the arrival stops.
 */
@Component
class LifecycleListener {

    private final EventReactions reactions;

    LifecycleListener(EventReactions reactions) {
        this.reactions = reactions;
    }

    @KafkaListener(id = "sla-lifecycle", groupId = "sla-service",
            topics = {"routing.cases.v1", "feedback.followups.v1"})
    void on(ConsumerRecord<String, byte[]> record) {
        reactions.receiveEach(record, LifecycleListener::reaction);
    }

    static List<?> reaction(InboundEvent event) {
        return switch (event.payload()) {
            // an analysis case has no customer waiting: no clock runs for it
            case ComplaintRouted e when e.kind().isTracked() && e.handlingMode() != HandlingMode.ANALYSIS -> {
                ClockSubject subject = new ClockSubject(e.kind(), e.category(), e.priority(), e.channel(),
                        e.department());
                List<StartClockCommand> starts = new ArrayList<>(List.of(new StartClockCommand(
                        e.complaintId(), SlaTarget.RESOLUTION, e.round(), subject, e.openedAt())));
                if (e.handlingMode() == HandlingMode.TRANSFER) {
                    starts.add(new StartClockCommand(e.complaintId(), SlaTarget.TRANSFER, e.round(), subject,
                            e.routedAt()));
                }
                if (e.handlingMode() != HandlingMode.ON_THE_SPOT) { // on the spot, the contact is the answer
                    starts.add(new StartClockCommand(e.complaintId(), SlaTarget.FIRST_RESPONSE, e.round(), subject,
                            e.routedAt()));
                }
                yield starts;
            }
            case CustomerContacted e when e.first() -> List.of(
                    new StopClockCommand(e.complaintId(), SlaTarget.FIRST_RESPONSE, e.round(), e.contactedAt()));
            case ComplaintResolved e -> List.of(
                    new StopClockCommand(e.complaintId(), SlaTarget.FIRST_RESPONSE, e.round(), e.resolvedAt()),
                    new StopClockCommand(e.complaintId(), SlaTarget.RESOLUTION, e.round(), e.resolvedAt()),
                    new StopClockCommand(e.complaintId(), SlaTarget.TRANSFER, e.round(), e.resolvedAt()));
            case FieldVisitRequested e -> List.of(new StartClockCommand(e.complaintId(), SlaTarget.ON_SITE_ARRIVAL,
                    e.visit(), null, e.requestedAt(), e.area(), null));
            // one clock per follow-up (numbered across rounds), due when the follow-up plan says
            case FollowUpScheduled e -> List.of(new StartClockCommand(e.complaintId(), SlaTarget.FOLLOW_UP,
                    e.followUpNumber(), null, e.scheduledAt(), null, e.dueBy()));
            case FieldVisitArrived e ->
                    List.of(new StopClockCommand(e.complaintId(), SlaTarget.ON_SITE_ARRIVAL, e.visit(), e.arrivedAt()));
            case FollowUpCompleted e -> List.of(
                    new StopClockCommand(e.complaintId(), SlaTarget.FOLLOW_UP, e.followUpNumber(), e.completedAt()));
            // unreachable or refused after the calls, or cancelled by a revisit: nothing more is owed
            case FollowUpEnded e ->
                    List.of(new StopClockCommand(e.complaintId(), SlaTarget.FOLLOW_UP, e.followUp(), e.endedAt()));
            default -> List.of();
        };
    }
}
