package org.complaintsuite.feedback.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.ComplaintClosed;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintRevisited;
import org.complaintsuite.events.FollowUpCompleted;
import org.complaintsuite.events.FollowUpScheduled;
import org.complaintsuite.feedback.domain.Commands.RecordFollowUpResponseCommand;
import org.complaintsuite.feedback.domain.Commands.RecordRepeatContactCommand;
import org.complaintsuite.feedback.domain.Commands.ScheduleFollowUpCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpsTest {

    private static final ComplaintId ID = ComplaintId.of("c-9");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final FollowUpPolicy POLICY = new FollowUpPolicy(5, SHANGHAI, Set.of());
    // Friday 2026-11-20 10:00 in Shanghai
    private static final Instant RESOLVED = Instant.parse("2026-11-20T02:00:00Z");

    private AggregateTestFixture<FollowUps> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FollowUps.class);
        fixture.registerInjectableResource(POLICY);
    }

    private FollowUpScheduled scheduled(int round) {
        return new FollowUpScheduled(ID, round, Category.PRODUCT_QUALITY, RESOLVED, POLICY.dueBy(RESOLVED));
    }

    @Test
    void aFollowUpIsDueFiveWorkingDaysAfterTheResolutionSkippingTheWeekend() {
        // Friday + 5 working days = the next Friday, end of that day in the deployment's zone
        assertThat(POLICY.dueBy(RESOLVED)).isEqualTo(Instant.parse("2026-11-27T15:59:59Z"));
    }

    @Test
    void holidaysAreNotWorkingDays() {
        FollowUpPolicy withHoliday = new FollowUpPolicy(5, SHANGHAI, Set.of(LocalDate.of(2026, 11, 25)));
        assertThat(withHoliday.dueBy(RESOLVED)).isEqualTo(Instant.parse("2026-11-30T15:59:59Z"));
    }

    @Test
    void aResolutionSchedulesAFollowUp() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleFollowUpCommand(ID, 1, Category.PRODUCT_QUALITY, RESOLVED))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof FollowUpScheduled s && s.round() == 1
                                && s.dueBy().equals(POLICY.dueBy(RESOLVED))),
                        Matchers.andNoMore())));
    }

    @Test
    void theSameResolutionIsFollowedUpOnce() {
        fixture.given(scheduled(1))
                .when(new ScheduleFollowUpCommand(ID, 1, Category.PRODUCT_QUALITY, RESOLVED))
                .expectNoEvents();
    }

    @Test
    void aDissatisfiedAnswerRevisitsTheComplaint() {
        fixture.given(scheduled(1))
                .when(new RecordFollowUpResponseCommand(ID, 2, true, "rude"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof FollowUpCompleted c && c.satisfaction() == 2),
                        Matchers.matches(p -> p instanceof ComplaintRevisited r && r.round() == 2
                                && r.reason().equals("DISSATISFIED_FOLLOW_UP")),
                        Matchers.andNoMore())));
    }

    @Test
    void anUnsolvedProblemRevisitsTheComplaintWhateverTheScore() {
        fixture.given(scheduled(1))
                .when(new RecordFollowUpResponseCommand(ID, 5, false, "nice people, still broken"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof FollowUpCompleted),
                        Matchers.matches(p -> p instanceof ComplaintRevisited),
                        Matchers.andNoMore())));
    }

    @Test
    void aSatisfiedAnswerClosesTheComplaint() {
        fixture.given(scheduled(1))
                .when(new RecordFollowUpResponseCommand(ID, 4, true, "thanks"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof FollowUpCompleted c && c.resolved()),
                        Matchers.matches(p -> p instanceof ComplaintClosed c && c.satisfaction() == 4),
                        Matchers.andNoMore())));
    }

    @Test
    void anAnswerWithoutAPendingFollowUpIsRejected() {
        fixture.given(scheduled(1), new FollowUpCompleted(ID, 1, 4, true, null, RESOLVED),
                        new ComplaintClosed(ID, 1, 4, RESOLVED))
                .when(new RecordFollowUpResponseCommand(ID, 1, false, "again"))
                .expectException(FollowUpRejected.class)
                .expectNoEvents();
    }

    @Test
    void aClosedComplaintIsNotFollowedUpAgain() {
        fixture.given(scheduled(1), new FollowUpCompleted(ID, 1, 4, true, null, RESOLVED),
                        new ComplaintClosed(ID, 1, 4, RESOLVED))
                .when(new ScheduleFollowUpCommand(ID, 2, Category.PRODUCT_QUALITY, RESOLVED))
                .expectNoEvents();
    }

    private static final ComplaintId CONTACT = ComplaintId.of("c-10");

    @Test
    void aRepeatComplaintWhileTheFollowUpWaitsRevisitsTheComplaintWithTheNewContact() {
        fixture.given(scheduled(1))
                .when(new RecordRepeatContactCommand(ID, CONTACT))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintRevisited r && r.round() == 2
                                && r.reason().equals(ComplaintRevisited.REPEAT_COMPLAINT) && CONTACT.equals(r.contact())),
                        Matchers.andNoMore())));
    }

    @Test
    void aRepeatComplaintAfterTheCustomerClosedItRevisitsItAndItsNextResolutionIsFollowedUpAgain() {
        fixture.given(scheduled(1), new FollowUpCompleted(ID, 1, 4, true, "ok", RESOLVED),
                        new ComplaintClosed(ID, 1, 4, RESOLVED))
                .when(new RecordRepeatContactCommand(ID, CONTACT))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintRevisited r && r.round() == 2),
                        Matchers.andNoMore())));
        fixture.given(scheduled(1), new FollowUpCompleted(ID, 1, 4, true, "ok", RESOLVED),
                        new ComplaintClosed(ID, 1, 4, RESOLVED),
                        new ComplaintRevisited(ID, 2, ComplaintRevisited.REPEAT_COMPLAINT, RESOLVED, CONTACT))
                .when(new ScheduleFollowUpCommand(ID, 2, Category.PRODUCT_QUALITY, RESOLVED))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof FollowUpScheduled f && f.round() == 2),
                        Matchers.andNoMore())));
    }

    @Test
    void aSecondRepeatContactWhileTheComplaintIsOpenAgainRevisitsNothing() {
        fixture.given(scheduled(1), new ComplaintRevisited(ID, 2, ComplaintRevisited.REPEAT_COMPLAINT, RESOLVED, CONTACT))
                .when(new RecordRepeatContactCommand(ID, ComplaintId.of("c-11")))
                .expectNoEvents();
    }
}
