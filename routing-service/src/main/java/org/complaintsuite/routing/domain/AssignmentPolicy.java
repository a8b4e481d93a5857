package org.complaintsuite.routing.domain;

import org.complaintsuite.events.ComplaintRouted;
import org.complaintsuite.events.HandlingMode;

import java.util.Map;
import java.util.Optional;

/**
 * Who a routed case goes to: a re-opened case to the person at its level (at least a supervisor) up the
 * reporting line of whoever had it; any other to the least loaded agent of its department who has the skill
 * (any agent of it when none has). Designated cases wait for leadership to designate the handler, analysis
 * cases for the daily review: nobody is picked.
 */
public final class AssignmentPolicy {

    /** The open cases of each assignee of a department: the load the choice balances. */
    public interface CaseLoads {
        Map<String, Long> openCasesByAssignee(String department);
    }

    /** The agent chosen, and why (kept on the record with the assignment). */
    public record Choice(String assignee, String reason) {
    }

    private AssignmentPolicy() {
    }

    public static Optional<Choice> choose(ComplaintRouted routed, Roster roster, CaseLoads loads) {
        if (routed.handlingMode() == HandlingMode.DESIGNATED || routed.handlingMode() == HandlingMode.ANALYSIS) {
            return Optional.empty();
        }
        if (routed.previousAssignee() != null) {
            Optional<String> above = roster.handlerAt(routed.escalationLevel(), routed.department(),
                    routed.previousAssignee());
            if (above.isPresent()) {
                return Optional.of(new Choice(above.get(), "re-opened: to the " + routed.escalationLevel()
                        + " above " + routed.previousAssignee()));
            }
        }
        return roster.choose(routed.department(), routed.category(), loads.openCasesByAssignee(routed.department()))
                .map(agent -> new Choice(agent, "least loaded agent of " + routed.department() + " for "
                        + routed.category()));
    }
}
