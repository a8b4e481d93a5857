package org.complaintsuite.sla.domain;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.complaintsuite.events.ClockSubject;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.SlaBreached;
import org.complaintsuite.events.SlaClockPaused;
import org.complaintsuite.events.SlaClockRecalculated;
import org.complaintsuite.events.SlaClockResumed;
import org.complaintsuite.events.SlaClockStarted;
import org.complaintsuite.events.SlaMet;
import org.complaintsuite.events.SlaTarget;
import org.complaintsuite.events.SlaWarningReached;
import org.complaintsuite.sla.domain.Commands.PauseClockCommand;
import org.complaintsuite.sla.domain.Commands.RecalculateClocksCommand;
import org.complaintsuite.sla.domain.Commands.ResumeClockCommand;
import org.complaintsuite.sla.domain.Commands.StartClockCommand;
import org.complaintsuite.sla.domain.Commands.StopClockCommand;
import org.complaintsuite.sla.domain.InternalEvents.ClockMark;
import org.complaintsuite.sla.domain.InternalEvents.ClockMarksScheduled;
import org.complaintsuite.sla.domain.InternalEvents.ClockStopArrivedFirst;
import org.complaintsuite.sla.domain.InternalEvents.ClockStopped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The SLA clocks of one complaint: one per (target, handling round). A clock counts working time on the
 * calendar its policy named, can be paused and resumed, warns at the policy's fractions and breaches at
 * its due time. Warnings and due times are persisted deadlines (db-scheduler in PostgreSQL) that fire
 * once even across restarts; each carries the epoch of the run that scheduled it, and the clock's state
 * turns a stale or repeated firing into a no-op, so every warning and every breach is recorded once.
 */
@Aggregate
public class ComplaintClocks {

    static final String MARK = "sla-mark";
    static final double DUE = 1.0;

    @AggregateIdentifier
    private ComplaintId complaintId;
    private final Map<String, TargetClock> clocks = new LinkedHashMap<>();
    private final Map<String, Instant> stopsArrivedFirst = new HashMap<>();

    enum ClockState { RUNNING, PAUSED, MET, BREACHED }

    /** Everything needed to count a clock on, rebuilt from its events. */
    record TargetClock(String clockId, SlaTarget target, int round, ClockSubject subject, String policyId,
                 String policyVersion, Duration allowed, BusinessCalendar calendar, List<Double> warnAt,
                 Instant startedAt, Instant dueAt, ClockState state, boolean stopped, Duration workedBeforeRun,
                 Instant runningSince, Set<Double> warned, int epoch, List<String> deadlineIds) {

        Duration worked(Instant at) {
            return state == ClockState.PAUSED || stopped
                    ? workedBeforeRun
                    : workedBeforeRun.plus(calendar.between(runningSince, at));
        }

        boolean isOpen() {
            return !stopped;
        }

        boolean isCounting() {
            return !stopped && state != ClockState.PAUSED;
        }

        TargetClock with(ClockState newState) {
            return new TargetClock(clockId, target, round, subject, policyId, policyVersion, allowed, calendar, warnAt,
                    startedAt, dueAt, newState, stopped, workedBeforeRun, runningSince, warned, epoch, deadlineIds);
        }
    }

    protected ComplaintClocks() {
    }

    public static String clockId(ComplaintId complaintId, SlaTarget target, int round) {
        return complaintId.value() + ":" + target + ":" + round;
    }

