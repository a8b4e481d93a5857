package org.complaintsuite.sla.domain;

import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.complaintsuite.events.Area;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.ClockSubject;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
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
import org.complaintsuite.sla.domain.InternalEvents.ClockMarksScheduled;
import org.complaintsuite.sla.domain.InternalEvents.ClockStopped;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class ComplaintClocksTest {

    private static final ComplaintId ID = ComplaintId.of("c-7");
    private static final String CLOCK_1 = "c-7:RESOLUTION:1";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ClockSubject SUBJECT = new ClockSubject(RequestKind.COMPLAINT, Category.PRICE_BILLING,
            Priority.NORMAL, Channel.PHONE, "service");
    /** Monday 2026-11-23 10:00 in Shanghai. */
    private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");

    static SlaCatalogue catalogue(String version, Duration resolution) {
        BusinessCalendar office = BusinessCalendar.weekdays("office", SHANGHAI, Set.of(), "08:30-12:00", "13:30-17:30");
        return new SlaCatalogue(List.of(new SlaPolicy("default", version, PolicyMatch.ANY, Map.of(
                SlaTarget.RESOLUTION, new TargetRule(resolution, null, null),
                SlaTarget.TRANSFER, new TargetRule(Duration.ofHours(12), "office", null)))),
                Map.of("24x7", BusinessCalendar.alwaysOpen(SHANGHAI), "office", office), List.of(0.5, 0.8));
    }

    private static AggregateTestFixture<ComplaintClocks> fixture(SlaCatalogue catalogue) {
        AggregateTestFixture<ComplaintClocks> fixture = new AggregateTestFixture<>(ComplaintClocks.class);
        fixture.registerInjectableResource(catalogue);
        fixture.registerInjectableResource(new FixtureTime(fixture));
        return fixture;
    }

    /** The fixture's simulated time, also while it fires deadlines. */
    private static final class FixtureTime extends Clock {
        private final AggregateTestFixture<?> fixture;

        FixtureTime(AggregateTestFixture<?> fixture) {
            this.fixture = fixture;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return fixture.currentTime();
        }
    }

    /** The first resolution clock as version 1 of the policy started it at T0 (3 days, round the clock). */
    private static SlaClockStarted startedAtT0() {
        return new SlaClockStarted(ID, CLOCK_1, SlaTarget.RESOLUTION, 1, SUBJECT, "default", "1", T0,
                T0.plus(Duration.ofDays(3)), 259_200, BusinessCalendar.alwaysOpen(SHANGHAI).snapshot(),
                List.of(0.5, 0.8), null);
    }

    private static AggregateTestFixture<ComplaintClocks> fixture() {
        return fixture(catalogue("1", Duration.ofDays(3)));
    }

    private static StartClockCommand start(int round, Instant at) {
        return new StartClockCommand(ID, SlaTarget.RESOLUTION, round, SUBJECT, at);
    }

    @SafeVarargs
    private static Matcher<List<Message<?>>> payloads(Predicate<Object>... each) {
        Matcher<?>[] matchers = new Matcher<?>[each.length + 1];
        for (int i = 0; i < each.length; i++) {
            matchers[i] = Matchers.matches(each[i]);
        }
        matchers[each.length] = Matchers.andNoMore();
        return Matchers.payloadsMatching(Matchers.exactSequenceOf((Matcher<Object>[]) matchers));
    }

    @Test
    void aClockStartsUnderItsPolicyVersionWithItsCalendarAndWarnings() {
        fixture().givenCurrentTime(T0)
                .when(start(1, T0))
                .expectEventsMatching(payloads(
                        p -> p instanceof SlaClockStarted s && s.clockId().equals(CLOCK_1) && s.policyVersion().equals("1")
                                && s.dueAt().equals(T0.plus(Duration.ofDays(3))) && s.allowedSeconds() == 259_200
                                && s.calendar().id().equals("24x7") && s.warnAt().equals(List.of(0.5, 0.8))
                                && s.subject().equals(SUBJECT) && s.previousClockId() == null,
                        p -> p instanceof ClockMarksScheduled m && m.deadlineIds().size() == 3))
                .expectScheduledDeadlineWithName(Duration.ofDays(3), ComplaintClocks.MARK);
    }

    @Test
    void warningsComeAtHalfAndFourFifthsAndTheBreachOnceAtTheDueTime() {
        fixture().givenCurrentTime(T0)
                .andGivenCommands(start(1, T0))
                .whenThenTimeElapses(Duration.ofDays(4))
                .expectEventsMatching(payloads(
                        p -> p instanceof SlaWarningReached w && w.fraction() == 0.5
                                && w.reachedAt().equals(T0.plus(Duration.ofHours(36))),
                        p -> p instanceof SlaWarningReached w && w.fraction() == 0.8,
                        p -> p instanceof SlaBreached b && b.dueAt().equals(T0.plus(Duration.ofDays(3)))
                                && b.breachedAt().equals(T0.plus(Duration.ofDays(3)))));
    }

    @Test
    void aTransferClockCountsOnlyOfficeHours() {
        // Monday 10:00 + 12 working hours of 7.5 h a day: Tuesday 15:00... ends Tuesday 16:00 (lunch excluded)
        fixture().givenCurrentTime(T0)
                .when(new StartClockCommand(ID, SlaTarget.TRANSFER, 1, SUBJECT, T0))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(Matchers.matches(
                        p -> p instanceof SlaClockStarted s && s.calendar().id().equals("office")
                                && s.dueAt().equals(Instant.parse("2026-11-24T08:00:00Z"))))));
    }

    /** A 12 h transfer target on office hours (08:30-12:00, 13:30-17:30 on weekdays), warning at 50 %. */
    private static AggregateTestFixture<ComplaintClocks> transferInOfficeHours(ZoneId zone, Set<LocalDate> holidays) {
        BusinessCalendar office = BusinessCalendar.weekdays("office", zone, holidays, "08:30-12:00", "13:30-17:30");
        return fixture(new SlaCatalogue(List.of(new SlaPolicy("default", "1", PolicyMatch.ANY,
                Map.of(SlaTarget.TRANSFER, new TargetRule(Duration.ofHours(12), "office", null)))),
                Map.of("24x7", BusinessCalendar.alwaysOpen(zone), "office", office), List.of(0.5)));
    }

    @Test
    void aTransferClockStartedOnFridayAfternoonSkipsTheWeekendAndAHolidayMonday() {
        // Friday 2026-11-27 16:00 Shanghai; Monday 11-30 is a holiday. 1.5 h on Friday, 0 on the weekend and
        // Monday, 7.5 h on Tuesday, 3 h on Wednesday: due Wednesday 12-02 11:30 (03:30Z)
        Instant friday = Instant.parse("2026-11-27T08:00:00Z");
        transferInOfficeHours(SHANGHAI, Set.of(LocalDate.of(2026, 11, 30))).givenCurrentTime(friday)
                .when(new StartClockCommand(ID, SlaTarget.TRANSFER, 1, SUBJECT, friday))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(Matchers.matches(
                        p -> p instanceof SlaClockStarted s && s.dueAt().equals(Instant.parse("2026-12-02T03:30:00Z"))
                                && s.calendar().holidays().contains(LocalDate.of(2026, 11, 30))))))
                // the 50 % warning after 6 working hours: 1.5 h on Friday + 4.5 h on Tuesday = Tuesday 14:30
                .expectScheduledDeadlineWithName(Duration.between(friday, Instant.parse("2026-12-01T06:30:00Z")),
                        ComplaintClocks.MARK);
    }

    /** Field arrival: 20 min 08:00-21:00, 30 min 21:00-24:00, 8 h 00:00-08:00 (DOMAIN.md defaults). */
    private static AggregateTestFixture<ComplaintClocks> arrivalFixture() {
        return fixture(new SlaCatalogue(List.of(new SlaPolicy("field", "1",
                PolicyMatch.ANY, Map.of(SlaTarget.ON_SITE_ARRIVAL, new TargetRule(null, null, List.of(
                        new TimeOfDayBand(WorkingHours.parse("08:00-21:00"), Duration.ofMinutes(20)),
                        new TimeOfDayBand(WorkingHours.parse("21:00-24:00"), Duration.ofMinutes(30)),
                        new TimeOfDayBand(WorkingHours.parse("00:00-08:00"), Duration.ofHours(8))))))),
                Map.of("24x7", BusinessCalendar.alwaysOpen(SHANGHAI)), List.of()));
    }

    @Test
    void aDueTimeAcrossTheSpringDaylightSavingChangeKeepsTheOfficesWallClock() {
        // Berlin: Friday 2026-03-27 16:00 CET; clocks go forward on Sunday 03-29. 12 working hours of 7.5 a day:
        // 1.5 h on Friday, 7.5 h on Monday, 3 h on Tuesday = Tuesday 11:30 CEST (09:30Z), not 10:30Z
        Instant friday = Instant.parse("2026-03-27T15:00:00Z");
        transferInOfficeHours(ZoneId.of("Europe/Berlin"), Set.of()).givenCurrentTime(friday)
                .when(new StartClockCommand(ID, SlaTarget.TRANSFER, 1, SUBJECT, friday))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(Matchers.matches(
                        p -> p instanceof SlaClockStarted s
                                && s.dueAt().equals(Instant.parse("2026-03-31T09:30:00Z"))))))
                // 50 %: 1.5 h on Friday + 4.5 h on Monday = Monday 14:30 CEST
                .expectScheduledDeadlineWithName(Duration.between(friday, Instant.parse("2026-03-30T12:30:00Z")),
                        ComplaintClocks.MARK);
    }

    @Test
    void anOnSiteArrivalClockTakesTheTargetOfTheHourItStarts() {
        Instant lateEvening = Instant.parse("2026-11-23T14:30:00Z"); // 22:30 in Shanghai
        arrivalFixture().givenCurrentTime(lateEvening)
                .when(new StartClockCommand(ID, SlaTarget.ON_SITE_ARRIVAL, 1, SUBJECT, lateEvening))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(Matchers.matches(
                        p -> p instanceof SlaClockStarted s && s.allowedSeconds() == 30 * 60
                                && s.dueAt().equals(lateEvening.plus(Duration.ofMinutes(30)))))))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(30), ComplaintClocks.MARK);
        Instant night = Instant.parse("2026-11-23T18:00:00Z"); // 02:00 in Shanghai
        arrivalFixture().givenCurrentTime(night)
                .when(new StartClockCommand(ComplaintId.of("c-8"), SlaTarget.ON_SITE_ARRIVAL, 1, SUBJECT, night))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(Matchers.matches(
                        p -> p instanceof SlaClockStarted s && s.dueAt().equals(night.plus(Duration.ofHours(8)))))));
    }

    @Test
    void aRuralFieldVisitGetsFortyEightHoursAndTakesItsSubjectFromTheComplaintsClocks() {
        Instant noon = Instant.parse("2026-11-23T04:00:00Z"); // 12:00 in Shanghai: 20 min in town
        AggregateTestFixture<ComplaintClocks> fixture = fixture(new SlaCatalogue(List.of(
                new SlaPolicy("default", "1", PolicyMatch.ANY, Map.of(
                        SlaTarget.RESOLUTION, new TargetRule(Duration.ofDays(3), null, null),
                        SlaTarget.ON_SITE_ARRIVAL, new TargetRule(Duration.ofMinutes(20), null, null))),
                new SlaPolicy("rural-field-visits", "1", new PolicyMatch(null, null, null, null, Set.of(Area.RURAL)),
                        Map.of(SlaTarget.ON_SITE_ARRIVAL, new TargetRule(Duration.ofHours(48), null, null)))),
                Map.of("24x7", BusinessCalendar.alwaysOpen(SHANGHAI)), List.of()));
        fixture.givenCurrentTime(T0)
                .andGivenCommands(start(1, T0))
                .when(new StartClockCommand(ID, SlaTarget.ON_SITE_ARRIVAL, 1, null, noon, Area.RURAL, null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(Matchers.matches(
                        p -> p instanceof SlaClockStarted s && s.clockId().equals("c-7:ON_SITE_ARRIVAL:1")
                                && s.policyId().equals("rural-field-visits")
                                && s.dueAt().equals(noon.plus(Duration.ofHours(48)))
                                && s.subject().equals(SUBJECT.inArea(Area.RURAL))))));
    }

    @Test
    void resolvingInTimeMeetsTheClockAndCancelsItsDeadlines() {
        Instant resolved = T0.plus(Duration.ofHours(30));
        fixture().givenCurrentTime(T0)
                .andGivenCommands(start(1, T0))
                .when(new StopClockCommand(ID, SlaTarget.RESOLUTION, 1, resolved))
                .expectEventsMatching(payloads(
                        p -> p.equals(new SlaMet(ID, CLOCK_1, SlaTarget.RESOLUTION, T0.plus(Duration.ofDays(3)),
                                resolved, Duration.ofHours(30).toSeconds())),
                        p -> p instanceof ClockStopped s && !s.breached() && s.calendarSeconds() == 30 * 3600))
                .expectNoScheduledDeadlines();
    }

    @Test
    void resolvingLateBeforeTheDeadlineFiredIsStillABreachReportedOnce() {
        Instant late = T0.plus(Duration.ofDays(3)).plusSeconds(5);
        fixture().givenCurrentTime(T0)
                .andGivenCommands(start(1, T0))
                .when(new StopClockCommand(ID, SlaTarget.RESOLUTION, 1, late))
                .expectEventsMatching(payloads(
                        p -> p instanceof SlaBreached b && b.breachedAt().equals(late),
                        p -> p instanceof ClockStopped s && s.breached()));
    }

    @Test
    void aPausedClockDoesNotCountAndItsDueTimeMovesByThePause() {
        Instant paused = T0.plus(Duration.ofDays(1));
        Instant resumed = T0.plus(Duration.ofDays(3));
        fixture().given(startedAtT0(), new ClockMarksScheduled(ID, CLOCK_1, 1, List.of("w50", "w80", "due")),
                        new SlaClockPaused(ID, CLOCK_1, SlaTarget.RESOLUTION, "waiting for the customer", "agent-7",
                                paused, Duration.ofDays(1).toSeconds()))
                .andGivenCurrentTime(resumed)
                .when(new ResumeClockCommand(ID, SlaTarget.RESOLUTION, "agent-7"))
                .expectEventsMatching(payloads(
                        p -> p.equals(new SlaClockResumed(ID, CLOCK_1, SlaTarget.RESOLUTION, "agent-7", resumed,
                                resumed.plus(Duration.ofDays(2)))),
                        // 50 % (36 h) was not reached before the pause: its warning is rescheduled too
                        p -> p instanceof ClockMarksScheduled m && m.epoch() == 2 && m.deadlineIds().size() == 3))
                .expectScheduledDeadlineWithName(Duration.ofHours(12), ComplaintClocks.MARK)
                .expectScheduledDeadlineWithName(Duration.ofDays(2), ComplaintClocks.MARK);
    }

    @Test
    void pausingRecordsWhoAndWhyAndTheWorkingTimeSoFar() {
        Instant paused = T0.plus(Duration.ofHours(20));
        fixture().given(startedAtT0())
                .andGivenCurrentTime(paused)
                .when(new PauseClockCommand(ID, SlaTarget.RESOLUTION, "waiting for the customer", "agent-7"))
                .expectEvents(new SlaClockPaused(ID, CLOCK_1, SlaTarget.RESOLUTION, "waiting for the customer",
                        "agent-7", paused, Duration.ofHours(20).toSeconds()))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aPausedClockNeverBreaches() {
        fixture().givenCurrentTime(T0)
                .andGivenCommands(start(1, T0), new PauseClockCommand(ID, SlaTarget.RESOLUTION, "waiting", "agent-7"))
                .whenThenTimeElapses(Duration.ofDays(10))
                .expectNoEvents();
    }

    @Test
    void pausingTwiceOrResumingARunningClockIsRejected() {
        fixture().givenCurrentTime(T0)
                .andGivenCommands(start(1, T0))
                .when(new ResumeClockCommand(ID, SlaTarget.RESOLUTION, "agent-7"))
                .expectException(ClockRejected.class)
                .expectNoEvents();
        fixture().givenCurrentTime(T0)
                .andGivenCommands(start(1, T0), new PauseClockCommand(ID, SlaTarget.RESOLUTION, "waiting", "a"))
                .when(new PauseClockCommand(ID, SlaTarget.RESOLUTION, "waiting", "a"))
                .expectException(ClockRejected.class)
                .expectNoEvents();
    }

    @Test
    void aRevisitStartsANewClockLinkedToTheFirst() {
        Instant reopened = T0.plus(Duration.ofDays(6));
        fixture().givenCurrentTime(T0)
                .andGivenCommands(start(1, T0), new StopClockCommand(ID, SlaTarget.RESOLUTION, 1, T0.plusSeconds(60)))
                .andGivenCurrentTime(reopened)
                .when(start(2, reopened))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(Matchers.matches(
                        p -> p instanceof SlaClockStarted s && s.clockId().equals("c-7:RESOLUTION:2")
                                && CLOCK_1.equals(s.previousClockId())
                                && s.dueAt().equals(reopened.plus(Duration.ofDays(3)))))));
    }

    @Test
    void theSameStartTwiceKeepsOneClock() {
        fixture().givenCurrentTime(T0)
                .andGivenCommands(start(1, T0))
                .when(start(1, T0))
                .expectNoEvents();
    }

    @Test
    void aStopThatArrivesBeforeItsStartMeetsTheClockAsSoonAsItStarts() {
        fixture().givenCurrentTime(T0)
                .andGivenCommands(new StopClockCommand(ID, SlaTarget.RESOLUTION, 1, T0.plusSeconds(600)))
                .when(start(1, T0))
                .expectEventsMatching(payloads(
                        p -> p instanceof SlaClockStarted,
                        p -> p instanceof SlaMet m && m.elapsedSeconds() == 600,
                        p -> p instanceof ClockStopped))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aNewPolicyVersionLeavesARunningClockAlone() {
        // the clock started under version 1 (3 days); version 2 (1 day) is loaded now
        fixture(catalogue("2", Duration.ofDays(1)))
                .given(startedAtT0())
                .andGivenCurrentTime(T0)
                .when(new StopClockCommand(ID, SlaTarget.RESOLUTION, 1, T0.plus(Duration.ofDays(2))))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(
                        Matchers.matches(p -> p instanceof SlaMet))));
    }

    @Test
    void anExplicitRecalculationMovesARunningClockToTheNewVersionOnTheRecord() {
        Instant now = T0.plus(Duration.ofHours(6));
        fixture(catalogue("2", Duration.ofDays(1)))
                .given(startedAtT0())
                .andGivenCurrentTime(now)
                .when(new RecalculateClocksCommand(ID, "policy 2 applies to open complaints", "manager-1"))
                .expectEventsMatching(payloads(
                        p -> p instanceof SlaClockRecalculated r && r.fromPolicyVersion().equals("1")
                                && r.toPolicyVersion().equals("2") && r.previousDueAt().equals(T0.plus(Duration.ofDays(3)))
                                && r.dueAt().equals(T0.plus(Duration.ofDays(1))) && r.elapsedSeconds() == 6 * 3600
                                && r.requestedBy().equals("manager-1"),
                        p -> p instanceof ClockMarksScheduled));
    }

    @Test
    void recalculatingUnderTheSameVersionChangesNothing() {
        fixture().givenCurrentTime(T0)
                .andGivenCommands(start(1, T0))
                .when(new RecalculateClocksCommand(ID, "check", "manager-1"))
                .expectNoEvents();
    }

    @Test
    void aFollowUpClockTakesTheSubjectOfTheComplaintsFirstClock() {
        AggregateTestFixture<ComplaintClocks> fixture = new AggregateTestFixture<>(ComplaintClocks.class);
        BusinessCalendar always = BusinessCalendar.alwaysOpen(SHANGHAI);
        fixture.registerInjectableResource(new SlaCatalogue(List.of(new SlaPolicy("default", "1",
                new PolicyMatch(Set.of(RequestKind.COMPLAINT), null, null, null), Map.of(
                SlaTarget.RESOLUTION, new TargetRule(Duration.ofDays(3), null, null),
                SlaTarget.FOLLOW_UP, new TargetRule(null, null, null)))),
                Map.of("24x7", always), List.of()));
        Instant due = T0.plus(Duration.ofDays(2)).plusSeconds(17);
        fixture.givenCurrentTime(T0)
                .andGivenCommands(start(1, T0))
                .when(new StartClockCommand(ID, SlaTarget.FOLLOW_UP, 1, null, T0, null, due))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(Matchers.matches(
                        p -> p instanceof SlaClockStarted s && s.target() == SlaTarget.FOLLOW_UP
                                && s.subject().equals(SUBJECT)
                                // the follow-up plan's due time, to the second, not computed again
                                && s.dueAt().equals(due) && s.allowedSeconds() == Duration.between(T0, due).toSeconds()))));
        assertThat(always.isAlwaysOpen()).isTrue();
    }

    @Test
    void aClockWhoseDueTimeIsLeftToItsStepStartsNotWithoutOne() {
        AggregateTestFixture<ComplaintClocks> fixture = new AggregateTestFixture<>(ComplaintClocks.class);
        fixture.registerInjectableResource(new SlaCatalogue(List.of(new SlaPolicy("default", "1",
                new PolicyMatch(Set.of(RequestKind.COMPLAINT), null, null, null), Map.of(
                SlaTarget.RESOLUTION, new TargetRule(Duration.ofDays(3), null, null),
                SlaTarget.FOLLOW_UP, new TargetRule(null, null, null)))),
                Map.of("24x7", BusinessCalendar.alwaysOpen(SHANGHAI)), List.of()));
        fixture.givenCurrentTime(T0)
                .andGivenCommands(start(1, T0))
                .when(new StartClockCommand(ID, SlaTarget.FOLLOW_UP, 1, null, T0))
                .expectNoEvents();
    }
}
