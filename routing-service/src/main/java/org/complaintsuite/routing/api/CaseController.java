package org.complaintsuite.routing.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.complaintsuite.events.Area;
import org.complaintsuite.events.Compensation;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.HandlingMode;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.events.Validity;
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
import org.complaintsuite.routing.domain.CaseRejected;
import org.complaintsuite.routing.domain.CauseCatalogue;
import org.complaintsuite.routing.domain.Commands.AssignCaseCommand;
import org.complaintsuite.routing.domain.Commands.EscalateCaseCommand;
import org.complaintsuite.routing.domain.Commands.HandOffCaseCommand;
import org.complaintsuite.routing.domain.Commands.RecordContactCommand;
import org.complaintsuite.routing.domain.Commands.RecordFieldArrivalCommand;
import org.complaintsuite.routing.domain.Commands.RequestFieldVisitCommand;
import org.complaintsuite.routing.domain.Commands.ResolveCaseCommand;
import org.complaintsuite.routing.domain.CaseState;
import org.complaintsuite.routing.domain.Resolution;
import org.complaintsuite.routing.domain.Resolution.Finding;
import org.complaintsuite.routing.domain.Resolution.Remedy;
import org.complaintsuite.routing.domain.RoutingRules;
import org.complaintsuite.routing.projection.Case;
import org.complaintsuite.routing.projection.CaseView;
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

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