    // ---- commands -------------------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartClockCommand command, SlaCatalogue catalogue, DeadlineManager deadlines) {
        String clockId = clockId(command.complaintId(), command.target(), command.round());
        if (clocks.containsKey(clockId)) {
            return;
        }
        // a clock started by a later step (follow-up, field visit) is about what the latest clock was about
        ClockSubject subject = command.subject() != null ? command.subject() : clocks.values().stream()
                .max(Comparator.comparingInt(TargetClock::round)).map(c -> c.subject().inArea(null)).orElse(null);
        if (subject == null) {
            return;
        }
        if (command.area() != null) {
            subject = subject.inArea(command.area());
        }
        Optional<ClockTerms> terms = catalogue.termsFor(command.target(), subject, command.startedAt());
        if (terms.isEmpty()) {
            return; // no policy sets this target for such a complaint
        }
        // a due time set by the step that started the clock (a follow-up's plan) is taken as it is
        ClockTerms t = command.dueAt() != null ? terms.get().dueBy(command.startedAt(), command.dueAt())
                : terms.get();
        if (t.allowed() == null) {
            return; // the policy leaves the due time to a step that did not give one
        }
        Instant dueAt = command.dueAt() != null ? command.dueAt() : t.dueAt(command.startedAt());
        String previous = clockId(command.complaintId(), command.target(), command.round() - 1);
        apply(new SlaClockStarted(command.complaintId(), clockId, command.target(), command.round(),
                subject, t.policyId(), t.policyVersion(), command.startedAt(), dueAt,
                t.allowed().toSeconds(), t.calendar().snapshot(), t.warnAt(),
                clocks.containsKey(previous) ? previous : null));
        Instant earlyStop = stopsArrivedFirst.get(clockId);
        if (earlyStop != null) {
            stop(clocks.get(clockId), earlyStop, deadlines);
        } else {
            scheduleMarks(clocks.get(clockId), deadlines);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StopClockCommand command, DeadlineManager deadlines) {
        String clockId = clockId(command.complaintId(), command.target(), command.round());
        TargetClock clock = clocks.get(clockId);
        if (clock == null) {
            if (!stopsArrivedFirst.containsKey(clockId)) {
                apply(new ClockStopArrivedFirst(command.complaintId(), clockId, command.stoppedAt()));
            }
            return;
        }
        if (clock.isOpen()) {
            stop(clock, command.stoppedAt(), deadlines);
        }
    }

    @CommandHandler
    void handle(PauseClockCommand command, DeadlineManager deadlines, Clock time) {
        TargetClock clock = latestOpen(command.target())
                .orElseThrow(() -> new ClockRejected("no " + command.target() + " clock is running"));
        if (clock.state() == ClockState.PAUSED) {
            throw new ClockRejected("the " + command.target() + " clock is already paused");
        }
        if (clock.state() == ClockState.BREACHED) {
            throw new ClockRejected("the " + command.target() + " clock is already breached");
        }
        Instant now = time.instant();
        cancelMarks(clock, deadlines);
        apply(new SlaClockPaused(complaintId, clock.clockId(), clock.target(), command.reason(), command.causedBy(),
                now, clock.worked(now).toSeconds()));
    }

    @CommandHandler
    void handle(ResumeClockCommand command, DeadlineManager deadlines, Clock time) {
        TargetClock clock = latestOpen(command.target())
                .filter(c -> c.state() == ClockState.PAUSED)
                .orElseThrow(() -> new ClockRejected("no " + command.target() + " clock is paused"));
        Instant now = time.instant();
        Instant dueAt = clock.calendar().plus(now, clock.allowed().minus(clock.workedBeforeRun()));
        apply(new SlaClockResumed(complaintId, clock.clockId(), clock.target(), command.causedBy(), now, dueAt));
        scheduleMarks(clocks.get(clock.clockId()), deadlines);
    }

    @CommandHandler
    void handle(RecalculateClocksCommand command, SlaCatalogue catalogue, DeadlineManager deadlines,
                Clock time) {
        Instant now = time.instant();
        for (TargetClock clock : List.copyOf(clocks.values())) {
            if (!clock.isOpen() || clock.state() == ClockState.BREACHED) {
                continue;
            }
            Optional<ClockTerms> terms = catalogue.termsFor(clock.target(), clock.subject(), clock.startedAt());
            if (terms.isEmpty() || terms.get().allowed() == null // due when its step said: nothing to recount
                    || (terms.get().policyId().equals(clock.policyId())
                    && terms.get().policyVersion().equals(clock.policyVersion()))) {
                continue;
            }
            ClockTerms t = terms.get();
            Duration worked = clock.worked(now);
            Duration left = t.allowed().minus(worked);
            Instant dueAt = left.isNegative() ? now : t.calendar().plus(now, left);
            if (clock.isCounting()) {
                cancelMarks(clock, deadlines);
            }
            apply(new SlaClockRecalculated(complaintId, clock.clockId(), clock.target(), t.policyId(),
                    clock.policyVersion(), t.policyVersion(), clock.dueAt(), dueAt, worked.toSeconds(),
                    t.allowed().toSeconds(),
                    t.calendar().snapshot(), command.reason(), command.requestedBy(), now));
            if (clock.isCounting()) {
                scheduleMarks(clocks.get(clock.clockId()), deadlines);
            }
        }
    }

