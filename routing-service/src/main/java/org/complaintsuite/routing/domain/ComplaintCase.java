package org.complaintsuite.routing.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.complaintsuite.events.CaseAssigned;
import org.complaintsuite.events.CaseHandedOff;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.Compensation;
import org.complaintsuite.events.ComplaintClosed;
import org.complaintsuite.events.ComplaintEscalated;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.ComplaintRouted;
import org.complaintsuite.events.CustomerContacted;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.events.FieldVisitArrived;
import org.complaintsuite.events.FieldVisitRequested;
import org.complaintsuite.events.FollowUpOverdue;
import org.complaintsuite.events.HandlingMode;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.PriorityTrigger;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.routing.domain.Commands.AssignCaseCommand;
import org.complaintsuite.routing.domain.Commands.CloseCaseCommand;
import org.complaintsuite.routing.domain.Commands.EscalateCaseCommand;
import org.complaintsuite.routing.domain.Commands.EscalateOverdueFollowUpCommand;
import org.complaintsuite.routing.domain.Commands.HandOffCaseCommand;
import org.complaintsuite.routing.domain.Commands.OpenCaseCommand;
import org.complaintsuite.routing.domain.Commands.RecordContactCommand;
import org.complaintsuite.routing.domain.Commands.RecordFieldArrivalCommand;
import org.complaintsuite.routing.domain.Commands.ReopenCaseCommand;
import org.complaintsuite.routing.domain.Commands.RequestFieldVisitCommand;
import org.complaintsuite.routing.domain.Commands.ResolveCaseCommand;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A complaint's case: where it is handled, at which escalation level, and how it ended. Events that
 * arrive from other services (a revisit, a close, an SLA breach) are accepted when they make sense for
 * the case's state and otherwise ignored, so a replay never fails; commands from people are rejected.
 */
@Aggregate
public class ComplaintCase {

    @AggregateIdentifier
    private ComplaintId complaintId;
    private CaseState state;
    private int round;
    private RequestKind kind;
    private Category category;
    private EscalationLevel level;
    private Channel channel;
    private Priority priority;
    private String subjectType;
    private HandlingMode handlingMode;
    private String owner;
    private String department;
    private String assignee;
    private int assignedRound;
    private int visits;
    private int contactedRound;
    private boolean visitUnderway;
    private final Set<String> overdueClocks = new HashSet<>();