@RestController
@Tag(name = "Cases", description = "Handling a case: work queues, escalation, assignment, contacts, field visits, resolution")
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseController {

    private static final String RESOLUTION_EXAMPLE = """
            {"validity": "SUBSTANTIATED", "finding": "COMPANY_FAULT", "remedy": "REPLACEMENT",
             "rootCause": "seal defect in batch 7", "causeCode": "MATERIAL_DEFECT",
             "note": "We replace the kettle.", "resolvedBy": "q-supervisor"}""";

    private final AcceptedCommands commands;
    private final CaseView view;
    private final CauseCatalogue causes;

    CaseController(AcceptedCommands commands, CaseView view, RoutingRules rules) {
        this.commands = commands;
        this.view = view;
        this.causes = rules.causes();
    }

    record EscalationRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason,
                             String actor,
                             @Schema(implementation = EscalationLevel.class,
                                     description = "case-insensitive; the level to go to, one up when left out")
                             String targetLevel,
                             @Schema(implementation = EscalationLevel.class,
                                     description = "case-insensitive; refused with 409 unless the case is at it")
                             String expectedLevel) {
    }

    record CompensationRequest(BigDecimal amount, String currency) {
    }

    record ResolutionRequest(@Schema(implementation = Validity.class, requiredMode = Schema.RequiredMode.REQUIRED,
                                     description = "case-insensitive") String validity,
                             @Schema(implementation = Finding.class, requiredMode = Schema.RequiredMode.REQUIRED,
                                     description = "case-insensitive") String finding,
                             @Schema(implementation = Remedy.class, requiredMode = Schema.RequiredMode.REQUIRED,
                                     description = "case-insensitive") String remedy,
                             @Schema(description = "exactly when the remedy is compensation")
                             CompensationRequest compensation,
                             @Schema(description = "required for a substantiated complaint") String rootCause,
                             @Schema(description = "required for a substantiated complaint: one of the cause codes "
                                     + "of GET /api/resolution-catalogue (case-insensitive)") String causeCode,
                             @Schema(description = "where a company fault lies, one of the catalogue's "
                                     + "responsibleDepartments; the cause code's department when left out")
                             String responsibleDepartment,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "what the customer is told")
                             String note,
                             String resolvedBy) {
    }

    record HandOffRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String to,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason, String by) {
    }

    record ContactRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String by,
                          @Schema(implementation = Channel.class, requiredMode = Schema.RequiredMode.REQUIRED,
                                  description = "case-insensitive; how the customer was reached") String means,
                          String note) {
    }

    record AssignmentRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String assignee,
                             @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reason,
                             @Schema(description = "a supervisor on the roster, for a designated case") String by) {
    }

    record FieldVisitRequest(@Schema(implementation = Area.class, description = "case-insensitive; TOWN when left out") String area, String location,
                             String reason, String requestedBy) {
    }

    record ArrivalRequest(String arrivedBy) {
    }

    @Operation(summary = "A case with its full history",
            description = "State and round, department, owner and assignee, escalation level, field visit, "
                    + "resolution, and every step on the record (who, what, when, why).")
    @GetMapping("/{complaintId}")
    Mono<Case> find(@PathVariable String complaintId) {
        return view.find(complaintId).switchIfEmpty(Mono.error(new NotFoundException("no case " + complaintId)));
    }

    @Operation(summary = "Work queues",
            description = "Cases by state, department, handling mode (ANALYSIS for the daily review) and assignee "
                    + "(one person's queue, escalated cases included), the least recently changed first; without "
                    + "their history.")
    @GetMapping
    Mono<Case.Page> list(@RequestParam(required = false) String state,
                         @RequestParam(required = false) String department,
                         @RequestParam(required = false) String handlingMode,
                         @RequestParam(required = false) String assignee,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "50") int size) {
        List<FieldProblem> problems = new ArrayList<>();
        CaseState inState = FieldChecks.oneOf(problems, "state", state, CaseState.class, false, null);
        HandlingMode mode = FieldChecks.oneOf(problems, "handlingMode", handlingMode, HandlingMode.class, false, null);
        FieldChecks.page(problems, page, size, 500);
        InvalidRequestException.throwIfAny(problems);
        return view.list(inState, department, mode, FieldChecks.trimmedOrNull(assignee), page, size)
                .map(items -> new Case.Page(page, size, items));
    }

    @Operation(summary = "Escalate a case",
            description = "One level up (agent, supervisor, manager, leadership) unless targetLevel names one; "
                    + "expectedLevel guards against a concurrent escalation.")
    @PostMapping(path = "/{complaintId}/escalations", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Accepted>> escalate(@PathVariable String complaintId,
                                            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                                    examples = @ExampleObject(value = """
                                                            {"reason": "customer demands a supervisor", "actor": "agent-7"}""")))
                                            @RequestBody EscalationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldChecks.required(problems, "reason", request.reason(), 2000);
        EscalationLevel target = FieldChecks.oneOf(problems, "targetLevel", request.targetLevel(),
                EscalationLevel.class, false, null);
        EscalationLevel expected = FieldChecks.oneOf(problems, "expectedLevel", request.expectedLevel(),
                EscalationLevel.class, false, null);
        FieldChecks.maxLength(problems, "actor", request.actor(), 200);
        InvalidRequestException.throwIfAny(problems);
        return dispatch(complaintId, new EscalateCaseCommand(ComplaintId.of(complaintId), request.reason(),
                EscalateCaseCommand.MANUAL, FieldChecks.orUnknown(request.actor()), target, expected));
    }

    @Operation(summary = "Resolve a case",
            description = "Records how the complaint ended. Every field is checked and every problem reported at "
                    + "once: validity, finding and remedy from their lists, a compensation (positive amount, at "
                    + "most two decimals, ISO currency) exactly when the remedy is compensation, a root cause for "
                    + "a substantiated complaint, and the note to the customer.")
    @PostMapping(path = "/{complaintId}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Accepted>> resolve(@PathVariable String complaintId,
                                           @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                                   examples = @ExampleObject(value = RESOLUTION_EXAMPLE)))
                                           @RequestBody ResolutionRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        Validity validity = FieldChecks.oneOf(problems, "validity", request.validity(), Validity.class, true, null);
        Finding finding = FieldChecks.oneOf(problems, "finding", request.finding(), Finding.class, true, null);
        Remedy remedy = FieldChecks.oneOf(problems, "remedy", request.remedy(), Remedy.class, true, null);
        FieldChecks.maxLength(problems, "resolvedBy", request.resolvedBy(), 200);
        Compensation compensation = request.compensation() == null ? null
                : new Compensation(request.compensation().amount(), request.compensation().currency());
        // the rules of a resolution are the domain's; a field already at fault here is not reported twice
        List<Resolution.Problem> domain = new ArrayList<>(Resolution.problems(validity, finding, remedy, compensation,
                request.rootCause(), request.note()));
        domain.addAll(causes.problems(validity, finding, request.causeCode(), request.responsibleDepartment()));
        domain.stream()
                .filter(p -> problems.stream().noneMatch(known -> known.field().equals(p.field())))
                .forEach(p -> problems.add(new FieldProblem(p.field(), p.reason())));
        InvalidRequestException.throwIfAny(problems);
        Resolution resolution = new Resolution(validity, finding, remedy, compensation, request.rootCause(),
                request.note(), request.causeCode(), request.responsibleDepartment());
        return dispatch(complaintId, new ResolveCaseCommand(ComplaintId.of(complaintId), resolution,
                FieldChecks.orUnknown(request.resolvedBy())));
    }

    @Operation(summary = "Assign a case to someone",
            description = "A supervisor gives the case to another agent (any name; the roster is for automatic "
                    + "assignment), or designates the handler of a designated case (by must then be a supervisor "
                    + "on the roster).")
    @PostMapping(path = "/{complaintId}/assignment", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Accepted>> reassign(@PathVariable String complaintId, @RequestBody AssignmentRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldChecks.required(problems, "assignee", request.assignee(), 200);
        FieldChecks.required(problems, "reason", request.reason(), 2000);
        FieldChecks.maxLength(problems, "by", request.by(), 200);
        InvalidRequestException.throwIfAny(problems);
        return dispatch(complaintId, new AssignCaseCommand(ComplaintId.of(complaintId), 0, request.assignee().trim(),
                request.reason(), FieldChecks.orUnknown(request.by())));
    }

    @Operation(summary = "Record a contact with the customer",
            description = "The first contact of a round stops the first-response clock.")
    @PostMapping(path = "/{complaintId}/contacts", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Accepted>> contact(@PathVariable String complaintId, @RequestBody ContactRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldChecks.required(problems, "by", request.by(), 200);
        Channel means = FieldChecks.oneOf(problems, "means", request.means(), Channel.class, true, null);
        FieldChecks.maxLength(problems, "note", request.note(), 2000);
        InvalidRequestException.throwIfAny(problems);
        return dispatch(complaintId, new RecordContactCommand(ComplaintId.of(complaintId), request.by().trim(), means,
                request.note()));
    }

    @Operation(summary = "Hand a case off to another owner",
            description = "Passes ownership on the record (who, to whom, why); the case counts its hand-offs.")
    @PostMapping(path = "/{complaintId}/handoffs", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Accepted>> handOff(@PathVariable String complaintId, @RequestBody HandOffRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldChecks.required(problems, "to", request.to(), 200);
        FieldChecks.required(problems, "reason", request.reason(), 2000);
        FieldChecks.maxLength(problems, "by", request.by(), 200);
        InvalidRequestException.throwIfAny(problems);
        return dispatch(complaintId, new HandOffCaseCommand(ComplaintId.of(complaintId), request.to().trim(),
                request.reason(), FieldChecks.orUnknown(request.by())));
    }

    @Operation(summary = "Send someone on site",
            description = "The SLA service starts the arrival clock for the area (TOWN unless given) and the hour.")
    @PostMapping(path = "/{complaintId}/field-visits", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Accepted>> requestFieldVisit(@PathVariable String complaintId,
                                                   @RequestBody FieldVisitRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        Area area = FieldChecks.oneOf(problems, "area", request.area(), Area.class, false, Area.TOWN);
        FieldChecks.maxLength(problems, "location", request.location(), 500);
        FieldChecks.maxLength(problems, "reason", request.reason(), 2000);
        FieldChecks.maxLength(problems, "requestedBy", request.requestedBy(), 200);
        InvalidRequestException.throwIfAny(problems);
        return dispatch(complaintId, new RequestFieldVisitCommand(ComplaintId.of(complaintId), area,
                request.location(), request.reason(), FieldChecks.orUnknown(request.requestedBy())));
    }

    @Operation(summary = "Record the arrival on site", description = "Stops the field visit's arrival clock.")
    @PostMapping(path = "/{complaintId}/field-visits/arrival", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Accepted>> recordArrival(@PathVariable String complaintId, @RequestBody ArrivalRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldChecks.maxLength(problems, "arrivedBy", request.arrivedBy(), 200);
        InvalidRequestException.throwIfAny(problems);
        return dispatch(complaintId, new RecordFieldArrivalCommand(ComplaintId.of(complaintId),
                FieldChecks.orUnknown(request.arrivedBy())));
    }


    private Mono<ResponseEntity<Accepted>> dispatch(String complaintId, Object command) {
        return commands.send(command, complaintId, URI.create("/api/cases/" + complaintId), CaseRejected.class,
                () -> view.find(complaintId).map(Case::state));
    }
}
