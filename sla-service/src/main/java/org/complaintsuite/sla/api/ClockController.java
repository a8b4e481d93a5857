package org.complaintsuite.sla.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.SlaTarget;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import org.complaintsuite.platform.axon.AcceptedCommands;
import org.complaintsuite.platform.web.Accepted;
import org.complaintsuite.platform.web.FieldChecks;
import org.complaintsuite.platform.web.FieldProblem;
import org.complaintsuite.platform.web.InvalidRequestException;
import org.complaintsuite.platform.web.NotFoundException;
import org.complaintsuite.sla.domain.ClockRejected;
import org.complaintsuite.sla.domain.Commands.PauseClockCommand;
import org.complaintsuite.sla.domain.Commands.RecalculateClocksCommand;
import org.complaintsuite.sla.domain.Commands.ResumeClockCommand;
import org.complaintsuite.sla.domain.SlaCatalogue;
import org.complaintsuite.sla.projection.ClockView;
import org.complaintsuite.sla.projection.SlaClock;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

@RestController
@Tag(name = "Clocks", description = "SLA clocks explained, paused, resumed and recalculated; the policies in force")
class ClockController {

    private final ClockView view;
    private final SlaCatalogue catalogue;
    private final AcceptedCommands commands;

    ClockController(ClockView view, SlaCatalogue catalogue, AcceptedCommands commands) {
        this.view = view;
        this.catalogue = catalogue;
        this.commands = commands;
    }

    private static final String TARGET = "case-insensitive; RESOLUTION when left out";

    record PauseRequest(@Schema(implementation = SlaTarget.class, description = TARGET) String target,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason,
                        String actor) {
    }

    record ResumeRequest(@Schema(implementation = SlaTarget.class, description = TARGET) String target, String actor) {
    }

    record RecalculationRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason, String actor) {
    }

    @Operation(summary = "Every clock of a complaint, explained",
            description = "Policy and version, calendar, pauses with their cause, warnings, recalculations, due "
                    + "time, and the working time elapsed as of now.")
    @GetMapping(path = "/api/clocks/{complaintId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<SlaClock.OfComplaint> clocks(@PathVariable String complaintId) {
        return view.find(complaintId).switchIfEmpty(Mono.error(new NotFoundException("no clocks for " + complaintId)));
    }

    @Operation(summary = "Pause a clock",
            description = "Stops counting the target's time (RESOLUTION unless named) until it is resumed, e.g. "
                    + "while waiting for the customer; the reason is on the record.")
    @PostMapping(path = "/api/clocks/{complaintId}/pauses", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Accepted>> pause(@PathVariable String complaintId,
                                         @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                                 examples = @ExampleObject(value = """
                                                         {"target": "RESOLUTION", "reason": "waiting for photos from the customer",
                                                          "actor": "agent-7"}""")))
                                         @RequestBody PauseRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        SlaTarget target = target(request.target(), problems);
        FieldChecks.required(problems, "reason", request.reason(), 500);
        FieldChecks.maxLength(problems, "actor", request.actor(), 200);
        InvalidRequestException.throwIfAny(problems);
        return send(complaintId, new PauseClockCommand(ComplaintId.of(complaintId), target, request.reason(),
                FieldChecks.orUnknown(request.actor())));
    }

    @Operation(summary = "Resume a paused clock", description = "The due time moves by the time paused.")
    @PostMapping(path = "/api/clocks/{complaintId}/resumptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Accepted>> resume(@PathVariable String complaintId,
                                          @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                                  examples = @ExampleObject(value = """
                                                          {"target": "RESOLUTION", "actor": "agent-7"}""")))
                                          @RequestBody ResumeRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        SlaTarget target = target(request.target(), problems);
        FieldChecks.maxLength(problems, "actor", request.actor(), 200);
        InvalidRequestException.throwIfAny(problems);
        return send(complaintId, new ResumeClockCommand(ComplaintId.of(complaintId), target,
                FieldChecks.orUnknown(request.actor())));
    }

    @Operation(summary = "Recalculate a complaint's clocks",
            description = "Moves the complaint's running clocks to the policy versions loaded now, on the record.")
    @PostMapping(path = "/api/clocks/{complaintId}/recalculations", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Accepted>> recalculate(@PathVariable String complaintId,
                                             @RequestBody RecalculationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldChecks.required(problems, "reason", request.reason(), 2000);
        FieldChecks.maxLength(problems, "actor", request.actor(), 200);
        InvalidRequestException.throwIfAny(problems);
        return send(complaintId, new RecalculateClocksCommand(ComplaintId.of(complaintId), request.reason(),
                FieldChecks.orUnknown(request.actor())));
    }

    @Operation(summary = "The SLA policies in force",
            description = "Warning thresholds, business calendars, and each policy's match and targets (a duration, "
                    + "or one per time-of-day band, counted on a calendar).")
    @GetMapping(path = "/api/policies", produces = MediaType.APPLICATION_JSON_VALUE)
    PolicyCatalogue policies() {
        return PolicyCatalogue.of(catalogue);
    }

    private Mono<ResponseEntity<Accepted>> send(String complaintId, Object command) {
        return commands.send(command, complaintId, URI.create("/api/clocks/" + complaintId), ClockRejected.class,
                () -> view.find(complaintId).map(SlaClock.OfComplaint::clocks));
    }

    private static SlaTarget target(String value, List<FieldProblem> problems) {
        return FieldChecks.oneOf(problems, "target", value, SlaTarget.class, false, SlaTarget.RESOLUTION);
    }

}
