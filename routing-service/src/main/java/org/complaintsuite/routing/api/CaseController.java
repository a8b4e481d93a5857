package org.complaintsuite.routing.api;

import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.platform.axon.AcceptedCommands;
import org.complaintsuite.platform.web.FieldChecks;
import org.complaintsuite.platform.web.FieldProblem;
import org.complaintsuite.platform.web.InvalidRequestException;
import org.complaintsuite.platform.web.NotFoundException;
import org.complaintsuite.routing.domain.CaseRejected;
import org.complaintsuite.routing.domain.Commands.EscalateCaseCommand;
import org.complaintsuite.routing.domain.Commands.ResolveCaseCommand;
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

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@RestController
@RequestMapping(path = "/api/cases", produces = MediaType.APPLICATION_JSON_VALUE)
class CaseController {

    private final AcceptedCommands commands;
    private final CaseView view;

    CaseController(AcceptedCommands commands, CaseView view) {
        this.commands = commands;
        this.view = view;
    }

    record EscalationRequest(String reason, String actor, String targetLevel) {
    }

    record ResolutionRequest(String finding, String remedy, String rootCause, String note, String resolvedBy) {
    }

    @GetMapping("/{complaintId}")
    Mono<Map<String, Object>> find(@PathVariable String complaintId) {
        return view.find(complaintId).switchIfEmpty(Mono.error(new NotFoundException("no case " + complaintId)));
    }

    @GetMapping
    Mono<Map<String, Object>> list(@RequestParam(required = false) String state,
                                   @RequestParam(required = false) String department,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            return Mono.error(new InvalidRequestException("page/size", "page >= 0 and 1 <= size <= 500"));
        }
        return view.list(state, department, page, size)
                .map(items -> Map.of("page", page, "size", size, "items", items));
    }

    @PostMapping(path = "/{complaintId}/escalations", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> escalate(@PathVariable String complaintId, @RequestBody EscalationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldChecks.required(problems, "reason", request.reason(), 2000);
        EscalationLevel target = null;
        if (request.targetLevel() != null) {
            try {
                target = EscalationLevel.valueOf(request.targetLevel().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("targetLevel", "must be one of "
                        + List.of(EscalationLevel.values()).toString().toLowerCase(Locale.ROOT)));
            }
        }
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        String actor = request.actor() == null || request.actor().isBlank() ? "unknown" : request.actor();
        return dispatch(complaintId, new EscalateCaseCommand(ComplaintId.of(complaintId), request.reason(),
                EscalateCaseCommand.MANUAL, actor, target));
    }

    @PostMapping(path = "/{complaintId}/resolution", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> resolve(@PathVariable String complaintId, @RequestBody ResolutionRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldChecks.required(problems, "finding", request.finding(), 2000);
        FieldChecks.required(problems, "remedy", request.remedy(), 2000);
        FieldChecks.maxLength(problems, "rootCause", request.rootCause(), 2000);
        FieldChecks.maxLength(problems, "note", request.note(), 4000);
        if (!problems.isEmpty()) {
            return Mono.error(new InvalidRequestException(problems));
        }
        String by = request.resolvedBy() == null || request.resolvedBy().isBlank() ? "unknown" : request.resolvedBy();
        return dispatch(complaintId, new ResolveCaseCommand(ComplaintId.of(complaintId), request.finding(),
                request.remedy(), request.rootCause(), request.note(), by));
    }

    private Mono<ResponseEntity<Object>> dispatch(String complaintId, Object command) {
        return commands.send(command, complaintId, URI.create("/api/cases/" + complaintId), CaseRejected.class,
                () -> view.find(complaintId).map(v -> v.get("state")));
    }
}
