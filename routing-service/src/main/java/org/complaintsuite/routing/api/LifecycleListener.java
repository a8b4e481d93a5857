package org.complaintsuite.routing.api;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.complaintsuite.events.ComplaintClosed;
import org.complaintsuite.events.ComplaintReceived;
import org.complaintsuite.events.ComplaintRevisited;
import org.complaintsuite.events.SlaBreached;
import org.complaintsuite.platform.axon.CausationMetadata;
import org.complaintsuite.platform.consume.Inbox;
import org.complaintsuite.platform.envelope.InboundEvent;
import org.complaintsuite.routing.domain.Commands.CloseCaseCommand;
import org.complaintsuite.routing.domain.Commands.EscalateCaseCommand;
import org.complaintsuite.routing.domain.Commands.OpenCaseCommand;
import org.complaintsuite.routing.domain.Commands.ReopenCaseCommand;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Complaints in from intake, revisits and closes from feedback, breaches from the SLA service. */
@Component
class LifecycleListener {

    private final Inbox inbox;
    private final CommandGateway commands;

    LifecycleListener(Inbox inbox, CommandGateway commands) {
        this.inbox = inbox;
        this.commands = commands;
    }

    @KafkaListener(id = "routing-lifecycle", groupId = "routing-service",
            topics = {"intake.complaints.v1", "feedback.followups.v1", "sla.clocks.v1"})
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, this::handle);
    }

    private void handle(InboundEvent event) {
        Object command = switch (event.payload()) {
            case ComplaintReceived e -> new OpenCaseCommand(e.complaintId(), e.kind(), e.category(), e.receivedAt());
            case ComplaintRevisited e -> new ReopenCaseCommand(e.complaintId(), e.round(), e.reason(), e.revisitedAt());
            case ComplaintClosed e -> new CloseCaseCommand(e.complaintId(), e.closedAt());
            case SlaBreached e -> new EscalateCaseCommand(e.complaintId(),
                    e.target() + " target breached (due " + e.dueAt() + ")", EscalateCaseCommand.SLA_BREACH,
                    "sla-service", null);
            default -> null;
        };
        if (command != null) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(CausationMetadata.causedBy(event)));
        }
    }
}
