package org.complaintsuite.platform.axon;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.complaintsuite.platform.web.Accepted;
import org.complaintsuite.platform.web.ConflictException;
import org.complaintsuite.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.util.function.Supplier;

/**
 * Sends a command from an HTTP request without blocking the event loop, and answers 202 once its
 * events are stored; 404 when the aggregate does not exist, 409 with the current state when the
 * aggregate rejects the command or another instance changed it concurrently.
 */
public final class AcceptedCommands {

    private final CommandGateway commands;

    public AcceptedCommands(CommandGateway commands) {
        this.commands = commands;
    }

    public Mono<ResponseEntity<Accepted>> send(Object command, String complaintId, URI location,
                                               Class<? extends RuntimeException> rejection,
                                               Supplier<? extends Mono<?>> currentState) {
        return Mono.fromFuture(() -> commands.send(command))
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.fromSupplier(() -> ResponseEntity.status(HttpStatus.ACCEPTED).location(location)
                        .body(new Accepted(complaintId))))
                .onErrorResume(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        if (t instanceof AggregateNotFoundException) {
                            return Mono.error(new NotFoundException("nothing known of complaint " + complaintId));
                        }
                        if (rejection.isInstance(t) || t instanceof ConcurrencyException) {
                            // a rule of the aggregate, or another instance changed it at the same moment
                            String reason = t instanceof ConcurrencyException
                                    ? "the case changed at the same moment; look at its current state and retry"
                                    : t.getMessage();
                            return currentState.get().map(Object.class::cast).defaultIfEmpty("UNKNOWN")
                                    .flatMap(state -> Mono.error(new ConflictException(reason, state)));
                        }
                    }
                    return Mono.error(e);
                });
    }
}
