package org.complaintsuite.sla.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.SlaBreached;
import org.complaintsuite.events.SlaClockStarted;
import org.complaintsuite.events.SlaMet;
import org.complaintsuite.events.SlaTarget;
import org.complaintsuite.sla.domain.Commands.StartResolutionClockCommand;
import org.complaintsuite.sla.domain.Commands.StopResolutionClockCommand;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The SLA clocks of one complaint, one per handling round. The due time is a persisted deadline
 * (db-scheduler in PostgreSQL): it fires once even across restarts, and the clock's state makes a
 * repeated firing a no-op, so every clock is breached at most once.
 */
@Aggregate
public class ComplaintClocks {

    static final String RESOLUTION_DUE = "resolution-due";

    @AggregateIdentifier
    private ComplaintId complaintId;
    private final Map<String, Clock> clocks = new HashMap<>();

    enum ClockState { RUNNING, MET, BREACHED }

    record Clock(Instant startedAt, Instant dueAt, ClockState state, String deadlineId) {
        Clock with(ClockState newState) {
            return new Clock(startedAt, dueAt, newState, deadlineId);
        }

        Clock withDeadline(String id) {
            return new Clock(startedAt, dueAt, state, id);
        }
    }

    /** Internal: where the clock's due time is persisted, so stopping the clock can cancel it. */
    public record ResolutionDeadlineScheduled(ComplaintId complaintId, String clockId, String deadlineId) {
    }

    protected ComplaintClocks() {
    }

    static String clockId(ComplaintId complaintId, SlaTarget target, int round) {
        return complaintId.value() + ":" + target + ":" + round;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartResolutionClockCommand command, SlaPolicies policies, DeadlineManager deadlines) {
        String clockId = clockId(command.complaintId(), SlaTarget.RESOLUTION, command.round());
        if (clocks.containsKey(clockId)) {
            return;
        }
        policies.resolutionPolicyFor(command.kind(), command.category()).ifPresent(policy -> {
            Instant dueAt = command.startedAt().plus(policy.resolution());
            apply(new SlaClockStarted(command.complaintId(), clockId, SlaTarget.RESOLUTION, policy.id(),
                    policy.version(), command.startedAt(), dueAt));
            apply(new ResolutionDeadlineScheduled(command.complaintId(), clockId,
                    deadlines.schedule(dueAt, RESOLUTION_DUE, clockId)));
        });
    }

    @CommandHandler
    void handle(StopResolutionClockCommand command, DeadlineManager deadlines) {
        String clockId = clockId(command.complaintId(), SlaTarget.RESOLUTION, command.round());
        Clock clock = clocks.get(clockId);
        if (clock == null || clock.state() != ClockState.RUNNING) {
            return;
        }
        if (clock.deadlineId() != null) {
            deadlines.cancelSchedule(RESOLUTION_DUE, clock.deadlineId());
        }
        if (command.stoppedAt().isAfter(clock.dueAt())) {
            // resolved late, before the deadline fired: still a breach, reported once
            apply(new SlaBreached(complaintId, clockId, SlaTarget.RESOLUTION, clock.dueAt(), command.stoppedAt()));
        } else {
            apply(new SlaMet(complaintId, clockId, SlaTarget.RESOLUTION, clock.dueAt(), command.stoppedAt(),
                    Duration.between(clock.startedAt(), command.stoppedAt()).toSeconds()));
        }
    }

    @DeadlineHandler(deadlineName = RESOLUTION_DUE)
    void onResolutionDue(String clockId) {
        Clock clock = clocks.get(clockId);
        if (clock == null || clock.state() != ClockState.RUNNING) {
            return;
        }
        apply(new SlaBreached(complaintId, clockId, SlaTarget.RESOLUTION, clock.dueAt(),
                GenericEventMessage.clock.instant()));
    }

    @EventSourcingHandler
    void on(SlaClockStarted event) {
        complaintId = event.complaintId();
        clocks.put(event.clockId(), new Clock(event.startedAt(), event.dueAt(), ClockState.RUNNING, null));
    }

    @EventSourcingHandler
    void on(ResolutionDeadlineScheduled event) {
        clocks.computeIfPresent(event.clockId(), (id, clock) -> clock.withDeadline(event.deadlineId()));
    }

    @EventSourcingHandler
    void on(SlaMet event) {
        clocks.computeIfPresent(event.clockId(), (id, clock) -> clock.with(ClockState.MET));
    }

    @EventSourcingHandler
    void on(SlaBreached event) {
        clocks.computeIfPresent(event.clockId(), (id, clock) -> clock.with(ClockState.BREACHED));
    }
}
