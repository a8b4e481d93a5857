package org.complaintsuite.routing.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.ComplaintRouted;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.events.HandlingMode;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.routing.domain.AssignmentPolicy.Choice;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Who a routed case goes to, given the roster and the open cases of each agent. */
class AssignmentPolicyTest {

    private static final Roster ROSTER = new Roster(Map.of(
            "quality", List.of(new Roster.Agent("q-1", Set.of(Category.PRODUCT_QUALITY), "q-lead", null),
                    new Roster.Agent("q-2", Set.of(Category.PRODUCT_QUALITY), "q-lead", null),
                    new Roster.Agent("q-3", Set.of(Category.INCIDENT), null, null))));
    private static final AssignmentPolicy.CaseLoads LOADS = department -> Map.of("q-1", 3L, "q-2", 1L, "q-3", 0L);

    @Test
    void aTransferredCaseGoesToTheLeastLoadedAgentWithTheSkill() {
        assertThat(AssignmentPolicy.choose(routed(HandlingMode.TRANSFER, 1, null), ROSTER, LOADS))
                .contains(new Choice("q-2", "least loaded agent of quality for PRODUCT_QUALITY"));
    }

    @Test
    void aReopenedCaseGoesToTheSupervisorOfTheAgentWhoHadIt() {
        assertThat(AssignmentPolicy.choose(routed(HandlingMode.TRANSFER, 2, "q-1"), ROSTER, LOADS))
                .contains(new Choice("q-lead", "re-opened: to the SUPERVISOR above q-1"));
    }

    @Test
    void aReopenedCaseTheSupervisorHadStaysWithThemAtThatLevel() {
        assertThat(AssignmentPolicy.choose(routed(HandlingMode.TRANSFER, 2, "q-lead"), ROSTER, LOADS))
                .contains(new Choice("q-lead", "re-opened: to the SUPERVISOR above q-lead"));
    }

    @Test
    void aReopenedCaseWhoseAgentHasNoSupervisorIsBalancedLikeANewOne() {
        assertThat(AssignmentPolicy.choose(routed(HandlingMode.TRANSFER, 2, "q-3"), ROSTER, LOADS))
                .map(Choice::assignee).contains("q-2");
    }

    @Test
    void designatedAndAnalysisCasesAreNobodysUntilAPersonDecides() {
        assertThat(AssignmentPolicy.choose(routed(HandlingMode.DESIGNATED, 1, null), ROSTER, LOADS)).isEmpty();
        assertThat(AssignmentPolicy.choose(routed(HandlingMode.ANALYSIS, 1, null), ROSTER, LOADS)).isEmpty();
    }

    @Test
    void aDepartmentWithoutAgentsKeepsItsCasesUnassigned() {
        ComplaintRouted elsewhere = new ComplaintRouted(ComplaintId.of("c-2"), 1, RequestKind.COMPLAINT,
                Category.PRICE_BILLING, HandlingMode.TRANSFER, "billing", EscalationLevel.AGENT, "r", Instant.EPOCH,
                Instant.EPOCH, Channel.WEB, Priority.NORMAL, null, null, null);
        assertThat(AssignmentPolicy.choose(elsewhere, ROSTER, LOADS)).isEqualTo(Optional.empty());
    }

    private static ComplaintRouted routed(HandlingMode mode, int round, String previousAssignee) {
        return new ComplaintRouted(ComplaintId.of("c-1"), round, RequestKind.COMPLAINT, Category.PRODUCT_QUALITY, mode,
                "quality", round == 1 ? EscalationLevel.AGENT : EscalationLevel.SUPERVISOR, "quality-transfer",
                Instant.EPOCH, Instant.EPOCH, Channel.PHONE, Priority.NORMAL, "agent-7", previousAssignee, "PRODUCT");
    }
}
