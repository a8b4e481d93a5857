package org.complaintsuite.sla.api;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.ComplaintRouted;
import org.complaintsuite.platform.axon.EventReactions;
import org.complaintsuite.platform.envelope.InboundEvent;
import org.complaintsuite.sla.domain.Commands.StartResolutionClockCommand;
import org.complaintsuite.sla.domain.Commands.StopResolutionClockCommand;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Clocks follow the case: a routed (or re-routed) case starts a resolution clock, a resolution stops
 * it. Both come from {@code routing.cases.v1}, keyed by complaint, so they arrive in order.
 */
@Component
class LifecycleListener {

    private final EventReactions reactions;

    LifecycleListener(EventReactions reactions) {
        this.reactions = reactions;
    }

    @KafkaListener(id = "sla-lifecycle", groupId = "sla-service", topics = "routing.cases.v1")
    void on(ConsumerRecord<String, byte[]> record) {
        reactions.receive(record, LifecycleListener::reaction);
    }

    static Object reaction(InboundEvent event) {
        return switch (event.payload()) {
            case ComplaintRouted e when e.kind().isTracked() -> new StartResolutionClockCommand(e.complaintId(),
                    e.round(), e.kind(), e.category(), e.openedAt());
            case ComplaintResolved e -> new StopResolutionClockCommand(e.complaintId(), e.round(), e.resolvedAt());
            default -> null;
        };
    }
}
