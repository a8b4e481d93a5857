package org.complaintsuite.feedback.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.feedback.domain.FollowUpPlans.Plan;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FollowUpPlansTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final WorkingDays CALENDAR = new WorkingDays(SHANGHAI, Set.of(), LocalTime.of(9, 0));
    static final FollowUpPlans SHIPPED = new FollowUpPlans(List.of(
            new Plan("product-quality", Set.of(RequestKind.COMPLAINT), Set.of(Category.PRODUCT_QUALITY), List.of(1, 5)),
            new Plan("service", null, null, List.of(5))),
            CALENDAR, 5, 3, List.of("PT2H", FollowUpPlans.NEXT_WORKING_MORNING));
    // Friday 2026-11-20 10:00 in Shanghai
    static final Instant FRIDAY_TEN = Instant.parse("2026-11-20T02:00:00Z");

    @Test
    void aProductQualityComplaintIsFollowedUpTheNextWorkingDayAndOnTheFifth() {
        Plan plan = SHIPPED.planFor(RequestKind.COMPLAINT, Category.PRODUCT_QUALITY);
        assertThat(plan.id()).isEqualTo("product-quality");
        // Monday, and the next Friday: the weekend is no working day; each by the end of its day
        assertThat(SHIPPED.dueTimes(plan, FRIDAY_TEN)).containsExactly(
                Instant.parse("2026-11-23T15:59:59Z"), Instant.parse("2026-11-27T15:59:59Z"));
    }

    @Test
    void anyOtherComplaintOrServiceRequestOnceWithinFiveWorkingDays() {
        for (var kind : List.of(RequestKind.COMPLAINT, RequestKind.SERVICE_REQUEST)) {
            Plan plan = SHIPPED.planFor(kind, Category.SERVICE_ATTITUDE);
            assertThat(plan.id()).isEqualTo("service");
            assertThat(SHIPPED.dueTimes(plan, FRIDAY_TEN)).containsExactly(Instant.parse("2026-11-27T15:59:59Z"));
        }
        assertThat(SHIPPED.planFor(RequestKind.SERVICE_REQUEST, Category.PRODUCT_QUALITY).id()).isEqualTo("service");
    }

    @Test
    void holidaysAreNoWorkingDays() {
        WorkingDays withHoliday = new WorkingDays(SHANGHAI, Set.of(LocalDate.of(2026, 11, 25)), null);
        assertThat(withHoliday.endOfWorkingDay(FRIDAY_TEN, 5)).isEqualTo(Instant.parse("2026-11-30T15:59:59Z"));
    }

    @Test
    void anUnansweredCallIsRetriedAfterTwoHoursThenOnTheNextWorkingMorningsUntilTheAttemptsRunOut() {
        assertThat(SHIPPED.nextAttempt(1, FRIDAY_TEN)).isEqualTo(FRIDAY_TEN.plusSeconds(7200));
        // Friday noon, second call unanswered: Monday 09:00 in Shanghai
        assertThat(SHIPPED.nextAttempt(2, FRIDAY_TEN.plusSeconds(7200))).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
        assertThat(SHIPPED.nextAttempt(5, FRIDAY_TEN)).as("the last entry repeats")
                .isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
        assertThat(SHIPPED.maxAttempts()).isEqualTo(3);
    }

    @Test
    void invalidPlansAreRefusedWithEveryProblem() {
        assertThatThrownBy(() -> new FollowUpPlans(List.of(
                new Plan("quality", Set.of(RequestKind.CONSULTATION), null, List.of(5, 1)),
                new Plan("quality", null, null, List.of()),
                new Plan(" ", null, Set.of(Category.OTHER), List.of(9))),
                CALENDAR, 5, 3, List.of("2 hours")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attempts.retry-after[0]: an ISO-8601 duration (PT2H) or NEXT_WORKING_MORNING, "
                        + "not 2 hours")
                .hasMessageContaining("plans[0] (quality): a CONSULTATION is closed with its resolution and never "
                        + "followed up")
                .hasMessageContaining("plans[0] (quality): steps must be in increasing order")
                .hasMessageContaining("plans[1] (quality): id is used by an earlier plan")
                .hasMessageContaining("plans[1] (quality): steps must name at least one working day")
                .hasMessageContaining("plans[2] ( ): id is required")
                .hasMessageContaining("plans[2] ( ): steps[0] must be a working day from 1 to 5")
                .hasMessageContaining("the last plan must match every complaint");
        assertThatThrownBy(() -> new FollowUpPlans(List.of(), CALENDAR, 0, 2, List.of()))
                .hasMessageContaining("within-working-days must be at least 1")
                .hasMessageContaining("attempts.retry-after must name at least one delay")
                .hasMessageContaining("no follow-up plans");
    }
}
