package org.complaintsuite.feedback.api;

import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.feedback.domain.Commands.RecordFollowUpResponseCommand;
import org.complaintsuite.feedback.domain.FollowUpRejected;
import org.complaintsuite.feedback.projection.FollowUpView;
import org.complaintsuite.platform.axon.AcceptedCommands;
import org.complaintsuite.platform.web.FieldProblem;
import org.complaintsuite.platform.web.InvalidRequestException;
import org.complaintsuite.platform.web.FieldChecks;
import org.complaintsuite.platform.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping(path = "/api/follow-ups", produces = MediaType.APPLICATION_JSON_VALUE)
class FollowUpController {

    private final AcceptedCommands commands;
    private final FollowUpView view;

    FollowUpController(AcceptedCommands commands, FollowUpView view) {
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
        FieldChecks.maxLength(problems, "comment", response.comment(), 4000);
        InvalidRequestException.throwIfAny(problems);
        var command = new RecordFollowUpResponseCommand(ComplaintId.of(complaintId), response.satisfaction(),
                response.resolved(), response.comment());
        return commands.send(command, complaintId, URI.create("/api/follow-ups/" + complaintId),
                FollowUpRejected.class, () -> view.find(complaintId).map(v -> v.get("state")));
    }
}