    @DeadlineHandler(deadlineName = MARK)
    void on(ClockMark mark, Clock time) {
        TargetClock clock = clocks.get(mark.clockId());
        if (clock == null || mark.epoch() != clock.epoch() || clock.state() != ClockState.RUNNING || clock.stopped()) {
            return; // stale: paused, resumed, recalculated or stopped since this deadline was set
        }
        Instant now = time.instant();
        if (mark.fraction() >= DUE) {
            apply(new SlaBreached(complaintId, clock.clockId(), clock.target(), clock.dueAt(), now, clock.subject()));
        } else if (!clock.warned().contains(mark.fraction())) {
            apply(new SlaWarningReached(complaintId, clock.clockId(), clock.target(), mark.fraction(), now,
                    clock.dueAt(), clock.subject()));
        }
    }

    // ---- rules ----------------------------------------------------------------------------------------

    private void stop(TargetClock clock, Instant at, DeadlineManager deadlines) {
        cancelMarks(clock, deadlines);
        boolean breached = clock.state() == ClockState.BREACHED;
        if (!breached && clock.state() == ClockState.RUNNING && at.isAfter(clock.dueAt())) {
            // reached late, before the due-time deadline fired: still a breach, reported once
            apply(new SlaBreached(complaintId, clock.clockId(), clock.target(), clock.dueAt(), at, clock.subject()));
            breached = true;
        } else if (!breached) {
            apply(new SlaMet(complaintId, clock.clockId(), clock.target(), clock.dueAt(), at,
                    clock.worked(at).toSeconds()));
        }
        apply(new ClockStopped(complaintId, clock.clockId(), clock.target(), clock.subject(), at,
                clocks.get(clock.clockId()).worked(at).toSeconds(),
                Duration.between(clock.startedAt(), at).toSeconds(), breached));
    }

    private void scheduleMarks(TargetClock clock, DeadlineManager deadlines) {
        int epoch = clock.epoch() + 1;
        List<String> ids = new ArrayList<>();
        for (double fraction : clock.warnAt()) {
            Duration mark = Duration.ofMillis(Math.round(clock.allowed().toMillis() * fraction));
            if (!clock.warned().contains(fraction) && mark.compareTo(clock.workedBeforeRun()) > 0) {
                Instant at = clock.calendar().plus(clock.runningSince(), mark.minus(clock.workedBeforeRun()));
                ids.add(deadlines.schedule(at, MARK, new ClockMark(clock.clockId(), epoch, fraction)));
            }
        }
        ids.add(deadlines.schedule(clock.dueAt(), MARK, new ClockMark(clock.clockId(), epoch, DUE)));
        apply(new ClockMarksScheduled(complaintId, clock.clockId(), epoch, ids));
    }

    private void cancelMarks(TargetClock clock, DeadlineManager deadlines) {
        for (String id : clock.deadlineIds()) {
            deadlines.cancelSchedule(MARK, id);
        }
    }

    private Optional<TargetClock> latestOpen(SlaTarget target) {
        return clocks.values().stream()
                .filter(c -> c.target() == target && c.isOpen())
                .max(Comparator.comparingInt(TargetClock::round));
    }

