package org.complaintsuite.routing.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.ComplaintEscalated;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintResolved;
import org.complaintsuite.events.ComplaintRouted;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.events.HandlingMode;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.routing.domain.Commands.CloseCaseCommand;
import org.complaintsuite.routing.domain.Commands.EscalateCaseCommand;
import org.complaintsuite.routing.domain.Commands.OpenCaseCommand;
import org.complaintsuite.routing.domain.Commands.ReopenCaseCommand;
import org.complaintsuite.routing.domain.Commands.ResolveCaseCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplaintCaseTest {

    private static final ComplaintId ID = ComplaintId.of("c-42");
    private static final Instant RECEIVED = Instant.parse("2026-11-23T08:00:00Z");

    static final RoutingRules RULES = new RoutingRules(List.of(
            new RoutingRule("consultation", Set.of(RequestKind.CONSULTATION), Set.of(), HandlingMode.ON_THE_SPOT,
                    "hotline", null),
            new RoutingRule("quality", Set.of(), Set.of(Category.PRODUCT_QUALITY), HandlingMode.TRANSFER,
                    "quality", null),
            new RoutingRule("service", Set.of(), Set.of(), HandlingMode.TRANSFER, "service", null)));

    private AggregateTestFixture<ComplaintCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ComplaintCase.class);
        fixture.registerInjectableResource(RULES);
    }

    private ComplaintRouted routed(int round, String department, EscalationLevel level) {
        return new ComplaintRouted(ID, round, RequestKind.COMPLAINT, Category.PRODUCT_QUALITY, HandlingMode.TRANSFER,
                department, level, "quality", RECEIVED, RECEIVED);
    }

    private ComplaintResolved resolved(int round) {
        return new ComplaintResolved(ID, round, Category.PRODUCT_QUALITY, "COMPANY_FAULT", "REPLACEMENT", "seal",
                "sorry", "agent-7", RECEIVED);
    }

    @Test
    void aQualityComplaintIsTransferredToTheQualityDepartment() {
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(ID, RequestKind.COMPLAINT, Category.PRODUCT_QUALITY, RECEIVED))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintRouted r && r.department().equals("quality")
                                && r.handlingMode() == HandlingMode.TRANSFER && r.round() == 1
                                && r.openedAt().equals(RECEIVED) && r.escalationLevel() == EscalationLevel.AGENT),
                        Matchers.andNoMore())));
    }

    @Test
    void otherComplaintsGoToTheServiceDepartment() {
        assertThat(RULES.route(RequestKind.COMPLAINT, Category.PRICE_BILLING).department()).isEqualTo("service");
        assertThat(RULES.route(RequestKind.CONSULTATION, Category.PRODUCT_QUALITY).handlingMode())
                .isEqualTo(HandlingMode.ON_THE_SPOT);
    }

    @Test
    void announcingTheSameComplaintTwiceOpensOneCase() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT))
                .when(new OpenCaseCommand(ID, RequestKind.COMPLAINT, Category.PRODUCT_QUALITY, RECEIVED))
                .expectNoEvents();
    }

    @Test
    void manualEscalationGoesOneLevelUpWithWhoAndWhy() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT))
                .when(new EscalateCaseCommand(ID, "customer demands it", EscalateCaseCommand.MANUAL, "agent-7", null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintEscalated e
                                && e.fromLevel() == EscalationLevel.AGENT && e.toLevel() == EscalationLevel.SUPERVISOR
                                && e.actor().equals("agent-7") && e.reason().equals("customer demands it")),
                        Matchers.andNoMore())));
    }

    @Test
    void escalationCanTargetAHigherLevelButNeverGoesDown() {
        fixture.given(routed(1, "quality", EscalationLevel.MANAGER))
                .when(new EscalateCaseCommand(ID, "wrong way", EscalateCaseCommand.MANUAL, "agent-7",
                        EscalationLevel.SUPERVISOR))
                .expectException(CaseRejected.class)
                .expectNoEvents();
    }

    @Test
    void aResolvedCaseCannotBeEscalatedByHand() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT), resolved(1))
                .when(new EscalateCaseCommand(ID, "late", EscalateCaseCommand.MANUAL, "agent-7", null))
                .expectException(CaseRejected.class);
    }

    @Test
    void anSlaBreachOnAResolvedCaseIsIgnored() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT), resolved(1))
                .when(new EscalateCaseCommand(ID, "breach", EscalateCaseCommand.SLA_BREACH, "sla-service", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void resolvingRecordsFindingRemedyAndRootCause() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT))
                .when(new ResolveCaseCommand(ID, "COMPANY_FAULT", "REPLACEMENT", "seal defect", "sorry", "agent-7"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintResolved r && r.round() == 1
                                && r.remedy().equals("REPLACEMENT") && r.rootCause().equals("seal defect")
                                && r.category() == Category.PRODUCT_QUALITY),
                        Matchers.andNoMore())));
    }

    @Test
    void aCaseIsResolvedOnlyOnce() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT), resolved(1))
                .when(new ResolveCaseCommand(ID, "COMPANY_FAULT", "REFUND", null, null, "agent-8"))
                .expectException(CaseRejected.class)
                .expectNoEvents();
    }

    @Test
    void aRevisitReopensTheCaseAndRoutesItAgainToASupervisor() {
        Instant revisited = RECEIVED.plusSeconds(3600);
        fixture.given(routed(1, "quality", EscalationLevel.AGENT), resolved(1))
                .when(new ReopenCaseCommand(ID, 2, "DISSATISFIED_FOLLOW_UP", revisited))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintRouted r && r.round() == 2
                                && r.department().equals("quality") && r.openedAt().equals(revisited)
                                && r.escalationLevel() == EscalationLevel.SUPERVISOR),
                        Matchers.andNoMore())));
    }

    @Test
    void theSameRevisitAppliedTwiceReopensOnce() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT), resolved(1), routed(2, "quality",
                        EscalationLevel.SUPERVISOR))
                .when(new ReopenCaseCommand(ID, 2, "DISSATISFIED_FOLLOW_UP", RECEIVED))
                .expectNoEvents();
    }

    @Test
    void aClosedCaseIsClosedAfterItsResolution() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT), resolved(1))
                .when(new CloseCaseCommand(ID, RECEIVED))
                .expectEvents(new ComplaintCase.CaseClosed(ID, RECEIVED));
    }

    @Test
    void commandsForAnUnknownCaseFail() {
        fixture.givenNoPriorActivity()
                .when(new ResolveCaseCommand(ID, "COMPANY_FAULT", "REFUND", null, null, "agent-8"))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }

    @Test
    void invalidRoutingRulesAreReportedAllAtOnce() {
        assertThatThrownBy(() -> new RoutingRules(List.of(
                new RoutingRule(null, Set.of(), Set.of(Category.INCIDENT), null, "", null))))
                .hasMessageContaining("id is required")
                .hasMessageContaining("handlingMode is required")
                .hasMessageContaining("department is required")
                .hasMessageContaining("last rule must match every complaint");
    }
}
