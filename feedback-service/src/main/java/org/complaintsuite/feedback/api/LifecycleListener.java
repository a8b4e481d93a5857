package org.complaintsuite.feedback.api;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.feedback.domain.Commands.ScheduleFollowUpCommand;
import org.complaintsuite.platform.axon.CausationMetadata;
import org.complaintsuite.platform.consume.Inbox;
import org.complaintsuite.platform.envelope.InboundEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every resolution gets a follow-up. */
@Component
class LifecycleListener {

    private final Inbox inbox;
    private final CommandGateway commands;

    LifecycleListener(Inbox inbox, CommandGateway commands) {
        this.inbox = inbox;
        this.commands = commands;
    }

    @KafkaListener(id = "feedback-lifecycle", groupId = "feedback-service", topics = "routing.cases.v1")
    void on(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, this::handle);
    }

    private void handle(InboundEvent event) {
        if (event.payload() instanceof ComplaintResolved e) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                            new ScheduleFollowUpCommand(e.complaintId(), e.round(), e.category(), e.resolvedAt()))
                    .andMetaData(CausationMetadata.causedBy(event)));
        }
    }
}
