package org.complaintsuite.feedback.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.feedback.domain.Commands.RecordFollowUpResponseCommand;
import org.complaintsuite.feedback.domain.FollowUpRejected;
import org.complaintsuite.feedback.projection.FollowUpView;
import org.complaintsuite.feedback.projection.ComplaintFollowUps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import org.complaintsuite.platform.axon.AcceptedCommands;
import org.complaintsuite.platform.web.Accepted;
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

@RestController
@Tag(name = "Follow-ups", description = "Asking the customer after the resolution, and what the answer leads to")
@RequestMapping(path = "/api/follow-ups", produces = MediaType.APPLICATION_JSON_VALUE)
class FollowUpController {

    private final AcceptedCommands commands;
    private final FollowUpView view;

    FollowUpController(AcceptedCommands commands, FollowUpView view) {
        this.commands = commands;
        this.view = view;
    }

    record FollowUpResponse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "5",
                                    description = "1 (very dissatisfied) to 5 (very satisfied)") Integer satisfaction,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                    description = "whether the customer says the problem is solved") Boolean resolved,
                            @Schema(maxLength = 4000) String comment) {
    }

    @Operation(summary = "The follow-ups of a complaint",
            description = "One per round: when it is due (within 5 working days of the resolution), what the "
                    + "customer answered, and what it led to.")
    @GetMapping("/{complaintId}")
    Mono<ComplaintFollowUps> find(@PathVariable String complaintId) {
        return view.find(complaintId)
                .switchIfEmpty(Mono.error(new NotFoundException("no follow-up for " + complaintId)));
    }

    @Operation(summary = "Record the customer's answer to the follow-up",
            description = "Satisfied and resolved closes the complaint; otherwise it is revisited and its case "
                    + "re-opens one level up.")
    @PostMapping(path = "/{complaintId}/responses", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Accepted>> respond(@PathVariable String complaintId,
                                           @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                                   examples = @ExampleObject(value = """
                                                           {"satisfaction": 2, "resolved": false, "comment": "still leaking"}""")))
                                           @RequestBody FollowUpResponse response) {
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
                FollowUpRejected.class, () -> view.find(complaintId).map(ComplaintFollowUps::state));
    }
}
