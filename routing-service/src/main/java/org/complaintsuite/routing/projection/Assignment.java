package org.complaintsuite.routing.projection;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.complaintsuite.events.ComplaintRouted;
import org.complaintsuite.events.HandlingMode;
import org.complaintsuite.routing.domain.Commands.AssignCaseCommand;
import org.complaintsuite.routing.domain.Roster;
import org.complaintsuite.routing.domain.RosterSource;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Gives each routed case to the least loaded agent of its department who has the skill, from the roster
 * and the open cases of the case view; a re-opened case to the supervisor of the agent who had it. Once per
 * round: the aggregate ignores a repeat. Designated and analysis cases are not assigned automatically.
 * Loads are read from the view, so two cases routed at the same moment may go to the same agent.
 */
@Component
@ProcessingGroup("case-assignment")
class Assignment {

    private final RosterSource roster;
    private final CaseView view;
    private final CommandGateway commands;

    Assignment(RosterSource roster, CaseView view, CommandGateway commands) {
        this.roster = roster;
        this.view = view;
        this.commands = commands;
    }

    @EventHandler
    void on(ComplaintRouted e) {
        if (e.handlingMode() == HandlingMode.DESIGNATED || e.handlingMode() == HandlingMode.ANALYSIS) {
            return; // a supervisor designates the handler; analysis cases wait for the daily review
        }
        Roster current = roster.current();
        Optional<String> supervisor = e.previousAssignee() == null ? Optional.empty()
                : current.supervisorOf(e.previousAssignee());
        if (supervisor.isPresent()) {
            assign(e, supervisor.get(), "re-opened: to the supervisor of " + e.previousAssignee());
            return;
        }
        current.choose(e.department(), e.category(), view.openCasesByAssignee(e.department()))
                .ifPresent(agent -> assign(e, agent, "least loaded agent of " + e.department() + " for "
                        + e.category()));
    }

    private void assign(ComplaintRouted e, String agent, String reason) {
        commands.sendAndWait(new AssignCaseCommand(e.complaintId(), e.round(), agent, reason, "routing"));
    }
}
