package org.complaintsuite.sla.api;

import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.SlaTarget;
import org.complaintsuite.platform.axon.AcceptedCommands;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
class ClockController {

    private final ClockView view;
    private final SlaCatalogue catalogue;
    private final AcceptedCommands commands;

    ClockController(ClockView view, SlaCatalogue catalogue, AcceptedCommands commands) {
        this.view = view;
        this.catalogue = catalogue;
        this.commands = commands;
    }

    record PauseRequest(String target, String reason, String actor) {
    }

    record ResumeRequest(String target, String actor) {
    }

    record RecalculationRequest(String reason, String actor) {
    }

    /** Every clock of a complaint, explained: policy and version, calendar, pauses, warnings, due time. */
    @GetMapping(path = "/api/clocks/{complaintId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> clocks(@PathVariable String complaintId) {
        return view.find(complaintId).switchIfEmpty(Mono.error(new NotFoundException("no clocks for " + complaintId)));
    }

    @PostMapping(path = "/api/clocks/{complaintId}/pauses", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> pause(@PathVariable String complaintId, @RequestBody PauseRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        SlaTarget target = target(request.target(), problems);
        FieldChecks.required(problems, "reason", request.reason(), 500);
        FieldChecks.maxLength(problems, "actor", request.actor(), 200);
        InvalidRequestException.throwIfAny(problems);
        return send(complaintId, new PauseClockCommand(ComplaintId.of(complaintId), target, request.reason(),
                FieldChecks.orUnknown(request.actor())));
    }

    @PostMapping(path = "/api/clocks/{complaintId}/resumptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> resume(@PathVariable String complaintId, @RequestBody ResumeRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        SlaTarget target = target(request.target(), problems);
        FieldChecks.maxLength(problems, "actor", request.actor(), 200);
        InvalidRequestException.throwIfAny(problems);
        return send(complaintId, new ResumeClockCommand(ComplaintId.of(complaintId), target,
                FieldChecks.orUnknown(request.actor())));
    }

    /** Moves the complaint's running clocks to the policy versions loaded now, on the record. */
    @PostMapping(path = "/api/clocks/{complaintId}/recalculations", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> recalculate(@PathVariable String complaintId,
                                             @RequestBody RecalculationRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldChecks.required(problems, "reason", request.reason(), 2000);
        FieldChecks.maxLength(problems, "actor", request.actor(), 200);
        InvalidRequestException.throwIfAny(problems);
        return send(complaintId, new RecalculateClocksCommand(ComplaintId.of(complaintId), request.reason(),
                FieldChecks.orUnknown(request.actor())));
    }

    @GetMapping(path = "/api/policies", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> policies() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("warnAt", catalogue.warnAt());
        answer.put("calendars", catalogue.calendars().values().stream().map(c -> c.snapshot()).toList());
        answer.put("policies", catalogue.policies().stream().map(p -> {
            Map<String, Object> policy = new LinkedHashMap<>();
            policy.put("id", p.id());
            policy.put("version", p.version());
            policy.put("match", p.match());
            Map<String, Object> targets = new LinkedHashMap<>();
            p.targets().forEach((target, rule) -> {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("calendar", rule.calendarId());
                if (rule.bands().isEmpty()) {
                    t.put("duration", rule.allowed().toString());
                } else {
                    t.put("bands", rule.bands().stream().map(b -> Map.of("hours", b.period().toString(),
                            "duration", b.allowed().toString())).toList());
                }
                targets.put(target.name(), t);
            });
            policy.put("targets", targets);
            return policy;
        }).toList());
        return answer;
    }

    private Mono<ResponseEntity<Object>> send(String complaintId, Object command) {
        return commands.send(command, complaintId, URI.create("/api/clocks/" + complaintId), ClockRejected.class,
                () -> view.find(complaintId).map(v -> v.get("clocks")));
    }

    private static SlaTarget target(String value, List<FieldProblem> problems) {
        return FieldChecks.oneOf(problems, "target", value, SlaTarget.class, false, SlaTarget.RESOLUTION);
    }

}
