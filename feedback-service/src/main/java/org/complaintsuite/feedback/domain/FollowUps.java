package org.complaintsuite.feedback.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.complaintsuite.events.CallOutcome;
import org.complaintsuite.events.ComplaintClosed;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintRevisited;
import org.complaintsuite.events.FollowUpAttempted;
import org.complaintsuite.events.FollowUpCompleted;
import org.complaintsuite.events.FollowUpEnded;
import org.complaintsuite.events.FollowUpScheduled;
import org.complaintsuite.feedback.domain.Commands.RecordAttemptCommand;
import org.complaintsuite.feedback.domain.Commands.RecordRepeatContactCommand;
import org.complaintsuite.feedback.domain.Commands.ScheduleFollowUpsCommand;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The follow-ups of one complaint. Each resolution gets the follow-ups its plan sets, each due by its own
 * working day. A call is an attempt: an answer completes the follow-up; nobody answering is retried on
 * the plan's schedule until the attempts run out and the customer is {@code UNREACHABLE}; a wrong number
 * ends it unreachable at once, a refusal ends it refused. A dissatisfied answer (satisfaction 2 or less,
 * or the problem not solved) cancels the round's other follow-ups and re-opens the complaint; when the
 * round's last follow-up ends and the customer was satisfied, the complaint is closed (a round nobody
 * answered stays resolved, on the record as unreachable). A repeat complaint about the same subject
 * after the resolution re-opens it too, whether its follow-ups were still waiting or it had been closed.
 */
@Aggregate
public class FollowUps {

    public static final int DISSATISFIED_AT_OR_BELOW = 2;

    @AggregateIdentifier
    private ComplaintId complaintId;
    private int round;
    private boolean closed;
    private boolean reopened;
    private int lastFollowUp;
    private String department;
    /** The round's follow-ups still waiting, by number, with the calls made so far. */
    private final Map<Integer, Integer> waiting = new TreeMap<>();
    /** Every (follow-up, attempt) recorded, so a repeated record changes nothing. */
    private final Map<Integer, Set<Integer>> attempts = new HashMap<>();
    private Integer satisfaction;