    // ---- state ----------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(SlaClockStarted e) {
        complaintId = e.complaintId();
        clocks.put(e.clockId(), new TargetClock(e.clockId(), e.target(), e.round(), e.subject(), e.policyId(),
                e.policyVersion(), Duration.ofSeconds(e.allowedSeconds()), BusinessCalendar.of(e.calendar()),
                e.warnAt() == null ? List.of() : List.copyOf(e.warnAt()), e.startedAt(), e.dueAt(),
                ClockState.RUNNING, false, Duration.ZERO, e.startedAt(), Set.of(), 0, List.of()));
    }

    @EventSourcingHandler
    void on(ClockStopArrivedFirst e) {
        complaintId = e.complaintId();
        stopsArrivedFirst.put(e.clockId(), e.stoppedAt());
    }

    @EventSourcingHandler
    void on(ClockMarksScheduled e) {
        update(e.clockId(), c -> new TargetClock(c.clockId(), c.target(), c.round(), c.subject(), c.policyId(),
                c.policyVersion(), c.allowed(), c.calendar(), c.warnAt(), c.startedAt(), c.dueAt(), c.state(),
                c.stopped(), c.workedBeforeRun(), c.runningSince(), c.warned(), e.epoch(), List.copyOf(e.deadlineIds())));
    }

    @EventSourcingHandler
    void on(SlaWarningReached e) {
        update(e.clockId(), c -> {
            Set<Double> warned = new TreeSet<>(c.warned());
            warned.add(e.fraction());
            return new TargetClock(c.clockId(), c.target(), c.round(), c.subject(), c.policyId(), c.policyVersion(),
                    c.allowed(), c.calendar(), c.warnAt(), c.startedAt(), c.dueAt(), c.state(), c.stopped(),
                    c.workedBeforeRun(), c.runningSince(), Set.copyOf(warned), c.epoch(), c.deadlineIds());
        });
    }

    @EventSourcingHandler
    void on(SlaClockPaused e) {
        update(e.clockId(), c -> new TargetClock(c.clockId(), c.target(), c.round(), c.subject(), c.policyId(),
                c.policyVersion(), c.allowed(), c.calendar(), c.warnAt(), c.startedAt(), c.dueAt(), ClockState.PAUSED,
                c.stopped(), c.worked(e.pausedAt()), c.runningSince(), c.warned(), c.epoch(), List.of()));
    }

    @EventSourcingHandler
    void on(SlaClockResumed e) {
        update(e.clockId(), c -> new TargetClock(c.clockId(), c.target(), c.round(), c.subject(), c.policyId(),
                c.policyVersion(), c.allowed(), c.calendar(), c.warnAt(), c.startedAt(), e.dueAt(), ClockState.RUNNING,
                c.stopped(), c.workedBeforeRun(), e.resumedAt(), c.warned(), c.epoch(), c.deadlineIds()));
    }

    @EventSourcingHandler
    void on(SlaClockRecalculated e) {
        update(e.clockId(), c -> {
            // the time worked so far is kept; counting goes on from now on the new terms
            Duration worked = c.worked(e.recalculatedAt());
            Instant since = c.state() == ClockState.PAUSED ? c.runningSince() : e.recalculatedAt();
            return new TargetClock(c.clockId(), c.target(), c.round(), c.subject(), e.policyId(), e.toPolicyVersion(),
                    Duration.ofSeconds(e.allowedSeconds()), BusinessCalendar.of(e.calendar()), c.warnAt(),
                    c.startedAt(), e.dueAt(), c.state(), c.stopped(), worked, since, c.warned(), c.epoch(), List.of());
        });
    }

    @EventSourcingHandler
    void on(SlaBreached e) {
        update(e.clockId(), c -> c.with(ClockState.BREACHED));
    }

    @EventSourcingHandler
    void on(SlaMet e) {
        update(e.clockId(), c -> c.with(ClockState.MET));
    }

    @EventSourcingHandler
    void on(ClockStopped e) {
        update(e.clockId(), c -> new TargetClock(c.clockId(), c.target(), c.round(), c.subject(), c.policyId(),
                c.policyVersion(), c.allowed(), c.calendar(), c.warnAt(), c.startedAt(), c.dueAt(), c.state(), true,
                c.worked(e.stoppedAt()), c.runningSince(), c.warned(), c.epoch(), List.of()));
    }

    private void update(String clockId, UnaryOperator<TargetClock> change) {
        clocks.computeIfPresent(clockId, (id, clock) -> change.apply(clock));
    }
}
