package org.complaintsuite.sla.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.SlaBreached;
import org.complaintsuite.events.SlaClockStarted;
import org.complaintsuite.events.SlaMet;
import org.complaintsuite.events.SlaTarget;
import org.complaintsuite.sla.domain.Commands.StartResolutionClockCommand;
import org.complaintsuite.sla.domain.Commands.StopResolutionClockCommand;
import org.complaintsuite.sla.domain.ComplaintClocks.ResolutionDeadlineScheduled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplaintClocksTest {

    private static final ComplaintId ID = ComplaintId.of("c-7");
    private static final String CLOCK_1 = "c-7:RESOLUTION:1";

    static final SlaPolicies POLICIES = new SlaPolicies(List.of(
            new SlaPolicy("default-resolution", "1", Set.of(RequestKind.COMPLAINT, RequestKind.SERVICE_REQUEST),
                    Set.of(), Duration.ofDays(3)),
            new SlaPolicy("incident-resolution", "4", Set.of(), Set.of(Category.INCIDENT), Duration.ofHours(12))));

    private AggregateTestFixture<ComplaintClocks> fixture;
    private Instant start;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ComplaintClocks.class);
        fixture.registerInjectableResource(POLICIES);
        start = fixture.currentTime();
    }

    private SlaClockStarted started(Instant at, Duration target) {
        return new SlaClockStarted(ID, CLOCK_1, SlaTarget.RESOLUTION, "default-resolution", "1", at, at.plus(target));
    }

    @Test
    void aRoutedComplaintStartsAThreeDayResolutionClockUnderItsPolicyVersion() {
        fixture.givenNoPriorActivity()
                .when(new StartResolutionClockCommand(ID, 1, RequestKind.COMPLAINT, Category.PRICE_BILLING, start))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p.equals(started(start, Duration.ofDays(3)))),
                        Matchers.matches(p -> p instanceof ResolutionDeadlineScheduled s && s.clockId().equals(CLOCK_1)),
                        Matchers.andNoMore())))
                .expectScheduledDeadlineWithName(Duration.ofDays(3), ComplaintClocks.RESOLUTION_DUE);
    }

    @Test
    void theMostSpecificPolicyWins() {
        assertThat(POLICIES.resolutionPolicyFor(RequestKind.COMPLAINT, Category.INCIDENT))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("incident-resolution"));
        assertThat(POLICIES.resolutionPolicyFor(RequestKind.QUERY, Category.PRICE_BILLING)).isEmpty();
    }

    @Test
    void theClockBreachesOnceWhenItsDueTimePasses() {
        fixture.givenNoPriorActivity()
                .andGivenCommands(new StartResolutionClockCommand(ID, 1, RequestKind.COMPLAINT, Category.OTHER, start))
                .whenThenTimeElapses(Duration.ofDays(4))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof SlaBreached b && b.clockId().equals(CLOCK_1)
                                && b.dueAt().equals(start.plus(Duration.ofDays(3)))),
                        Matchers.andNoMore())))
                .expectDeadlinesMetMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(CLOCK_1::equals), Matchers.andNoMore())));
    }

    @Test
    void resolvingInTimeMeetsTheClockAndCancelsTheDeadline() {
        Instant resolvedAt = start.plus(Duration.ofHours(30));
        fixture.givenNoPriorActivity()
                .andGivenCommands(new StartResolutionClockCommand(ID, 1, RequestKind.COMPLAINT, Category.OTHER, start))
                .when(new StopResolutionClockCommand(ID, 1, resolvedAt))
                .expectEvents(new SlaMet(ID, CLOCK_1, SlaTarget.RESOLUTION, start.plus(Duration.ofDays(3)), resolvedAt,
                        Duration.ofHours(30).toSeconds()))
                .expectNoScheduledDeadlines();
    }

    @Test
    void resolvingLateBeforeTheDeadlineFiredIsStillABreach() {
        Instant resolvedAt = start.plus(Duration.ofDays(3)).plusSeconds(5);
        fixture.givenNoPriorActivity()
                .andGivenCommands(new StartResolutionClockCommand(ID, 1, RequestKind.COMPLAINT, Category.OTHER, start))
                .when(new StopResolutionClockCommand(ID, 1, resolvedAt))
                .expectEvents(new SlaBreached(ID, CLOCK_1, SlaTarget.RESOLUTION, start.plus(Duration.ofDays(3)),
                        resolvedAt));
    }

    @Test
    void aBreachedClockIsNotMetAfterwardsNorBreachedAgain() {
        fixture.given(started(start, Duration.ofDays(3)),
                        new SlaBreached(ID, CLOCK_1, SlaTarget.RESOLUTION, start.plus(Duration.ofDays(3)),
                                start.plus(Duration.ofDays(3))))
                .when(new StopResolutionClockCommand(ID, 1, start.plus(Duration.ofDays(5))))
                .expectNoEvents();
    }

    @Test
    void aRevisitStartsASecondClockBesideTheFirst() {
        Instant reopened = start.plus(Duration.ofDays(6));
        fixture.given(started(start, Duration.ofDays(3)),
                        new SlaMet(ID, CLOCK_1, SlaTarget.RESOLUTION, start.plus(Duration.ofDays(3)), start, 0))
                .when(new StartResolutionClockCommand(ID, 2, RequestKind.COMPLAINT, Category.OTHER, reopened))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(
                        Matchers.matches(p -> p instanceof SlaClockStarted s && s.clockId().equals("c-7:RESOLUTION:2")
                                && s.dueAt().equals(reopened.plus(Duration.ofDays(3)))))));
    }

    @Test
    void theSameRoundStartedTwiceKeepsOneClock() {
        fixture.given(started(start, Duration.ofDays(3)))
                .when(new StartResolutionClockCommand(ID, 1, RequestKind.COMPLAINT, Category.OTHER, start))
                .expectNoEvents();
    }

    @Test
    void invalidPoliciesAreRejectedWithTheirReasons() {
        assertThatThrownBy(() -> new SlaPolicies(List.of(new SlaPolicy("", null, null, null, Duration.ZERO))))
                .hasMessageContaining("id is required")
                .hasMessageContaining("version is required")
                .hasMessageContaining("positive ISO-8601 duration");
    }
}
