package org.complaintsuite.feedback.api;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.feedback.domain.Commands.RecordFollowUpResponseCommand;
import org.complaintsuite.feedback.domain.FollowUpRejected;
import org.complaintsuite.feedback.projection.FollowUpView;
import org.complaintsuite.platform.web.ConflictException;
import org.complaintsuite.platform.web.FieldProblem;
import org.complaintsuite.platform.web.InvalidRequestException;
import org.complaintsuite.platform.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping(path = "/api/follow-ups", produces = MediaType.APPLICATION_JSON_VALUE)
class FollowUpController {

    private final CommandGateway commands;
    private final FollowUpView view;

    FollowUpController(CommandGateway commands, FollowUpView view) {
        this.commands = commands;
        this.view = view;
    }

    record FollowUpResponse(Integer satisfaction, Boolean resolved, String comment) {
    }

    @GetMapping("/{complaintId}")
    Mono<Map<String, Object>> find(@PathVariable String complaintId) {
        return view.find(complaintId)
                .switchIfEmpty(Mono.error(new NotFoundException("no follow-up for " + complaintId)));
    }

    @PostMapping(path = "/{complaintId}/responses", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> respond(@PathVariable String complaintId, @RequestBody FollowUpResponse response) {
        List<FieldProblem> problems = new ArrayList<>();
        if (response.satisfaction() == null) {
            problems.add(new FieldProblem("satisfaction", "is required"));
        } else if (response.satisfaction() < 1 || response.satisfaction() > 5) {
            problems.add(new FieldProblem("satisfaction", "must be 1 to 5"));
        }
        if (response.resolved() == null) {
            problems.add(new FieldProblem("resolved", "is required (true or false)"));
        }
        if (response.comment() != null && response.comment().length() > 4000) {
            problems.add(new FieldProblem("comment", "is longer than 4000 characters"));
        }
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        var command = new RecordFollowUpResponseCommand(ComplaintId.of(complaintId), response.satisfaction(),
                response.resolved(), response.comment());
        return Mono.fromFuture(() -> commands.send(command))
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.fromSupplier(() -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .location(URI.create("/api/follow-ups/" + complaintId))
                        .body((Object) Map.of("complaintId", complaintId))))
                .onErrorResume(e -> Mono.error(translate(e, complaintId)));
    }

    private Throwable translate(Throwable e, String complaintId) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AggregateNotFoundException) {
                return new NotFoundException("no follow-up for " + complaintId);
            }
            if (t instanceof FollowUpRejected rejected) {
                return new ConflictException(rejected.getMessage(),
                        view.find(complaintId).map(v -> (Object) v.get("state")).block());
            }
        }
        return e;
    }
}
