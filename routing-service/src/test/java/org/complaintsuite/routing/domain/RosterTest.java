package org.complaintsuite.routing.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.EscalationLevel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterTest {

    private static final Roster ROSTER = new Roster(Map.of(
            "quality", List.of(new Roster.Agent("q-1", Set.of(Category.PRODUCT_QUALITY), "q-lead", null),
                    new Roster.Agent("q-2", Set.of(Category.PRODUCT_QUALITY, Category.AFTER_SALES), null, null),
                    new Roster.Agent("q-3", Set.of(Category.INCIDENT), null, null)),
            "service", List.of(new Roster.Agent("s-1", null, null, null))));

    @Test
    void theLeastLoadedAgentWithTheSkillGetsTheCase() {
        assertThat(ROSTER.choose("quality", Category.PRODUCT_QUALITY, Map.of("q-1", 3L, "q-2", 1L, "q-3", 0L)))
                .contains("q-2");
        assertThat(ROSTER.choose("quality", Category.PRODUCT_QUALITY, Map.of())).contains("q-1"); // tie: first listed
        assertThat(ROSTER.choose("quality", Category.AFTER_SALES, Map.of("q-2", 9L))).contains("q-2");
    }

    @Test
    void withoutTheSkillTheLeastLoadedOfTheDepartmentGetsItAndAnUnknownDepartmentNobody() {
        assertThat(ROSTER.choose("quality", Category.PRICE_BILLING, Map.of("q-1", 2L, "q-2", 2L, "q-3", 1L)))
                .contains("q-3");
        assertThat(ROSTER.choose("service", Category.INCIDENT, Map.of())).contains("s-1");
        assertThat(ROSTER.choose("analysis", Category.OTHER, Map.of())).isEmpty();
    }

    @Test
    void anAgentWithoutIdOrListedTwiceIsRefused() {
        assertThatThrownBy(() -> new Roster(Map.of("quality", List.of(new Roster.Agent("q-1", null, null, null)),
                "service", List.of(new Roster.Agent("q-1", null, null, null), new Roster.Agent(" ", null, null, null)))))
                .hasMessageContaining("agent q-1 is listed twice")
                .hasMessageContaining("an agent needs an id");
    }

    private static final Roster LADDER = new Roster(Map.of(
            "quality", List.of(new Roster.Agent("q-1", null, "q-lead", null),
                    new Roster.Agent("q-2", null, null, null),
                    new Roster.Agent("q-lead", null, "q-manager", EscalationLevel.SUPERVISOR),
                    new Roster.Agent("q-manager", null, "director", EscalationLevel.MANAGER)),
            "service", List.of(new Roster.Agent("s-manager", null, "director", EscalationLevel.MANAGER)),
            "leadership", List.of(new Roster.Agent("director", null, null, EscalationLevel.LEADERSHIP)),
            "discipline", List.of(new Roster.Agent("inspector", null, null, EscalationLevel.DISCIPLINE_UNIT))));

    @Test
    void anEscalatedCaseGoesToThePersonAtThatLevelUpTheReportingLine() {
        assertThat(LADDER.handlerAt(EscalationLevel.SUPERVISOR, "quality", "q-1")).contains("q-lead");
        assertThat(LADDER.handlerAt(EscalationLevel.MANAGER, "quality", "q-1")).contains("q-manager");
        assertThat(LADDER.handlerAt(EscalationLevel.LEADERSHIP, "quality", "q-1")).contains("director");
        assertThat(LADDER.handlerAt(EscalationLevel.MANAGER, "quality", "q-lead")).contains("q-manager");
    }

    @Test
    void withoutSomeoneOnTheLineTheDepartmentsOrTheSuitesHolderOfTheLevelTakesIt() {
        assertThat(LADDER.handlerAt(EscalationLevel.SUPERVISOR, "quality", "q-2")).contains("q-lead");
        assertThat(LADDER.handlerAt(EscalationLevel.MANAGER, "service", "walk-in-desk")).contains("s-manager");
        assertThat(LADDER.handlerAt(EscalationLevel.DISCIPLINE_UNIT, "quality", "q-1")).contains("inspector");
        assertThat(LADDER.handlerAt(EscalationLevel.SUPERVISOR, "service", "s-manager")).isEmpty();
    }

    @Test
    void aNewCaseGoesToAnAgentNeverToSomeoneHigherOnTheLadder() {
        assertThat(LADDER.choose("quality", Category.OTHER, Map.of("q-1", 5L, "q-2", 5L))).contains("q-1");
        assertThat(LADDER.choose("leadership", Category.OTHER, Map.of())).isEmpty();
    }

    @Test
    void everyoneActsAtTheLevelOfTheirRoleAndSomeoneOnlyNamedAsASupervisorAtThatOfASupervisor() {
        assertThat(LADDER.levelOf("q-manager")).isEqualTo(EscalationLevel.MANAGER);
        assertThat(LADDER.levelOf("director")).isEqualTo(EscalationLevel.LEADERSHIP);
        assertThat(ROSTER.levelOf("q-lead")).isEqualTo(EscalationLevel.SUPERVISOR);
        assertThat(LADDER.levelOf("q-1")).isEqualTo(EscalationLevel.AGENT);
        assertThat(LADDER.levelOf("nobody-known")).isEqualTo(EscalationLevel.AGENT);
    }
}
