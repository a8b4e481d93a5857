package org.complaintsuite.routing.domain;

import org.complaintsuite.events.Category;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RosterTest {

    private static final Roster ROSTER = new Roster(Map.of(
            "quality", List.of(new Roster.Agent("q-1", Set.of(Category.PRODUCT_QUALITY), "q-lead"),
                    new Roster.Agent("q-2", Set.of(Category.PRODUCT_QUALITY, Category.AFTER_SALES), null),
                    new Roster.Agent("q-3", Set.of(Category.INCIDENT), null)),
            "service", List.of(new Roster.Agent("s-1", null, null))));

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
        assertThatThrownBy(() -> new Roster(Map.of("quality", List.of(new Roster.Agent("q-1", null, null)),
                "service", List.of(new Roster.Agent("q-1", null, null), new Roster.Agent(" ", null, null)))))
                .hasMessageContaining("agent q-1 is listed twice")
                .hasMessageContaining("an agent needs an id");
    }

    @Test
    void aReopenedCaseGoesToThePreviousAgentsSupervisor() {
        assertThat(ROSTER.supervisorOf("q-1")).contains("q-lead");
        assertThat(ROSTER.supervisorOf("q-2")).isEmpty();
        assertThat(ROSTER.supervisorOf("someone-else")).isEmpty();
    }
}
