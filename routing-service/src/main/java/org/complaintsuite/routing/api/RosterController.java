package org.complaintsuite.routing.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.platform.web.FieldChecks;
import org.complaintsuite.platform.web.FieldProblem;
import org.complaintsuite.platform.web.InvalidRequestException;
import org.complaintsuite.platform.web.NotFoundException;
import org.complaintsuite.routing.domain.Roster;
import org.complaintsuite.routing.projection.RosterBook;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Supervisors maintain the queues' agents: who is in which department, with which skills, under which
 * supervisor. Changes take effect for the next assignment and are kept on the record.
 */
@RestController
@Tag(name = "Roster", description = "The people of each department: roles on the ladder, skills, reporting lines, "
        + "and every change on the record")
@RequestMapping(path = "/api/roster", produces = MediaType.APPLICATION_JSON_VALUE)
class RosterController {

    record AgentRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String department,
                        @ArraySchema(schema = @Schema(implementation = Category.class, description = "case-insensitive"))
                        List<String> skills,
                        @Schema(description = "whom they report to") String supervisor,
                        @Schema(implementation = EscalationLevel.class, description = "their level on the ladder; "
                                + "AGENT when left out; case-insensitive") String role,
                        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "who changes the roster")
                        String by) {
    }

    record RemovedAgent(String removed) {
    }

    private final RosterBook roster;

    RosterController(RosterBook roster) {
        this.roster = roster;
    }

    @Operation(summary = "The roster in force", description = "Every department and its agents.")
    @GetMapping
    Mono<RosterBook.Departments> roster() {
        return blocking(roster::view);
    }

    @Operation(summary = "Changes made to the roster",
            description = "Newest first: who changed what, when, and the agent before and after.")
    @GetMapping("/changes")
    Mono<RosterBook.RosterChanges> changes(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            return Mono.error(new InvalidRequestException("limit", "must be 1 to 1000"));
        }
        return blocking(() -> roster.history(limit));
    }

    @Operation(summary = "An agent on the roster")
    @GetMapping("/agents/{agentId}")
    Mono<RosterBook.RosterAgent> agent(@PathVariable String agentId) {
        return blocking(() -> roster.find(agentId)
                .orElseThrow(() -> new NotFoundException("no agent " + agentId + " on the roster")));
    }

    @Operation(summary = "Put a person on the roster",
            description = "Adds the person or changes their department, role, skills or supervisor; takes effect "
                    + "for the next assignment or escalation and is kept on the record.")
    @PutMapping(path = "/agents/{agentId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<RosterBook.RosterAgent> put(@PathVariable String agentId, @RequestBody AgentRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (agentId.isBlank() || agentId.length() > 200 || agentId.startsWith("__")) {
            problems.add(new FieldProblem("agentId", "must be 1 to 200 characters, not starting with __"));
        }
        FieldChecks.required(problems, "department", request.department(), 100);
        FieldChecks.maxLength(problems, "supervisor", request.supervisor(), 200);
        FieldChecks.required(problems, "by", request.by(), 200);
        EscalationLevel role = FieldChecks.oneOf(problems, "role", request.role(), EscalationLevel.class, false,
                EscalationLevel.AGENT);
        Set<Category> skills = new LinkedHashSet<>();
        List<String> given = request.skills() == null ? List.of() : request.skills();
        for (int i = 0; i < given.size(); i++) {
            Category skill = FieldChecks.oneOf(problems, "skills[" + i + "]", given.get(i), Category.class, true,
                    null);
            if (skill != null) {
                skills.add(skill);
            }
        }
        InvalidRequestException.throwIfAny(problems);
        String supervisor = FieldChecks.trimmedOrNull(request.supervisor());
        return blocking(() -> roster.put(request.department().trim(),
                new Roster.Agent(agentId, skills, supervisor, role), request.by().trim()));
    }

    @Operation(summary = "Take an agent off the roster", description = "On the record; by names who did it.")
    @DeleteMapping("/agents/{agentId}")
    Mono<RemovedAgent> remove(@PathVariable String agentId, @RequestParam(required = false) String by) {
        if (FieldChecks.blank(by)) {
            return Mono.error(new InvalidRequestException("by", "is required: who takes the agent off the roster"));
        }
        return blocking(() -> {
            if (!roster.remove(agentId, by.trim())) {
                throw new NotFoundException("no agent " + agentId + " on the roster");
            }
            return new RemovedAgent(agentId);
        });
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
