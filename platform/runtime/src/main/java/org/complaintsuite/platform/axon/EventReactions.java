package org.complaintsuite.platform.axon;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.complaintsuite.platform.consume.Inbox;
import org.complaintsuite.platform.envelope.InboundEvent;

import java.util.List;
import java.util.function.Function;

/**
 * How an event-sourced service reacts to other services' events: each event taken in through the inbox
 * becomes at most one command, sent with the event's correlation and causation, inside the inbox's
 * transaction.
 */
public class EventReactions {

    private final Inbox inbox;
    private final CommandGateway commands;

    public EventReactions(Inbox inbox, CommandGateway commands) {
        this.inbox = inbox;
        this.commands = commands;
    }

    /** {@code reaction} answers the command an event calls for, or null when the service ignores it. */
    public void receive(ConsumerRecord<String, byte[]> record, Function<InboundEvent, Object> reaction) {
        receiveEach(record, event -> {
            Object command = reaction.apply(event);
            return command == null ? List.of() : List.of(command);
        });
    }

    /** {@code reaction} answers the commands an event calls for, sent in order; empty when it is ignored. */
    public void receiveEach(ConsumerRecord<String, byte[]> record, Function<InboundEvent, List<?>> reaction) {
        inbox.receive(record, event -> {
            for (Object command : reaction.apply(event)) {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                        .andMetaData(CausationMetadata.causedBy(event)));
            }
        });
    }
}
