package org.complaintsuite.feedback.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.matchers.Matchers;
import org.complaintsuite.events.CallOutcome;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.ComplaintClosed;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintRevisited;
import org.complaintsuite.events.FollowUpAttempted;
import org.complaintsuite.events.FollowUpCompleted;
import org.complaintsuite.events.FollowUpEnded;
import org.complaintsuite.events.FollowUpScheduled;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.feedback.domain.Commands.RecordAttemptCommand;
import org.complaintsuite.feedback.domain.Commands.RecordRepeatContactCommand;
import org.complaintsuite.feedback.domain.Commands.ScheduleFollowUpsCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.function.Predicate;

import static org.complaintsuite.feedback.domain.FollowUpPlansTest.FRIDAY_TEN;
import static org.complaintsuite.feedback.domain.FollowUpPlansTest.SHIPPED;

/** Given what happened to a complaint's follow-ups, when a command arrives, then these events (and no more). */
class FollowUpsTest {

    private static final ComplaintId ID = ComplaintId.of("c-9");
    private static final ComplaintId CONTACT = ComplaintId.of("c-10");
    private static final Instant MONDAY_END = Instant.parse("2026-11-23T15:59:59Z");
    private static final Instant FRIDAY_END = Instant.parse("2026-11-27T15:59:59Z");

