package org.complaintsuite.intake.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.media.Schema;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.Customer;
import org.complaintsuite.events.LinkedComplaint;
import org.complaintsuite.events.LookupAnswer;
import org.complaintsuite.events.Subject;
import org.complaintsuite.intake.domain.CustomerIdentity;
import org.complaintsuite.intake.domain.Registrar;
import org.complaintsuite.platform.web.FieldChecks;
import org.complaintsuite.platform.web.FieldProblem;
import org.complaintsuite.platform.web.InvalidRequestException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayList;
import java.util.List;

/**
 * The one way in, whatever the channel: check the submission field by field, let the domain's
 * {@link Registrar} decide how the contact is registered, and send that. Answers once
 * {@code ComplaintReceived} is durably stored; a retry answers the first registration's id.
 */
@Component
class Intake {

    /** How a submission ended: its complaint id, whether it was a retry, and what it was linked to. */
    @Schema(description = "The complaint as registered. A retry answers the first registration's id with "
            + "duplicate true; linkedTo names the customer's earlier complaint this contact belongs to; answer is "
            + "a query's automatic answer (with the case it opened, if its verdict calls for one).")
    record Registration(ComplaintId complaintId, boolean duplicate, LinkedComplaint linkedTo, LookupAnswer answer) {
    }

    /** Where a submission came from; the metric tag of its outcome. */
    enum Source { HTTP, BULK, KAFKA }

    private final CommandGateway commands;
    private final SubmissionValidator validator;
    private final Registrar registrar;
    private final MeterRegistry meters;

    Intake(CommandGateway commands, CustomerIdentity identity, Registrar registrar, MeterRegistry meters) {
        this.commands = commands;
        this.validator = new SubmissionValidator(identity);
        this.registrar = registrar;
        this.meters = meters;
    }

    /** Fails with {@link InvalidRequestException} naming every field at fault. */
    Mono<Registration> submit(SubmitComplaintRequest request, String idempotencyKey, Source source) {
        SubmissionValidator.Checked checked = validator.check(request, source == Source.KAFKA);
        List<FieldProblem> problems = new ArrayList<>(checked.problems());
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            problems.add(new FieldProblem("Idempotency-Key", "must be 1 to 200 characters"));
        }
        Channel channel = checked.channel();
        if (!problems.isEmpty()) {
            count(channel, source, "rejected");
            return Mono.error(new InvalidRequestException(problems));
        }
        ComplaintId id = idOf(channel, request.externalId(), idempotencyKey);
        Registrar.Submission submission = new Registrar.Submission(id, channel, request.externalId(), checked.kind(),
                checked.category(), checked.priority(), new Customer(request.customer().id(),
                request.customer().name(), request.customer().phone(), request.customer().email()),
                request.subject() == null ? null
                        : new Subject(request.subject().type().trim(), request.subject().code().trim()),
                request.description(), request.demand(), request.receivedBy(), request.answer());
        // the registration reads the customer's earlier contacts: off the event loop, as the command's send
        return Mono.fromCallable(() -> registrar.register(submission))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(Registrar.Refused.class, e -> {
                    count(channel, source, "rejected");
                    return new InvalidRequestException(e.field(), e.getMessage());
                })
                .flatMap(command -> Mono.fromFuture(() -> commands.send(command))
                        .thenReturn(new Registration(id, false, command.linkedTo(), command.answeredAutomatically()))
                        .onErrorResume(Intake::isRetry, e -> Mono.just(new Registration(id, true, null,
                                command.answeredAutomatically()))))
                .doOnNext(outcome -> count(channel, source, outcome.duplicate() ? "duplicate"
                        : outcome.linkedTo() != null ? "linked" : "accepted"));
    }

    /** The channel's own reference, else the client's idempotency key, makes the id; else a new one. */
    static ComplaintId idOf(Channel channel, String externalId, String idempotencyKey) {
        if (!FieldChecks.blank(externalId)) {
            return ComplaintId.fromNaturalKey(channel + ":" + externalId.trim());
        }
        if (idempotencyKey != null) {
            return ComplaintId.fromNaturalKey("idempotency-key:" + idempotencyKey);
        }
        return ComplaintId.random();
    }

    /** Counted by channel, UNKNOWN when the submission named none that exists. */
    private void count(Channel channel, Source source, String outcome) {
        meters.counter("complaint.intake.received", "channel", channel == null ? "UNKNOWN" : channel.name(),
                "source", source.name(), "outcome", outcome).increment();
    }

    /** The id exists already: this is a retry of a submission registered before (concurrently or long ago). */
    private static boolean isRetry(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AggregateStreamCreationException || t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
