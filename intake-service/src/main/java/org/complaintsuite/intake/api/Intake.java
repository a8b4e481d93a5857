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
import org.complaintsuite.events.OnTheSpotAnswer;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Subject;
import org.complaintsuite.intake.domain.Classifier;
import org.complaintsuite.intake.domain.CodeLookup;
import org.complaintsuite.intake.domain.CustomerIdentity;
import org.complaintsuite.intake.domain.ProblemKey;
import org.complaintsuite.intake.domain.RegisterComplaintCommand;
import org.complaintsuite.intake.domain.RepeatDetection;
import org.complaintsuite.intake.projection.ComplaintView;
import org.complaintsuite.platform.web.FieldChecks;
import org.complaintsuite.platform.web.FieldProblem;
import org.complaintsuite.platform.web.InvalidRequestException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way in, whatever the channel: validate, normalise the customer, classify, answer a query by code
 * from the lookup, match the contact with the customer's earlier complaint about the same subject, and
 * register it. Answers once {@code ComplaintReceived} is durably stored; a retry answers the first
 * registration's id.
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
    private final ComplaintView view;
    private final SubmissionValidator validator;
    private final CustomerIdentity identity;
    private final Classifier classifier;
    private final RepeatDetection repeats;
    private final CodeLookup lookup;
    private final Clock clock;
    private final MeterRegistry meters;

    Intake(CommandGateway commands, ComplaintView view, CustomerIdentity identity, Classifier classifier,
           RepeatDetection repeats, CodeLookup lookup, Clock clock, MeterRegistry meters) {
        this.commands = commands;
        this.view = view;
        this.validator = new SubmissionValidator(identity);
        this.identity = identity;
        this.classifier = classifier;
        this.repeats = repeats;
        this.lookup = lookup;
        this.clock = clock;
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
        Customer customer = identity.normalise(new Customer(request.customer().id(), request.customer().name(),
                request.customer().phone(), request.customer().email()));
        Classifier.Result classified = classifier.classify(checked.kind(), checked.category(), checked.priority(),
                request.description() + (request.demand() == null ? "" : "\n" + request.demand()), customer);
        if (request.answer() != null && classified.kind() != RequestKind.CONSULTATION) {
            // the kind was left to the classifier, which did not find a consultation
            count(channel, source, "rejected");
            return Mono.error(new InvalidRequestException("answer", "only a consultation is answered on the spot; "
                    + "this reads as a " + classified.kind() + " (give kind CONSULTATION if it is one)"));
        }
        OnTheSpotAnswer answered = request.answer() == null ? null
                : new OnTheSpotAnswer(request.answer().trim(), request.receivedBy().trim());
        Subject subject = request.subject() == null ? null
                : new Subject(request.subject().type().trim(), request.subject().code().trim());
        // a query by code is answered at once; it is closed with its answer unless the answer calls for a case
        LookupAnswer automatic = classified.kind() == RequestKind.QUERY && subject != null
                ? lookup.answer(subject).orElse(null) : null;
        RequestKind caseKind = automatic != null && automatic.opensACase() ? automatic.opensKind() : classified.kind();
        Instant now = clock.instant();
        Mono<Optional<LinkedComplaint>> linked = automatic != null && !automatic.opensACase()
                ? Mono.just(Optional.empty()) // answered, no case: nothing to link it with
                : view.latestEarlier(CustomerIdentity.keys(customer),
                        ProblemKey.of(caseKind, subject, classified.category(), request.description()), id)
                .map(earlier -> Optional.ofNullable(repeats.link(earlier, now)))
                .defaultIfEmpty(Optional.empty());
        return linked
                .flatMap(link -> {
                    RegisterComplaintCommand command = new RegisterComplaintCommand(id, channel,
                            FieldChecks.trimmedOrNull(request.externalId()), classified.kind(), classified.category(),
                            customer, subject, request.description(), FieldChecks.trimmedOrNull(request.demand()), now,
                            classified.priority(), FieldChecks.trimmedOrNull(request.receivedBy()),
                            classified.classification(), classified.triggers(), link.orElse(null), answered,
                            automatic);
                    return Mono.fromFuture(() -> commands.send(command))
                            .subscribeOn(Schedulers.boundedElastic())
                            .thenReturn(new Registration(id, false, command.linkedTo(), automatic))
                            .onErrorResume(Intake::isRetry, e -> Mono.just(new Registration(id, true, null, automatic)));
                })
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
