package org.complaintsuite.intake.api;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.Customer;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Subject;
import org.complaintsuite.intake.domain.RegisterComplaintCommand;
import org.complaintsuite.intake.projection.ComplaintView;
import org.complaintsuite.platform.web.InvalidRequestException;
import org.complaintsuite.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

@RestController
@RequestMapping(path = "/api/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
class ComplaintController {

    private final CommandGateway commands;
    private final ComplaintView view;
    private final MeterRegistry meters;
    private final Clock clock;

    ComplaintController(CommandGateway commands, ComplaintView view, Clock clock, MeterRegistry meters) {
        this.commands = commands;
        this.view = view;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Registers a complaint; answers 202 once {@code ComplaintReceived} is durably stored. A retry with
     * the same (channel, externalId) or {@code Idempotency-Key} answers the same complaintId and stores nothing.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, Object>>> submit(
            @RequestBody SubmitComplaintRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        var problems = SubmissionValidator.problems(request);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            problems = new java.util.ArrayList<>(problems);
            problems.add(new org.complaintsuite.platform.web.FieldProblem("Idempotency-Key",
                    "must be 1 to 200 characters"));
        }
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        RegisterComplaintCommand command = toCommand(request, idempotencyKey);
        return Mono.fromFuture(() -> commands.send(command))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(false)
                .onErrorResume(ComplaintController::isDuplicate, e -> Mono.just(true))
                .doOnNext(duplicate -> meters.counter("complaint.intake.received",
                        "channel", command.channel().name(), "outcome", duplicate ? "duplicate" : "accepted").increment())
                .map(duplicate -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .location(URI.create("/api/complaints/" + command.complaintId()))
                        .body(Map.of("complaintId", command.complaintId().value(), "duplicate", duplicate)));
    }

    @GetMapping("/{complaintId}")
    Mono<Map<String, Object>> find(@PathVariable String complaintId) {
        return view.find(complaintId)
                .switchIfEmpty(Mono.error(new NotFoundException("no complaint " + complaintId)));
    }

    private RegisterComplaintCommand toCommand(SubmitComplaintRequest r, String idempotencyKey) {
        Channel channel = Channel.valueOf(r.channel().trim().toUpperCase(Locale.ROOT));
        ComplaintId id;
        if (!SubmissionValidator.blank(r.externalId())) {
            id = ComplaintId.fromNaturalKey(channel + ":" + r.externalId().trim());
        } else if (idempotencyKey != null) {
            id = ComplaintId.fromNaturalKey("idempotency-key:" + idempotencyKey);
        } else {
            id = ComplaintId.random();
        }
        Category category = SubmissionValidator.blank(r.category())
                ? Category.OTHER : Category.valueOf(r.category().trim().toUpperCase(Locale.ROOT));
        var c = r.customer();
        return new RegisterComplaintCommand(id, channel, r.externalId(),
                RequestKind.valueOf(r.kind().trim().toUpperCase(Locale.ROOT)), category,
                new Customer(c.id(), c.name(), c.phone(), c.email() == null ? null : c.email().trim().toLowerCase(Locale.ROOT)),
                r.subject() == null ? null : new Subject(r.subject().type(), r.subject().code()),
                r.description(), r.demand(), clock.instant(),
                SubmissionValidator.blank(r.priority())
                        ? Priority.NORMAL : Priority.valueOf(r.priority().trim().toUpperCase(Locale.ROOT)),
                SubmissionValidator.blank(r.receivedBy()) ? null : r.receivedBy().trim());
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AggregateStreamCreationException || t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
