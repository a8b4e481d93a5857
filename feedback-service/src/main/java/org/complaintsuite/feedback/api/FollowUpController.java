package org.complaintsuite.feedback.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.complaintsuite.events.CallOutcome;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.feedback.domain.FollowUpRejected;
import org.complaintsuite.feedback.projection.CallList;
import org.complaintsuite.feedback.projection.ComplaintFollowUps;
import org.complaintsuite.feedback.projection.FollowUpView;
import org.complaintsuite.platform.axon.AcceptedCommands;
import org.complaintsuite.platform.web.Accepted;
import org.complaintsuite.platform.web.FieldChecks;
import org.complaintsuite.platform.web.FieldProblem;
import org.complaintsuite.platform.web.InvalidRequestException;
import org.complaintsuite.platform.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

@RestController
@Tag(name = "Follow-ups", description = "Calling the customer after the resolution, and what the answer leads to")
@RequestMapping(path = "/api/follow-ups", produces = MediaType.APPLICATION_JSON_VALUE)
class FollowUpController {

    private final AcceptedCommands commands;
    private final FollowUpView view;
    private final Clock clock;

    FollowUpController(AcceptedCommands commands, FollowUpView view, Clock clock) {
        this.commands = commands;
        this.view = view;
        this.clock = clock;
    }

    record FollowUpResponse(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "5",
                                    description = "1 (very dissatisfied) to 5 (very satisfied)") Integer satisfaction,
                            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                    description = "whether the customer says the problem is solved") Boolean resolved,
                            @Schema(maxLength = 4000) String comment,
                            @Schema(minimum = "0", maximum = "10", description = "net-promoter score, when asked")
                            Integer nps,
                            @Schema(maxLength = 100, description = "who took the answer") String by) {
    }

    @Operation(summary = "The call list",
            description = "Follow-ups waiting that may be called by callableBy (now when left out), of one "
                    + "department when given, the one due soonest first.")
    @GetMapping
    Mono<CallList> calls(@RequestParam(required = false) String department,
                         @RequestParam(required = false) @Schema(description = "an instant, e.g. "
                                 + "2026-12-04T09:00:00Z; now when left out") String callableBy,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "50") int size) {
        List<FieldProblem> problems = new ArrayList<>();
        Instant by = clock.instant();
        if (callableBy != null) {
            try {
                by = Instant.parse(callableBy.trim());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("callableBy", "must be an instant such as 2026-12-04T09:00:00Z"));
            }
        }
        FieldChecks.page(problems, page, size, 500);
        InvalidRequestException.throwIfAny(problems);
        return view.calls(FieldChecks.trimmedOrNull(department), by, page, size);
    }

    @Operation(summary = "The follow-ups of a complaint",
            description = "By round: the plan that set them (product quality: the next working day and the fifth; "
                    + "other complaints: one within 5 working days), each follow-up's due time, calls and answer.")
    @GetMapping("/{complaintId}")
    Mono<ComplaintFollowUps> find(@PathVariable String complaintId) {
        return view.find(complaintId)
                .switchIfEmpty(Mono.error(new NotFoundException("no follow-up for " + complaintId)));
    }

    @Operation(summary = "Record a call to the customer",
            description = "An answer completes the follow-up: dissatisfied (satisfaction 2 or less, or not resolved) "
                    + "revisits the complaint, satisfied on the round's last follow-up closes it. Nobody answering is "
                    + "retried on the plan's schedule until the attempts run out (UNREACHABLE).")
    @PostMapping(path = "/{complaintId}/attempts", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Accepted>> attempt(@PathVariable String complaintId,
                                           @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                                   examples = @ExampleObject(value = """
                                                           {"outcome": "NO_ANSWER", "by": "agent-7"}""")))
                                           @RequestBody CallAttempt call) {
        InvalidRequestException.throwIfAny(call.problems());
        return send(complaintId, call);
    }

    @Operation(summary = "Record the customer's answer to the follow-up waiting longest",
            description = "The same as a call answered (outcome ANSWERED) about the earliest follow-up waiting.")
    @PostMapping(path = "/{complaintId}/responses", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Accepted>> respond(@PathVariable String complaintId,
                                           @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                                   examples = @ExampleObject(value = """
                                                           {"satisfaction": 2, "resolved": false, "comment": "still leaking"}""")))
                                           @RequestBody FollowUpResponse response) {
        CallAttempt call = new CallAttempt(null, null, CallOutcome.ANSWERED.name(), response.satisfaction(),
                response.resolved(), response.comment(), response.nps(), response.by());
        InvalidRequestException.throwIfAny(call.problems());
        return send(complaintId, call);
    }

    private Mono<ResponseEntity<Accepted>> send(String complaintId, CallAttempt call) {
        return commands.send(call.toCommand(ComplaintId.of(complaintId)), complaintId,
                URI.create("/api/follow-ups/" + complaintId), FollowUpRejected.class,
                () -> view.find(complaintId).map(ComplaintFollowUps::state));
    }
}