    protected FollowUps() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ScheduleFollowUpsCommand command, FollowUpPlans plans) {
        if (command.round() <= round || closed) {
            return; // this resolution was already followed up
        }
        FollowUpPlans.Plan plan = plans.planFor(command.kind(), command.category());
        List<Instant> due = plans.dueTimes(plan, command.resolvedAt());
        Instant now = now();
        for (int step = 1; step <= due.size(); step++) {
            apply(new FollowUpScheduled(command.complaintId(), command.round(), command.category(), now,
                    due.get(step - 1), lastFollowUp + 1, step, due.size(), plan.id(), command.kind(),
                    command.department()));
        }
    }

    @CommandHandler
    void handle(RecordAttemptCommand command, FollowUpPlans plans) {
        if (command.followUp() != null && command.attempt() != null
                && attempts.getOrDefault(command.followUp(), Set.of()).contains(command.attempt())) {
            return; // this attempt is on the record already
        }
        int followUp = command.followUp() != null ? command.followUp() : waiting.keySet().stream().findFirst()
                .orElseThrow(() -> new FollowUpRejected(closed ? "the complaint is closed"
                        : "no follow-up is waiting for an answer"));
        if (!waiting.containsKey(followUp)) {
            throw new FollowUpRejected(closed ? "the complaint is closed"
                    : "follow-up " + followUp + " is not waiting for an answer"
                    + (waiting.isEmpty() ? "" : " (waiting: " + waiting.keySet() + ")"));
        }
        int made = waiting.get(followUp) + 1;
        int attempt = command.attempt() != null ? command.attempt() : made;
        Instant now = now();
        switch (command.outcome()) {
            case ANSWERED -> answered(command, followUp, attempt, now);
            case NO_ANSWER -> {
                boolean last = made >= plans.maxAttempts();
                apply(new FollowUpAttempted(complaintId, round, followUp, attempt, CallOutcome.NO_ANSWER,
                        command.by(), now, last ? null : plans.nextAttempt(made, now), department));
                if (last) {
                    end(followUp, FollowUpEnded.Outcome.UNREACHABLE, made, now);
                }
            }
            case WRONG_NUMBER, REFUSED -> {
                apply(new FollowUpAttempted(complaintId, round, followUp, attempt, command.outcome(), command.by(),
                        now, null, department));
                end(followUp, command.outcome() == CallOutcome.REFUSED ? FollowUpEnded.Outcome.REFUSED
                        : FollowUpEnded.Outcome.UNREACHABLE, made, now);
            }
        }
    }

    private void answered(RecordAttemptCommand command, int followUp, int attempt, Instant now) {
        if (command.satisfaction() == null || command.satisfaction() < 1 || command.satisfaction() > 5) {
            throw new IllegalArgumentException("satisfaction must be 1 to 5");
        }
        if (command.resolved() == null) {
            throw new IllegalArgumentException("an answer says whether the problem is resolved");
        }
        if (command.nps() != null && (command.nps() < 0 || command.nps() > 10)) {
            throw new IllegalArgumentException("nps must be 0 to 10");
        }
        apply(new FollowUpCompleted(complaintId, round, command.satisfaction(), command.resolved(), command.comment(),
                now, followUp, attempt, command.nps(), command.by(), department));
        if (!command.resolved() || command.satisfaction() <= DISSATISFIED_AT_OR_BELOW) {
            revisit(ComplaintRevisited.DISSATISFIED_FOLLOW_UP, null, now);
        } else if (waiting.isEmpty()) {
            apply(new ComplaintClosed(complaintId, round, command.satisfaction(), now));
        }
    }

    private void end(int followUp, FollowUpEnded.Outcome outcome, int made, Instant now) {
        apply(new FollowUpEnded(complaintId, round, followUp, outcome, made, now, department));
        if (waiting.isEmpty() && satisfaction != null) {
            apply(new ComplaintClosed(complaintId, round, satisfaction, now));
        }
    }

    @CommandHandler
    void handle(RecordRepeatContactCommand command) {
        if (reopened) {
            return; // already open again: the new contact is one more voice on the same round
        }
        revisit(ComplaintRevisited.REPEAT_COMPLAINT, command.contact(), now());
    }

    /** Re-opens the complaint; the round's follow-ups not yet made are cancelled first. */
    private void revisit(String reason, ComplaintId contact, Instant now) {
        for (var open : List.copyOf(waiting.entrySet())) {
            apply(new FollowUpEnded(complaintId, round, open.getKey(), FollowUpEnded.Outcome.CANCELLED,
                    open.getValue(), now, department));
        }
        apply(new ComplaintRevisited(complaintId, round + 1, reason, now, contact));
    }

    @EventSourcingHandler
    void on(FollowUpScheduled event) {
        complaintId = event.complaintId();
        if (event.round() != round) {
            round = event.round();
            waiting.clear();
            satisfaction = null;
            reopened = false;
        }
        waiting.put(event.followUpNumber(), 0);
        lastFollowUp = Math.max(lastFollowUp, event.followUpNumber());
        department = event.department();
    }

    @EventSourcingHandler
    void on(FollowUpAttempted event) {
        waiting.computeIfPresent(event.followUp(), (number, made) -> made + 1);
        attempts.computeIfAbsent(event.followUp(), number -> new HashSet<>()).add(event.attempt());
    }

    @EventSourcingHandler
    void on(FollowUpCompleted event) {
        waiting.remove(event.followUpNumber());
        satisfaction = event.satisfaction();
        if (event.attempt() != null) {
            attempts.computeIfAbsent(event.followUpNumber(), number -> new HashSet<>()).add(event.attempt());
        }
    }

    @EventSourcingHandler
    void on(FollowUpEnded event) {
        waiting.remove(event.followUp());
    }

    @EventSourcingHandler
    void on(ComplaintRevisited event) {
        waiting.clear();
        closed = false;
        reopened = true;
    }

    @EventSourcingHandler
    void on(ComplaintClosed event) {
        closed = true;
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