    protected ComplaintCase() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenCaseCommand command, RoutingRules rules, RosterSource roster) {
        if (state != null) {
            return; // already open: the same complaint announced twice
        }
        RoutingDecision d = rules.route(command.kind(), command.category(), command.priority(), command.channel(),
                command.subjectType());
        apply(new ComplaintRouted(command.complaintId(), 1, command.kind(), command.category(), d.handlingMode(),
                d.department(), d.entryLevel(), d.ruleId(), command.receivedAt(), now(), command.channel(),
                command.priority(), command.receivedBy(), null, command.subjectType()));
        // a flagged complaint (VIP, safety, media or legal threat) climbs the ladder at once, step by recorded step
        command.triggers().stream()
                .filter(t -> rules.escalationFor(t.kind()).isPresent())
                .sorted(Comparator.comparing(t -> rules.escalationFor(t.kind()).orElseThrow()))
                .forEach(t -> {
                    EscalationLevel to = rules.escalationFor(t.kind()).orElseThrow();
                    if (to.compareTo(level) > 0) {
                        apply(new ComplaintEscalated(complaintId, level, to, describe(t), t.kind().name(),
                                "routing-rules", now()));
                    }
                });
        if (level != d.entryLevel()) {
            handOver("flagged on arrival", "routing-rules", roster);
        }
    }

    /**
     * An escalated case goes to the person at its new level (DOMAIN.md: escalation hands the case to someone),
     * up the reporting line of whoever has it, and lands in that person's queue; the case stays as it is when
     * nobody on the roster holds the level.
     */
    private void handOver(String why, String by, RosterSource roster) {
        String from = assignee != null ? assignee : owner;
        roster.current().handlerAt(level, department, from)
                .filter(person -> !person.equals(assignee))
                .ifPresent(person -> apply(new CaseAssigned(complaintId, round, person, department,
                        "escalated to " + level + ": " + why, by, now(), true)));
    }

    private static String describe(PriorityTrigger trigger) {
        String what = switch (trigger.kind()) {
            case VIP -> "VIP customer";
            case MAJOR_ACCOUNT -> "major account";
            case SAFETY_INCIDENT -> "safety incident";
            case MEDIA_OR_LEGAL_THREAT -> "media or legal threat";
        };
        return what + " (intake rule " + trigger.rule()
                + (trigger.matched() == null ? "" : ", matched " + trigger.matched()) + ")";
    }

    @CommandHandler
    void handle(EscalateCaseCommand command, RosterSource roster) {
        boolean automatic = !EscalateCaseCommand.MANUAL.equals(command.trigger());
        if (state == CaseState.RESOLVED || state == CaseState.CLOSED) {
            if (automatic) {
                return;
            }
            throw new CaseRejected("a " + state.name().toLowerCase() + " case cannot be escalated");
        }
        if (level.isTop()) {
            if (automatic) {
                return;
            }
            throw new CaseRejected("the case is already at the top of the escalation ladder");
        }
        if (command.expectedLevel() != null && command.expectedLevel() != level) {
            throw new CaseRejected("the case is at " + level + " now, not at " + command.expectedLevel()
                    + ": someone escalated it meanwhile");
        }
        EscalationLevel to = command.targetLevel() == null ? level.next() : command.targetLevel();
        if (to.compareTo(level) <= 0) {
            throw new CaseRejected("the case is already at " + level + "; escalation goes up only");
        }
        apply(new ComplaintEscalated(complaintId, level, to, command.reason(), command.trigger(), command.actor(),
                now()));
        handOver(command.reason(), command.actor() == null ? "routing" : command.actor(), roster);
    }

    /**
     * A compensation beyond the resolver's authority (their level on the roster; an agent's when they are not
     * on it) is refused, naming the level that may grant it.
     */
    @CommandHandler
    void handle(ResolveCaseCommand command, RoutingRules rules, RosterSource roster) {
        if (state == CaseState.RESOLVED || state == CaseState.CLOSED) {
            throw new CaseRejected("the case is already " + state.name().toLowerCase());
        }
        Resolution resolution = command.resolution();
        CauseCatalogue causes = rules.causes();
        List<Resolution.Problem> causeProblems = causes.problems(resolution.validity(), resolution.finding(),
                resolution.causeCode(), resolution.responsibleDepartment());
        if (!causeProblems.isEmpty()) {
            throw new IllegalArgumentException("not a valid resolution: " + causeProblems);
        }
        Compensation compensation = resolution.compensation();
        CompensationAuthority authority = rules.compensationAuthority();
        if (compensation != null) {
            EscalationLevel actsAt = roster.current().levelOf(command.resolvedBy());
            if (!authority.mayGrant(actsAt, compensation)) {
                EscalationLevel needed = authority.levelFor(compensation);
                throw new CaseRejected("a compensation of " + compensation.amount().toPlainString() + " "
                        + compensation.currency() + " needs the authority of " + needed + " ("
                        + authority.describe(needed) + "); " + (command.resolvedBy() == null ? "the resolver"
                        : command.resolvedBy()) + " acts as " + actsAt + " (" + authority.describe(actsAt) + ")");
            }
        }
        ComplaintResolved resolved = new ComplaintResolved(complaintId, round, category, resolution.finding().name(),
                resolution.remedy().name(), resolution.rootCause(), resolution.note(), command.resolvedBy(), now(),
                resolution.validity(), resolution.compensation(), kind, department,
                causes.canonical(resolution.causeCode()), causes.responsibleDepartment(resolution.finding(),
                resolution.causeCode(), resolution.responsibleDepartment()));
        apply(resolved);
        if (!resolved.followedUp()) {
            apply(new CaseClosed(complaintId, resolved.resolvedAt())); // answered: nobody calls back about it
        }
    }

    @CommandHandler
    void handle(ReopenCaseCommand command, RoutingRules rules) {
        if ((state != CaseState.RESOLVED && state != CaseState.CLOSED) || command.round() <= round) {
            return; // still open, or this revisit was already applied
        }
        RoutingDecision d = rules.route(kind, category, priority, channel, subjectType);
        // a re-opened case goes at least to a supervisor: the first handling did not satisfy the customer
        EscalationLevel entry = max(max(level, EscalationLevel.SUPERVISOR), d.entryLevel());
        apply(new ComplaintRouted(complaintId, command.round(), kind, category, d.handlingMode(), d.department(),
                entry, d.ruleId(), command.revisitedAt(), now(), channel, priority, owner, assignee, subjectType));
    }

    /**
     * Automatic assignment gives transferred and on-the-spot cases to an agent. A designated case waits for
     * a supervisor to designate its handler; an analysis case is nobody's (it waits for the daily review).
     */
    @CommandHandler
    void handle(AssignCaseCommand command, RosterSource roster) {
        if (command.automatic()) {
            if (command.round() != round || assignedRound == round || state == CaseState.RESOLVED
                    || state == CaseState.CLOSED || handlingMode == HandlingMode.DESIGNATED
                    || handlingMode == HandlingMode.ANALYSIS) {
                return; // a later round, already assigned, over, or not to be assigned automatically
            }
        } else if (handlingMode == HandlingMode.DESIGNATED
                && roster.current().levelOf(command.by()).compareTo(EscalationLevel.LEADERSHIP) < 0) {
            throw new CaseRejected("the handler of a designated case is designated by leadership; "
                    + command.by() + " is not leadership on the roster");
        } else if (state == CaseState.RESOLVED || state == CaseState.CLOSED) {
            throw new CaseRejected("a " + state.name().toLowerCase() + " case is not reassigned");
        } else if (command.assignee().equals(assignee)) {
            throw new CaseRejected(assignee + " already works on the case");
        }
        // a case nobody took in person (a self-service channel) is owned by its first assignee
        apply(new CaseAssigned(complaintId, round, command.assignee(), department, command.reason(), command.by(),
                now(), owner == null));
    }

    @CommandHandler
    void handle(RecordContactCommand command) {
        if (state == CaseState.CLOSED) {
            throw new CaseRejected("the case is closed; the follow-up is feedback's");
        }
        apply(new CustomerContacted(complaintId, round, command.by(), command.means().name(), command.note(),
                contactedRound != round, now()));
    }

    @CommandHandler
    void handle(HandOffCaseCommand command) {
        if (state == CaseState.RESOLVED || state == CaseState.CLOSED) {
            throw new CaseRejected("a " + state.name().toLowerCase() + " case is not handed off");
        }
        if (command.to().equals(owner)) {
            throw new CaseRejected(owner + " already owns the case");
        }
        apply(new CaseHandedOff(complaintId, round, owner, command.to(), command.reason(), command.by(), now()));
    }

    @CommandHandler
    void handle(RequestFieldVisitCommand command) {
        if (state == CaseState.RESOLVED || state == CaseState.CLOSED) {
            throw new CaseRejected("a " + state.name().toLowerCase() + " case needs no field visit");
        }
        if (visitUnderway) {
            throw new CaseRejected("field visit " + visits + " has not arrived yet");
        }
        apply(new FieldVisitRequested(complaintId, round, visits + 1, command.area(), command.location(),
                command.reason(), command.requestedBy(), now()));
    }

    @CommandHandler
    void handle(RecordFieldArrivalCommand command) {
        if (!visitUnderway) {
            throw new CaseRejected("no field visit is on its way");
        }
        apply(new FieldVisitArrived(complaintId, round, visits, command.arrivedBy(), now()));
    }

    /**
     * A follow-up overdue on a resolved case goes to the supervisor above its owner (DOMAIN.md: supervision
     * of how a complaint was finally handled), once per breached clock; a case open again needs no call.
     */
    @CommandHandler
    void handle(EscalateOverdueFollowUpCommand command, RosterSource roster) {
        if (state != CaseState.RESOLVED || overdueClocks.contains(command.clockId())) {
            return;
        }
        String supervisor = roster.current().handlerAt(EscalationLevel.SUPERVISOR, department, owner).orElse(null);
        apply(new FollowUpOverdue(complaintId, round, command.clockId(), command.dueAt(), owner, supervisor, now()));
    }

    @CommandHandler
    void handle(CloseCaseCommand command) {
        if (state != CaseState.RESOLVED) {
            return;
        }
        apply(new CaseClosed(complaintId, command.closedAt()));
    }

    @EventSourcingHandler
    void on(ComplaintRouted event) {
        complaintId = event.complaintId();
        round = event.round();
        kind = event.kind();
        category = event.category();
        channel = event.channel();
        priority = event.priority();
        subjectType = event.subjectType();
        handlingMode = event.handlingMode();
        owner = event.owner();
        department = event.department();
        assignee = null;
        level = event.escalationLevel();
        state = event.round() == 1 ? CaseState.OPEN : CaseState.REOPENED;
    }

    @EventSourcingHandler
    void on(ComplaintEscalated event) {
        level = event.toLevel();
        state = CaseState.ESCALATED;
    }

    @EventSourcingHandler
    void on(ComplaintResolved event) {
        state = CaseState.RESOLVED;
    }

    @EventSourcingHandler
    void on(FollowUpOverdue event) {
        overdueClocks.add(event.clockId());
    }

    @EventSourcingHandler
    void on(CaseAssigned event) {
        assignee = event.assignee();
        if (event.ownershipPasses()) {
            owner = event.assignee();
        }
        assignedRound = event.round();
    }

    @EventSourcingHandler
    void on(CustomerContacted event) {
        contactedRound = event.round();
    }

    @EventSourcingHandler
    void on(CaseHandedOff event) {
        owner = event.toOwner();
    }

    @EventSourcingHandler
    void on(FieldVisitRequested event) {
        visits = event.visit();
        visitUnderway = true;
    }

    @EventSourcingHandler
    void on(FieldVisitArrived event) {
        visitUnderway = false;
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        state = CaseState.CLOSED;
    }

    private static EscalationLevel max(EscalationLevel a, EscalationLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static java.time.Instant now() {
        return GenericEventMessage.clock.instant();
    }

    /**
     * Internal: the case is closed, after the customer's confirmation ({@link ComplaintClosed}), or with the
     * resolution of a consultation or a query, which is not followed up.
     */
    public record CaseClosed(ComplaintId complaintId, java.time.Instant closedAt) {
    }
}
