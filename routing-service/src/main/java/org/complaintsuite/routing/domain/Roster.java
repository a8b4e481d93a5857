package org.complaintsuite.routing.domain;

import org.complaintsuite.events.Category;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The agents of each department's queue, with their skills (categories; none = any). A case goes to the
 * least loaded agent who has the case's category as a skill, or to the least loaded of the department when
 * nobody has it; ties go to the agent listed first. A re-opened case goes to the supervisor of the agent
 * who worked on it before (DOMAIN.md: the first handling did not satisfy the customer).
 */
public final class Roster {

    /** An agent of a queue; {@code supervisor} takes the agent's re-opened cases. */
    public record Agent(String id, Set<Category> skills, String supervisor) {
        public Agent {
            skills = skills == null ? Set.of() : Set.copyOf(skills);
        }

        boolean handles(Category category) {
            return skills.isEmpty() || skills.contains(category);
        }
    }

    private final Map<String, List<Agent>> departments;

    public Roster(Map<String, List<Agent>> departments) {
        List<String> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, List<Agent>> copy = new LinkedHashMap<>();
        (departments == null ? Map.<String, List<Agent>>of() : departments).forEach((department, agents) -> {
            for (Agent agent : agents == null ? List.<Agent>of() : agents) {
                if (agent.id() == null || agent.id().isBlank()) {
                    errors.add(department + ": an agent needs an id");
                } else if (!ids.add(agent.id())) {
                    errors.add(department + ": agent " + agent.id() + " is listed twice");
                }
            }
            copy.put(department, List.copyOf(agents == null ? List.of() : agents));
        });
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid roster: " + String.join("; ", errors));
        }
        this.departments = Map.copyOf(copy);
    }

    /** The agent to give a case to; empty when the department has no agents on the roster. */
    public Optional<String> choose(String department, Category category, Map<String, Long> openCasesByAgent) {
        List<Agent> agents = departments.getOrDefault(department, List.of());
        List<Agent> skilled = agents.stream().filter(a -> a.handles(category)).toList();
        List<Agent> candidates = skilled.isEmpty() ? agents : skilled;
        return candidates.stream()
                .min(Comparator.comparingLong(a -> openCasesByAgent.getOrDefault(a.id(), 0L)))
                .map(Agent::id);
    }

    /** The supervisor of an agent, in whatever department the agent is listed. */
    public Optional<String> supervisorOf(String agent) {
        return departments.values().stream().flatMap(List::stream)
                .filter(a -> a.id().equals(agent) && a.supervisor() != null && !a.supervisor().isBlank())
                .map(Agent::supervisor).findFirst();
    }

    /** Every department's agents, in roster order. */
    public Map<String, List<Agent>> departments() {
        return departments;
    }

    /** Whether someone supervises agents on the roster (and so may designate the handler of a case). */
    public boolean isSupervisor(String person) {
        return person != null && departments.values().stream().flatMap(List::stream)
                .anyMatch(a -> person.equals(a.supervisor()));
    }
}
