package org.complaintsuite.routing.domain;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.complaintsuite.events.Area;
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
import org.complaintsuite.events.FollowUpOverdue;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.events.FieldVisitArrived;
import org.complaintsuite.events.FieldVisitRequested;
import org.complaintsuite.events.HandlingMode;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.PriorityTrigger;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Validity;
import org.complaintsuite.routing.domain.Commands.AssignCaseCommand;
import org.complaintsuite.routing.domain.Commands.CloseCaseCommand;
import org.complaintsuite.routing.domain.Commands.EscalateCaseCommand;
import org.complaintsuite.routing.domain.Commands.EscalateOverdueFollowUpCommand;
import org.complaintsuite.routing.domain.Commands.HandOffCaseCommand;
import org.complaintsuite.routing.domain.Commands.OpenCaseCommand;
import org.complaintsuite.routing.domain.Commands.RecordFieldArrivalCommand;
import org.complaintsuite.routing.domain.Commands.ReopenCaseCommand;
import org.complaintsuite.routing.domain.Commands.RequestFieldVisitCommand;
import org.complaintsuite.routing.domain.Commands.ResolveCaseCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplaintCaseTest {

    private static final ComplaintId ID = ComplaintId.of("c-42");
    private static final Instant RECEIVED = Instant.parse("2026-11-23T08:00:00Z");

    static final RoutingRules RULES = new RoutingRules(List.of(
            new RoutingRule("consultation", Set.of(RequestKind.CONSULTATION), Set.of(), HandlingMode.ON_THE_SPOT,
                    "hotline", null, null, null, null),
            new RoutingRule("urgent-from-partners", Set.of(), Set.of(), HandlingMode.DESIGNATED, "service",
                    EscalationLevel.MANAGER, Set.of(Priority.URGENT), Set.of(Channel.PARTNER), null),
            new RoutingRule("misconduct", Set.of(), Set.of(Category.SERVICE_ATTITUDE), HandlingMode.DESIGNATED,
                    "service", EscalationLevel.SUPERVISOR, null, null, Set.of("staff")),
            new RoutingRule("queries", Set.of(RequestKind.QUERY), Set.of(), HandlingMode.ANALYSIS, "analysis", null,
                    null, null, null),
            new RoutingRule("quality", Set.of(), Set.of(Category.PRODUCT_QUALITY), HandlingMode.TRANSFER,
                    "quality", null, null, null, null),
            new RoutingRule("service", Set.of(), Set.of(), HandlingMode.TRANSFER, "service", null, null, null, null)),
            Map.of(PriorityTrigger.Kind.VIP, EscalationLevel.SUPERVISOR,
                    PriorityTrigger.Kind.MEDIA_OR_LEGAL_THREAT, EscalationLevel.MANAGER),
            new CompensationAuthority("CNY", Map.of(EscalationLevel.AGENT, new BigDecimal("200"),
                    EscalationLevel.SUPERVISOR, new BigDecimal("2000"), EscalationLevel.MANAGER, new BigDecimal("20000"))),
            CauseCatalogue.NONE);

    static final Roster ROSTER = new Roster(Map.of("service", List.of(
            new Roster.Agent("s-agent-1", null, "supervisor-2", null), new Roster.Agent("s-agent-2", null, "supervisor-2", null),
            new Roster.Agent("supervisor-2", null, "s-manager", EscalationLevel.SUPERVISOR),
            new Roster.Agent("s-manager", null, "director", EscalationLevel.MANAGER)),
            "leadership", List.of(new Roster.Agent("director", null, null, EscalationLevel.LEADERSHIP))));

    private AggregateTestFixture<ComplaintCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ComplaintCase.class);
        fixture.registerInjectableResource(RULES);
        fixture.registerInjectableResource((RosterSource) () -> ROSTER);
    }

    private ComplaintRouted routed(int round, String department, EscalationLevel level) {
        return new ComplaintRouted(ID, round, RequestKind.COMPLAINT, Category.PRODUCT_QUALITY, HandlingMode.TRANSFER,
                department, level, "quality", RECEIVED, RECEIVED, Channel.PHONE, Priority.NORMAL, "agent-7", null, null);
    }

    private ComplaintResolved resolved(int round) {
        return new ComplaintResolved(ID, round, Category.PRODUCT_QUALITY, "COMPANY_FAULT", "REPLACEMENT", "seal",
                "sorry", "agent-7", RECEIVED, Validity.SUBSTANTIATED, null, null, null, null, null);
    }

    @Test
    void aQualityComplaintIsTransferredToTheQualityDepartment() {
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(ID, RequestKind.COMPLAINT, Category.PRODUCT_QUALITY, Channel.PHONE,
                        Priority.HIGH, RECEIVED, "agent-7", List.of(), null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintRouted r && r.department().equals("quality")
                                && r.handlingMode() == HandlingMode.TRANSFER && r.round() == 1
                                && r.openedAt().equals(RECEIVED) && r.escalationLevel() == EscalationLevel.AGENT
                                && r.channel() == Channel.PHONE && r.priority() == Priority.HIGH
                                && "agent-7".equals(r.owner())), // the receiving agent owns the case
                        Matchers.andNoMore())));
    }

    @Test
    void aFlaggedComplaintClimbsTheLadderOnArrivalOneRecordedStepPerTrigger() {
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(ID, RequestKind.COMPLAINT, Category.PRODUCT_QUALITY, Channel.PHONE,
                        Priority.HIGH, RECEIVED, "agent-7", List.of(
                        new PriorityTrigger(PriorityTrigger.Kind.MEDIA_OR_LEGAL_THREAT, "media-legal", "journalist"),
                        new PriorityTrigger(PriorityTrigger.Kind.VIP, "vip-accounts", "customer VIP-0001"),
                        // a flag the rules do not escalate on changes nothing
                        new PriorityTrigger(PriorityTrigger.Kind.SAFETY_INCIDENT, "safety", "fire")), null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintRouted r
                                && r.escalationLevel() == EscalationLevel.AGENT),
                        Matchers.matches(p -> p instanceof ComplaintEscalated e && e.fromLevel() == EscalationLevel.AGENT
                                && e.toLevel() == EscalationLevel.SUPERVISOR && e.trigger().equals("VIP")
                                && e.actor().equals("routing-rules") && e.reason().contains("vip-accounts")),
                        Matchers.matches(p -> p instanceof ComplaintEscalated e
                                && e.fromLevel() == EscalationLevel.SUPERVISOR && e.toLevel() == EscalationLevel.MANAGER
                                && e.trigger().equals("MEDIA_OR_LEGAL_THREAT") && e.reason().contains("journalist")),
                        Matchers.andNoMore())));
    }

    @Test
    void aTriggerBelowTheEntryLevelEscalatesNothing() {
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(ID, RequestKind.COMPLAINT, Category.PRICE_BILLING, Channel.PARTNER,
                        Priority.URGENT, RECEIVED, "agent-7",
                        List.of(new PriorityTrigger(PriorityTrigger.Kind.VIP, "vip-accounts", "customer VIP-0001")), null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintRouted r
                                && r.escalationLevel() == EscalationLevel.MANAGER),
                        Matchers.andNoMore())));
    }

    private OpenCaseCommand open(RequestKind kind, Category category, String subjectType) {
        return new OpenCaseCommand(ID, kind, category, Channel.PHONE, Priority.NORMAL, RECEIVED, "agent-7", List.of(),
                subjectType);
    }

    @Test
    void misconductOfStaffIsDesignatedFromTheSubjectAndWaitsForASupervisorToDesignateItsHandler() {
        fixture.givenNoPriorActivity()
                .when(open(RequestKind.COMPLAINT, Category.SERVICE_ATTITUDE, "Staff"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintRouted r && r.handlingMode() == HandlingMode.DESIGNATED
                                && r.ruleId().equals("misconduct") && "Staff".equals(r.subjectType())
                                && r.escalationLevel() == EscalationLevel.SUPERVISOR),
                        Matchers.andNoMore())));
        // the same category about a product is not misconduct
        assertThat(RULES.route(RequestKind.COMPLAINT, Category.SERVICE_ATTITUDE, Priority.NORMAL, Channel.PHONE,
                "PRODUCT").ruleId()).isEqualTo("service");
    }

    private ComplaintRouted routedAs(HandlingMode mode, String department) {
        return new ComplaintRouted(ID, 1, RequestKind.COMPLAINT, Category.SERVICE_ATTITUDE, mode, department,
                EscalationLevel.SUPERVISOR, "misconduct", RECEIVED, RECEIVED, Channel.PHONE, Priority.NORMAL, "agent-7",
                null, "STAFF");
    }

    @Test
    void aDesignatedCaseIsNotAssignedAutomaticallyAndOnlyLeadershipDesignatesItsHandler() {
        fixture.given(routedAs(HandlingMode.DESIGNATED, "service"))
                .when(new AssignCaseCommand(ID, 1, "s-agent-1", "least loaded", "routing"))
                .expectNoEvents();
        fixture.given(routedAs(HandlingMode.DESIGNATED, "service"))
                .when(new AssignCaseCommand(ID, 0, "s-agent-2", "knows the shop", "s-agent-1"))
                .expectException(CaseRejected.class)
                .expectNoEvents();
        fixture.given(routedAs(HandlingMode.DESIGNATED, "service"))
                .when(new AssignCaseCommand(ID, 0, "s-agent-2", "knows the shop", "supervisor-2"))
                .expectException(CaseRejected.class)
                .expectExceptionMessage("the handler of a designated case is designated by leadership; "
                        + "supervisor-2 is not leadership on the roster");
        fixture.given(routedAs(HandlingMode.DESIGNATED, "service"))
                .when(new AssignCaseCommand(ID, 0, "s-agent-2", "knows the shop", "director"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof CaseAssigned a && a.assignee().equals("s-agent-2")
                                && a.assignedBy().equals("director")),
                        Matchers.andNoMore())));
    }

    @Test
    void aCaseNobodyTookInPersonIsOwnedByItsFirstAssigneeAndAnAgentTakenOneStaysTheirs() {
        ComplaintRouted fromTheWeb = new ComplaintRouted(ID, 1, RequestKind.COMPLAINT, Category.PRICE_BILLING,
                HandlingMode.TRANSFER, "service", EscalationLevel.AGENT, "service", RECEIVED, RECEIVED, Channel.WEB,
                Priority.NORMAL, null, null, null);
        fixture.given(fromTheWeb)
                .when(new AssignCaseCommand(ID, 1, "s-agent-1", "least loaded", "routing"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof CaseAssigned a && a.ownershipPasses()),
                        Matchers.andNoMore())));
        fixture.given(fromTheWeb, new CaseAssigned(ID, 1, "s-agent-1", "service", "least loaded", "routing",
                        RECEIVED, true))
                .when(new HandOffCaseCommand(ID, "s-agent-2", "knows the tariff", "supervisor-2"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof CaseHandedOff h && "s-agent-1".equals(h.fromOwner())),
                        Matchers.andNoMore())));
    }

    @Test
    void aResolutionRecordsItsCauseCodeAndTheResponsibleDepartmentAndRefusesACauseTheCatalogueLacks() {
        AggregateTestFixture<ComplaintCase> withCauses = new AggregateTestFixture<>(ComplaintCase.class);
        withCauses.registerInjectableResource(new RoutingRules(List.of(new RoutingRule("any", Set.of(), Set.of(),
                HandlingMode.TRANSFER, "service", null, null, null, null)), Map.of(), CompensationAuthority.UNLIMITED,
                CauseCatalogueTest.CAUSES));
        withCauses.registerInjectableResource((RosterSource) () -> ROSTER);
        Resolution priced = new Resolution(Validity.SUBSTANTIATED, Resolution.Finding.COMPANY_FAULT,
                Resolution.Remedy.REFUND, null, "old tariff", "We refund you.", "pricing_error", null);
        withCauses.given(routedToService())
                .when(new ResolveCaseCommand(ID, priced, "s-agent-1"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintResolved r && "PRICING_ERROR".equals(r.causeCode())
                                && "sales".equals(r.responsibleDepartment()) && "service".equals(r.department())),
                        Matchers.andNoMore())));
        Resolution uncaused = new Resolution(Validity.SUBSTANTIATED, Resolution.Finding.COMPANY_FAULT,
                Resolution.Remedy.REFUND, null, "old tariff", "We refund you.");
        withCauses.given(routedToService())
                .when(new ResolveCaseCommand(ID, uncaused, "s-agent-1"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aFollowUpOverdueOnAResolvedCaseGoesToTheSupervisorAboveItsOwnerOncePerClock() {
        Instant due = RECEIVED.plusSeconds(86_400);
        CaseAssigned owned = new CaseAssigned(ID, 1, "s-agent-1", "service", "least loaded", "routing", RECEIVED, true);
        ComplaintResolved resolved = new ComplaintResolved(ID, 1, Category.PRICE_BILLING, "COMPANY_FAULT", "REFUND",
                "old tariff", "We refund you.", "s-agent-1", RECEIVED, Validity.SUBSTANTIATED, null,
                RequestKind.COMPLAINT, "service", null, null);
        ComplaintRouted fromTheWeb = new ComplaintRouted(ID, 1, RequestKind.COMPLAINT, Category.PRICE_BILLING,
                HandlingMode.TRANSFER, "service", EscalationLevel.AGENT, "service", RECEIVED, RECEIVED, Channel.WEB,
                Priority.NORMAL, null, null, null);
        fixture.given(fromTheWeb, owned, resolved)
                .when(new EscalateOverdueFollowUpCommand(ID, ID.value() + ":FOLLOW_UP:1", due))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof FollowUpOverdue o && "s-agent-1".equals(o.owner())
                                && "supervisor-2".equals(o.escalatedTo()) && o.dueAt().equals(due)),
                        Matchers.andNoMore())));
        fixture.given(fromTheWeb, owned, resolved, new FollowUpOverdue(ID, 1, ID.value() + ":FOLLOW_UP:1", due,
                        "s-agent-1", "supervisor-2", due))
                .when(new EscalateOverdueFollowUpCommand(ID, ID.value() + ":FOLLOW_UP:1", due))
                .expectNoEvents();
        fixture.given(fromTheWeb, owned) // an open case needs no follow-up call yet
                .when(new EscalateOverdueFollowUpCommand(ID, ID.value() + ":FOLLOW_UP:1", due))
                .expectNoEvents();
    }

    private static ComplaintRouted routedToService() {
        return new ComplaintRouted(ID, 1, RequestKind.COMPLAINT, Category.PRICE_BILLING, HandlingMode.TRANSFER,
                "service", EscalationLevel.AGENT, "service", RECEIVED, RECEIVED, Channel.PHONE, Priority.NORMAL,
                "agent-7", null, null);
    }

    private static CaseAssigned assigned(String to) {
        return new CaseAssigned(ID, 1, to, "service", "least loaded", "routing", RECEIVED, false);
    }

    @Test
    void anEscalationHandsTheCaseToTheNamedPersonAtTheNewLevel() {
        fixture.given(routedToService(), assigned("s-agent-1"))
                .when(new EscalateCaseCommand(ID, "customer asks for a supervisor", EscalateCaseCommand.MANUAL,
                        "s-agent-1", null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintEscalated e && e.toLevel() == EscalationLevel.SUPERVISOR),
                        Matchers.matches(p -> p instanceof CaseAssigned a && a.assignee().equals("supervisor-2")
                                && a.reason().equals("escalated to SUPERVISOR: customer asks for a supervisor")
                                && a.assignedBy().equals("s-agent-1") && a.ownershipPasses()),
                        Matchers.andNoMore())));
        fixture.given(routedToService(), assigned("s-agent-1"))
                .when(new EscalateCaseCommand(ID, "needs a refund decision", EscalateCaseCommand.MANUAL, "s-agent-1",
                        EscalationLevel.MANAGER))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintEscalated e && e.toLevel() == EscalationLevel.MANAGER),
                        Matchers.matches(p -> p instanceof CaseAssigned a && a.assignee().equals("s-manager")),
                        Matchers.andNoMore())));
    }

    @Test
    void aFlaggedComplaintGoesStraightToThePersonAtItsLevelAndIsNotAssignedAgainAutomatically() {
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(ID, RequestKind.COMPLAINT, Category.PRICE_BILLING, Channel.PHONE,
                        Priority.HIGH, RECEIVED, "agent-7",
                        List.of(new PriorityTrigger(PriorityTrigger.Kind.VIP, "vip-accounts", "c-1")), null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintRouted),
                        Matchers.matches(p -> p instanceof ComplaintEscalated e && e.toLevel() == EscalationLevel.SUPERVISOR),
                        Matchers.matches(p -> p instanceof CaseAssigned a && a.assignee().equals("supervisor-2")),
                        Matchers.andNoMore())));
    }

    private static ResolveCaseCommand compensate(String amount, String currency, String by) {
        return new ResolveCaseCommand(ID, new Resolution(Validity.SUBSTANTIATED, Resolution.Finding.COMPANY_FAULT,
                Resolution.Remedy.COMPENSATION, new Compensation(new BigDecimal(amount), currency), "billing error",
                "We pay you back with interest."), by);
    }

    @Test
    void aCompensationAboveTheResolversAuthorityIsRefusedNamingTheLevelThatHasIt() {
        fixture.given(routedToService())
                .when(compensate("500.00", "CNY", "s-agent-1"))
                .expectException(CaseRejected.class)
                .expectExceptionMessage("a compensation of 500.00 CNY needs the authority of SUPERVISOR (up to 2000 CNY); "
                        + "s-agent-1 acts as AGENT (up to 200 CNY)")
                .expectNoEvents();
        fixture.given(routedToService())
                .when(compensate("500.00", "CNY", "supervisor-2"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(Matchers.matches(
                        p -> p instanceof ComplaintResolved r && r.compensation().amount().equals(new BigDecimal("500.00"))))));
        fixture.given(routedToService())
                .when(compensate("50000.00", "CNY", "s-manager"))
                .expectException(CaseRejected.class)
                .expectExceptionMessage("a compensation of 50000.00 CNY needs the authority of LEADERSHIP (without limit); "
                        + "s-manager acts as MANAGER (up to 20000 CNY)");
        fixture.given(routedToService())
                .when(compensate("50.00", "EUR", "supervisor-2"))
                .expectException(CaseRejected.class)
                .expectExceptionMessage("a compensation of 50.00 EUR needs the authority of LEADERSHIP (without limit); "
                        + "supervisor-2 acts as SUPERVISOR (up to 2000 CNY)");
        fixture.given(routedToService())
                .when(compensate("50000.00", "EUR", "director"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anAnalysisCaseIsNobodysAndWaitsForTheDailyReview() {
        fixture.givenNoPriorActivity()
                .when(open(RequestKind.QUERY, Category.OTHER, null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintRouted r && r.handlingMode() == HandlingMode.ANALYSIS),
                        Matchers.andNoMore())));
        fixture.given(routedAs(HandlingMode.ANALYSIS, "analysis"))
                .when(new AssignCaseCommand(ID, 1, "a-1", "least loaded", "routing"))
                .expectNoEvents();
    }

    @Test
    void otherComplaintsGoToTheServiceDepartment() {
        assertThat(RULES.route(RequestKind.COMPLAINT, Category.PRICE_BILLING, Priority.NORMAL, Channel.PHONE)
                .department()).isEqualTo("service");
        assertThat(RULES.route(RequestKind.CONSULTATION, Category.PRODUCT_QUALITY, Priority.NORMAL, Channel.WEB)
                .handlingMode())
                .isEqualTo(HandlingMode.ON_THE_SPOT);
    }

    @Test
    void announcingTheSameComplaintTwiceOpensOneCase() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT))
                .when(new OpenCaseCommand(ID, RequestKind.COMPLAINT, Category.PRODUCT_QUALITY, Channel.PHONE,
                        Priority.HIGH, RECEIVED, "agent-7", List.of(), null))
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
                .expectException(CaseRejected.class)
                .expectNoEvents();
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
                .when(new ResolveCaseCommand(ID, new Resolution(Validity.SUBSTANTIATED, Resolution.Finding.COMPANY_FAULT,
                        Resolution.Remedy.COMPENSATION, new Compensation(new BigDecimal("150.00"), "cny"), "seal defect",
                        "sorry"), "agent-7"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintResolved r && r.round() == 1
                                && r.remedy().equals("COMPENSATION") && r.rootCause().equals("seal defect")
                                && r.validity() == Validity.SUBSTANTIATED
                                && r.compensation().amount().equals(new BigDecimal("150.00"))
                                && r.compensation().currency().equals("CNY")
                                && r.category() == Category.PRODUCT_QUALITY),
                        Matchers.andNoMore())));
    }

    private static final Resolution REFUND = new Resolution(Validity.SUBSTANTIATED, Resolution.Finding.COMPANY_FAULT,
            Resolution.Remedy.REFUND, null, "double billing run", "We refund the second charge.");

    @Test
    void aQueryIsClosedWithItsResolutionForNobodyFollowsItUp() {
        ComplaintRouted query = new ComplaintRouted(ID, 1, RequestKind.QUERY, Category.PRODUCT_QUALITY,
                HandlingMode.ANALYSIS, "analysis", EscalationLevel.AGENT, "query-analysis", RECEIVED, RECEIVED,
                Channel.APP, Priority.NORMAL, null, null, "PRODUCT");
        fixture.given(query)
                .when(new ResolveCaseCommand(ID, new Resolution(Validity.UNFOUNDED, Resolution.Finding.THIRD_PARTY,
                        Resolution.Remedy.EXPLANATION, null, null, "Batch 7 is genuine; the seller was authorised."),
                        "analyst-1"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintResolved r && r.kind() == RequestKind.QUERY
                                && !r.followedUp()),
                        Matchers.matches(p -> p instanceof ComplaintCase.CaseClosed),
                        Matchers.andNoMore())));
    }

    @Test
    void aComplaintsResolutionSaysItIsFollowedUpAndLeavesTheCaseResolved() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT))
                .when(new ResolveCaseCommand(ID, REFUND, "agent-7"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintResolved r && r.kind() == RequestKind.COMPLAINT
                                && r.followedUp()),
                        Matchers.andNoMore())));
    }

    @Test
    void aCaseIsResolvedOnlyOnce() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT), resolved(1))
                .when(new ResolveCaseCommand(ID, REFUND, "agent-8"))
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
    void aRepeatComplaintReopensEvenACaseTheCustomerHadClosed() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT), resolved(1), new ComplaintClosed(ID, 1, 4, RECEIVED))
                .when(new ReopenCaseCommand(ID, 2, "REPEAT_COMPLAINT", RECEIVED.plusSeconds(86_400)))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintRouted r && r.round() == 2
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
                .when(new ResolveCaseCommand(ID, REFUND, "agent-8"))
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void invalidRoutingRulesAreReportedAllAtOnce() {
        assertThatThrownBy(() -> new RoutingRules(List.of(
                new RoutingRule(null, Set.of(), Set.of(Category.INCIDENT), null, "", null, null, null, null))))
                .hasMessageContaining("id is required")
                .hasMessageContaining("handlingMode is required")
                .hasMessageContaining("department is required")
                .hasMessageContaining("last rule must match every complaint");
    }

    @Test
    void aFieldVisitIsNumberedAndItsArrivalRecorded() {
        fixture.givenCurrentTime(RECEIVED)
                .andGiven(routed(1, "quality", EscalationLevel.AGENT))
                .when(new RequestFieldVisitCommand(ID, Area.RURAL, "Xinhua village shop", "inspect the kettle",
                        "agent-7"))
                .expectEvents(new FieldVisitRequested(ID, 1, 1, Area.RURAL, "Xinhua village shop",
                        "inspect the kettle", "agent-7", RECEIVED));
        fixture.givenCurrentTime(RECEIVED)
                .andGiven(routed(1, "quality", EscalationLevel.AGENT),
                        new FieldVisitRequested(ID, 1, 1, Area.TOWN, null, null, "agent-7", RECEIVED))
                .when(new RecordFieldArrivalCommand(ID, "field-3"))
                .expectEvents(new FieldVisitArrived(ID, 1, 1, "field-3", RECEIVED));
    }

    @Test
    void aSecondVisitWaitsForTheFirstToArriveAndAnArrivalNeedsAVisit() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT),
                        new FieldVisitRequested(ID, 1, 1, Area.TOWN, null, null, "agent-7", RECEIVED))
                .when(new RequestFieldVisitCommand(ID, Area.TOWN, null, null, "agent-7"))
                .expectException(CaseRejected.class)
                .expectNoEvents();
        fixture.given(routed(1, "quality", EscalationLevel.AGENT))
                .when(new RecordFieldArrivalCommand(ID, "field-3"))
                .expectException(CaseRejected.class)
                .expectNoEvents();
        fixture.given(routed(1, "quality", EscalationLevel.AGENT),
                        new FieldVisitRequested(ID, 1, 1, Area.TOWN, null, null, "agent-7", RECEIVED),
                        new FieldVisitArrived(ID, 1, 1, "field-3", RECEIVED))
                .when(new RequestFieldVisitCommand(ID, Area.TOWN, null, "the repair did not hold", "agent-7"))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof FieldVisitRequested v && v.visit() == 2),
                        Matchers.andNoMore())));
    }

    @Test
    void aResolvedCaseNeedsNoFieldVisit() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT), resolved(1))
                .when(new RequestFieldVisitCommand(ID, Area.TOWN, null, null, "agent-7"))
                .expectException(CaseRejected.class)
                .expectNoEvents();
    }

    @Test
    void anEscalationFromALevelTheCaseHasLeftIsRejected() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT), new ComplaintEscalated(ID, EscalationLevel.AGENT,
                        EscalationLevel.SUPERVISOR, "customer asks", "MANUAL", "agent-7", RECEIVED))
                .when(new EscalateCaseCommand(ID, "customer asks again", EscalateCaseCommand.MANUAL, "agent-9", null,
                        EscalationLevel.AGENT))
                .expectException(CaseRejected.class)
                .expectNoEvents();
        fixture.given(routed(1, "quality", EscalationLevel.AGENT))
                .when(new EscalateCaseCommand(ID, "customer asks", EscalateCaseCommand.MANUAL, "agent-9", null,
                        EscalationLevel.AGENT))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintEscalated e
                                && e.toLevel() == EscalationLevel.SUPERVISOR),
                        Matchers.andNoMore())));
    }

    @Test
    void priorityAndChannelCanDecideTheRoute() {
        RoutingDecision urgentPartner = RULES.route(RequestKind.COMPLAINT, Category.PRODUCT_QUALITY, Priority.URGENT,
                Channel.PARTNER);
        assertThat(urgentPartner.ruleId()).isEqualTo("urgent-from-partners");
        assertThat(urgentPartner.entryLevel()).isEqualTo(EscalationLevel.MANAGER);
        // urgent by phone, or from a partner but not urgent: the category decides
        assertThat(RULES.route(RequestKind.COMPLAINT, Category.PRODUCT_QUALITY, Priority.URGENT, Channel.PHONE)
                .ruleId()).isEqualTo("quality");
        assertThat(RULES.route(RequestKind.COMPLAINT, Category.PRODUCT_QUALITY, Priority.NORMAL, Channel.PARTNER)
                .ruleId()).isEqualTo("quality");
        fixture.givenNoPriorActivity()
                .when(new OpenCaseCommand(ID, RequestKind.COMPLAINT, Category.PRICE_BILLING, Channel.PARTNER,
                        Priority.URGENT, RECEIVED, "agent-7", List.of(), null))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintRouted r && r.handlingMode() == HandlingMode.DESIGNATED
                                && r.escalationLevel() == EscalationLevel.MANAGER),
                        Matchers.andNoMore())));
    }

    @Test
    void theReceivingAgentOwnsTheCaseUntilItIsHandedOffOnTheRecord() {
        fixture.givenCurrentTime(RECEIVED)
                .andGiven(routed(1, "quality", EscalationLevel.AGENT))
                .when(new HandOffCaseCommand(ID, "q-agent-2", "needs a quality engineer", "supervisor-2"))
                .expectEvents(new CaseHandedOff(ID, 1, "agent-7", "q-agent-2", "needs a quality engineer",
                        "supervisor-2", RECEIVED));
    }

    @Test
    void aHandOffToTheOwnerOrOfAResolvedCaseIsRejected() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT))
                .when(new HandOffCaseCommand(ID, "agent-7", "back to me", "agent-7"))
                .expectException(CaseRejected.class)
                .expectNoEvents();
        fixture.given(routed(1, "quality", EscalationLevel.AGENT), resolved(1))
                .when(new HandOffCaseCommand(ID, "q-agent-2", "late", "agent-7"))
                .expectException(CaseRejected.class)
                .expectNoEvents();
    }

    @Test
    void aReopenedCaseKeepsItsOwner() {
        fixture.given(routed(1, "quality", EscalationLevel.AGENT),
                        new CaseHandedOff(ID, 1, "agent-7", "q-agent-2", "expertise", "supervisor-2", RECEIVED),
                        resolved(1))
                .when(new ReopenCaseCommand(ID, 2, "DISSATISFIED_FOLLOW_UP", RECEIVED))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(p -> p instanceof ComplaintRouted r && "q-agent-2".equals(r.owner())),
                        Matchers.andNoMore())));
    }

    @Test
    void aRoutedCaseIsAssignedOncePerRoundAndReassignedOnlyOnTheRecord() {
        fixture.givenCurrentTime(RECEIVED)
                .andGiven(routed(1, "quality", EscalationLevel.AGENT))
                .when(new AssignCaseCommand(ID, 1, "q-agent-1", "least loaded", "routing"))
                .expectEvents(new CaseAssigned(ID, 1, "q-agent-1", "quality", "least loaded", "routing", RECEIVED, false));
        CaseAssigned assigned = new CaseAssigned(ID, 1, "q-agent-1", "quality", "least loaded", "routing", RECEIVED,
                false);
        fixture.given(routed(1, "quality", EscalationLevel.AGENT), assigned)
                .when(new AssignCaseCommand(ID, 1, "q-agent-2", "least loaded", "routing"))
                .expectNoEvents(); // the same round's assignment delivered again
        fixture.given(routed(1, "quality", EscalationLevel.AGENT), assigned)
                .when(new AssignCaseCommand(ID, 0, "q-agent-1", "again", "supervisor-2"))
                .expectException(CaseRejected.class)
                .expectNoEvents();
        fixture.givenCurrentTime(RECEIVED)
                .andGiven(routed(1, "quality", EscalationLevel.AGENT), assigned)
                .when(new AssignCaseCommand(ID, 0, "q-agent-2", "q-agent-1 is on leave", "supervisor-2"))
                .expectEvents(new CaseAssigned(ID, 1, "q-agent-2", "quality", "q-agent-1 is on leave",
                        "supervisor-2", RECEIVED, false));
        fixture.given(routed(1, "quality", EscalationLevel.AGENT), resolved(1))
                .when(new AssignCaseCommand(ID, 0, "q-agent-2", "late", "supervisor-2"))
                .expectException(CaseRejected.class)
                .expectNoEvents();
    }
}