    private AggregateTestFixture<FollowUps> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FollowUps.class);
        fixture.registerInjectableResource(SHIPPED);
    }

    /** A product-quality complaint resolved on a Friday: follow-ups 1 and 2 of round 1. */
    private static FollowUpScheduled quality(int followUp, int round) {
        return new FollowUpScheduled(ID, round, Category.PRODUCT_QUALITY, FRIDAY_TEN,
                followUp % 2 == 1 ? MONDAY_END : FRIDAY_END, followUp, (followUp - 1) % 2 + 1, 2, "product-quality",
                RequestKind.COMPLAINT, "quality");
    }

    /** A service complaint: one follow-up. */
    private static FollowUpScheduled service(int followUp, int round) {
        return new FollowUpScheduled(ID, round, Category.SERVICE_ATTITUDE, FRIDAY_TEN, FRIDAY_END, followUp, 1, 1,
                "service", RequestKind.COMPLAINT, "service");
    }

    private static FollowUpCompleted answered(int followUp, int satisfaction) {
        return new FollowUpCompleted(ID, 1, satisfaction, true, null, FRIDAY_TEN, followUp, 1, null, "agent-7",
                "quality");
    }

    private static RecordAttemptCommand call(CallOutcome outcome) {
        return new RecordAttemptCommand(ID, null, null, outcome, null, null, null, null, "agent-7");
    }

    private static RecordAttemptCommand answer(int satisfaction, boolean resolved) {
        return new RecordAttemptCommand(ID, null, null, CallOutcome.ANSWERED, satisfaction, resolved, "said so", 9,
                "agent-7");
    }

    @SafeVarargs
    private static void expect(ResultValidator<FollowUps> result, Predicate<Object>... events) {
        var matchers = new java.util.ArrayList<org.hamcrest.Matcher<? super Object>>();
        for (Predicate<Object> e : events) {
            matchers.add(Matchers.matches(e::test));
        }
        matchers.add(Matchers.andNoMore());
        result.expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                matchers.toArray(org.hamcrest.Matcher[]::new))));
    }

    @Test
    void aProductQualityResolutionSchedulesTwoFollowUpsByThePlan() {
        expect(fixture.givenNoPriorActivity()
                        .when(new ScheduleFollowUpsCommand(ID, 1, RequestKind.COMPLAINT, Category.PRODUCT_QUALITY,
                                "quality", FRIDAY_TEN)),
                p -> p instanceof FollowUpScheduled s && s.followUp() == 1 && s.step() == 1 && s.steps() == 2
                        && s.dueBy().equals(MONDAY_END) && "product-quality".equals(s.plan())
                        && "quality".equals(s.department()),
                p -> p instanceof FollowUpScheduled s && s.followUp() == 2 && s.step() == 2
                        && s.dueBy().equals(FRIDAY_END));
    }

    @Test
    void aServiceResolutionSchedulesOneAndARevisitedRoundIsNumberedOn() {
        expect(fixture.givenNoPriorActivity()
                        .when(new ScheduleFollowUpsCommand(ID, 1, RequestKind.COMPLAINT, Category.SERVICE_ATTITUDE,
                                "service", FRIDAY_TEN)),
                p -> p instanceof FollowUpScheduled s && s.followUp() == 1 && s.steps() == 1
                        && s.dueBy().equals(FRIDAY_END));
        expect(fixture.given(quality(1, 1), quality(2, 1), answered(1, 1),
                                new FollowUpEnded(ID, 1, 2, FollowUpEnded.Outcome.CANCELLED, 0, FRIDAY_TEN, "quality"),
                                new ComplaintRevisited(ID, 2, ComplaintRevisited.DISSATISFIED_FOLLOW_UP, FRIDAY_TEN, null))
                        .when(new ScheduleFollowUpsCommand(ID, 2, RequestKind.COMPLAINT, Category.SERVICE_ATTITUDE,
                                "service", FRIDAY_TEN)),
                p -> p instanceof FollowUpScheduled s && s.round() == 2 && s.followUp() == 3);
    }

    @Test
    void theSameResolutionIsFollowedUpOnce() {
        fixture.given(quality(1, 1), quality(2, 1))
                .when(new ScheduleFollowUpsCommand(ID, 1, RequestKind.COMPLAINT, Category.PRODUCT_QUALITY, "quality",
                        FRIDAY_TEN))
                .expectNoEvents();
    }

    @Test
    void aSatisfiedAnswerToTheFirstOfTwoWaitsForTheSecond() {
        expect(fixture.given(quality(1, 1), quality(2, 1)).when(answer(5, true)),
                p -> p instanceof FollowUpCompleted c && c.followUp() == 1 && c.attempt() == 1 && c.nps() == 9
                        && "quality".equals(c.department()));
    }

    @Test
    void aSatisfiedAnswerToTheLastClosesTheComplaint() {
        expect(fixture.given(quality(1, 1), quality(2, 1), answered(1, 5)).when(answer(4, true)),
                p -> p instanceof FollowUpCompleted c && c.followUp() == 2,
                p -> p instanceof ComplaintClosed c && c.satisfaction() == 4 && c.round() == 1);
    }

    @Test
    void aDissatisfiedAnswerCancelsTheRoundsOtherFollowUpsAndRevisitsTheComplaint() {
        expect(fixture.given(quality(1, 1), quality(2, 1)).when(answer(2, true)),
                p -> p instanceof FollowUpCompleted c && c.satisfaction() == 2,
                p -> p instanceof FollowUpEnded e && e.followUp() == 2 && e.outcome() == FollowUpEnded.Outcome.CANCELLED,
                p -> p instanceof ComplaintRevisited r && r.round() == 2
                        && r.reason().equals(ComplaintRevisited.DISSATISFIED_FOLLOW_UP));
    }

    @Test
    void anUnsolvedProblemRevisitsTheComplaintWhateverTheScore() {
        expect(fixture.given(service(1, 1)).when(answer(5, false)),
                p -> p instanceof FollowUpCompleted,
                p -> p instanceof ComplaintRevisited);
    }

    @Test
    void nobodyAnsweringIsRetriedAfterTwoHoursThenTheNextWorkingMorning() {
        expect(fixture.givenCurrentTime(FRIDAY_TEN).andGiven(service(1, 1)).when(call(CallOutcome.NO_ANSWER)),
                p -> p instanceof FollowUpAttempted a && a.attempt() == 1 && a.outcome() == CallOutcome.NO_ANSWER
                        && a.nextAttemptAt().equals(FRIDAY_TEN.plusSeconds(7200)));
        expect(fixture.givenCurrentTime(FRIDAY_TEN).andGiven(service(1, 1),
                                new FollowUpAttempted(ID, 1, 1, 1, CallOutcome.NO_ANSWER, "agent-7", FRIDAY_TEN,
                                        FRIDAY_TEN.plusSeconds(7200), "service"))
                        .when(call(CallOutcome.NO_ANSWER)),
                p -> p instanceof FollowUpAttempted a && a.attempt() == 2
                        && a.nextAttemptAt().equals(Instant.parse("2026-11-23T01:00:00Z")));
    }

    @Test
    void theThirdUnansweredCallEndsTheFollowUpUnreachableAndTheComplaintStaysResolved() {
        expect(fixture.given(service(1, 1),
                                new FollowUpAttempted(ID, 1, 1, 1, CallOutcome.NO_ANSWER, null, FRIDAY_TEN, null, null),
                                new FollowUpAttempted(ID, 1, 1, 2, CallOutcome.NO_ANSWER, null, FRIDAY_TEN, null, null))
                        .when(call(CallOutcome.NO_ANSWER)),
                p -> p instanceof FollowUpAttempted a && a.attempt() == 3 && a.nextAttemptAt() == null,
                p -> p instanceof FollowUpEnded e && e.outcome() == FollowUpEnded.Outcome.UNREACHABLE
                        && e.attempts() == 3);
    }

    @Test
    void aWrongNumberEndsItUnreachableAtOnceAndARefusalEndsItRefused() {
        expect(fixture.given(service(1, 1)).when(call(CallOutcome.WRONG_NUMBER)),
                p -> p instanceof FollowUpAttempted a && a.outcome() == CallOutcome.WRONG_NUMBER,
                p -> p instanceof FollowUpEnded e && e.outcome() == FollowUpEnded.Outcome.UNREACHABLE);
        expect(fixture.given(service(1, 1)).when(call(CallOutcome.REFUSED)),
                p -> p instanceof FollowUpAttempted a && a.outcome() == CallOutcome.REFUSED,
                p -> p instanceof FollowUpEnded e && e.outcome() == FollowUpEnded.Outcome.REFUSED);
    }

    @Test
    void theLastFollowUpEndingUnansweredAfterASatisfiedOneClosesTheComplaintWithThatAnswer() {
        expect(fixture.given(quality(1, 1), quality(2, 1), answered(1, 4)).when(call(CallOutcome.REFUSED)),
                p -> p instanceof FollowUpAttempted,
                p -> p instanceof FollowUpEnded e && e.followUp() == 2,
                p -> p instanceof ComplaintClosed c && c.satisfaction() == 4);
    }

    @Test
    void theSameAttemptRecordedAgainChangesNothingAndANamedFollowUpIsTheOneAnswered() {
        fixture.given(quality(1, 1), quality(2, 1),
                        new FollowUpAttempted(ID, 1, 2, 1, CallOutcome.NO_ANSWER, "sms", FRIDAY_TEN, null, null))
                .when(new RecordAttemptCommand(ID, 2, 1, CallOutcome.ANSWERED, 5, true, null, null, "sms"))
                .expectNoEvents();
        expect(fixture.given(quality(1, 1), quality(2, 1))
                        .when(new RecordAttemptCommand(ID, 2, 4, CallOutcome.ANSWERED, 5, true, null, null, "sms")),
                p -> p instanceof FollowUpCompleted c && c.followUp() == 2 && c.attempt() == 4);
    }

    @Test
    void aCallAboutAFollowUpNotWaitingIsRejected() {
        fixture.given(quality(1, 1), quality(2, 1), answered(1, 5))
                .when(new RecordAttemptCommand(ID, 1, 2, CallOutcome.ANSWERED, 5, true, null, null, "sms"))
                .expectException(FollowUpRejected.class)
                .expectExceptionMessage("follow-up 1 is not waiting for an answer (waiting: [2])");
        fixture.given(service(1, 1), answered(1, 4), new ComplaintClosed(ID, 1, 4, FRIDAY_TEN))
                .when(answer(1, false))
                .expectException(FollowUpRejected.class)
                .expectExceptionMessage("the complaint is closed");
    }

    @Test
    void anAnswerWithoutASatisfactionIsRefused() {
        fixture.given(service(1, 1))
                .when(new RecordAttemptCommand(ID, null, null, CallOutcome.ANSWERED, null, true, null, null, null))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aClosedComplaintIsNotFollowedUpAgain() {
        fixture.given(service(1, 1), answered(1, 4), new ComplaintClosed(ID, 1, 4, FRIDAY_TEN))
                .when(new ScheduleFollowUpsCommand(ID, 2, RequestKind.COMPLAINT, Category.SERVICE_ATTITUDE, "service",
                        FRIDAY_TEN))
                .expectNoEvents();
    }

    @Test
    void aRepeatComplaintWhileFollowUpsWaitCancelsThemAndRevisitsTheComplaintWithTheNewContact() {
        expect(fixture.given(quality(1, 1), quality(2, 1)).when(new RecordRepeatContactCommand(ID, CONTACT)),
                p -> p instanceof FollowUpEnded e && e.followUp() == 1 && e.outcome() == FollowUpEnded.Outcome.CANCELLED,
                p -> p instanceof FollowUpEnded e && e.followUp() == 2,
                p -> p instanceof ComplaintRevisited r && r.round() == 2
                        && r.reason().equals(ComplaintRevisited.REPEAT_COMPLAINT) && CONTACT.equals(r.contact()));
    }

    @Test
    void aRepeatComplaintAfterTheCustomerClosedItRevisitsItAndItsNextResolutionIsFollowedUpAgain() {
        expect(fixture.given(service(1, 1), answered(1, 4), new ComplaintClosed(ID, 1, 4, FRIDAY_TEN))
                        .when(new RecordRepeatContactCommand(ID, CONTACT)),
                p -> p instanceof ComplaintRevisited r && r.round() == 2);
        expect(fixture.given(service(1, 1), answered(1, 4), new ComplaintClosed(ID, 1, 4, FRIDAY_TEN),
                                new ComplaintRevisited(ID, 2, ComplaintRevisited.REPEAT_COMPLAINT, FRIDAY_TEN, CONTACT))
                        .when(new ScheduleFollowUpsCommand(ID, 2, RequestKind.COMPLAINT, Category.PRODUCT_QUALITY,
                                "quality", FRIDAY_TEN)),
                p -> p instanceof FollowUpScheduled f && f.round() == 2 && f.followUp() == 2,
                p -> p instanceof FollowUpScheduled f && f.round() == 2 && f.followUp() == 3);
    }

    @Test
    void aSecondRepeatContactWhileTheComplaintIsOpenAgainRevisitsNothing() {
        fixture.given(service(1, 1), new ComplaintRevisited(ID, 2, ComplaintRevisited.REPEAT_COMPLAINT, FRIDAY_TEN,
                        CONTACT))
                .when(new RecordRepeatContactCommand(ID, ComplaintId.of("c-11")))
                .expectNoEvents();
    }

    @Test
    void aFollowUpRecordedBeforeFollowUpsWereNumberedIsTheRoundsOwn() {
        FollowUpScheduled legacy = new FollowUpScheduled(ID, 1, Category.PRODUCT_QUALITY, FRIDAY_TEN, FRIDAY_END,
                null, null, null, null, null, null);
        expect(fixture.given(legacy).when(answer(5, true)),
                p -> p instanceof FollowUpCompleted c && c.followUp() == 1,
                p -> p instanceof ComplaintClosed);
    }
}
