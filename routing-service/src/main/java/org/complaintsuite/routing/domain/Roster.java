package org.complaintsuite.routing.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.EscalationLevel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The people of each department with their role on the escalation ladder (agent, supervisor, manager,
 * leadership, discipline unit), their reporting line ({@code supervisor}: whom they report to) and, for
 * agents, their skills (categories; none = any). A new case goes to the least loaded agent who has the
 * case's category as a skill, or to the least loaded agent of the department when nobody has it; ties go
 * to the agent listed first. A case at a higher level goes to the person of that level up the reporting
 * line of whoever had it (DOMAIN.md: the ladder agent → supervisor/manager → leadership → discipline unit).
 */
public final class Roster {

    /** A person on the roster; {@code role} null is an agent; {@code supervisor} is whom they report to. */
    public record Agent(String id, Set<Category> skills, String supervisor, EscalationLevel role) {
        public Agent {
            skills = skills == null ? Set.of() : Set.copyOf(skills);
            role = role == null ? EscalationLevel.AGENT : role;
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
        List<Agent> agents = departments.getOrDefault(department, List.of()).stream()
                .filter(a -> a.role() == EscalationLevel.AGENT).toList();
        List<Agent> skilled = agents.stream().filter(a -> a.handles(category)).toList();
        List<Agent> candidates = skilled.isEmpty() ? agents : skilled;
        return candidates.stream()
                .min(Comparator.comparingLong(a -> openCasesByAgent.getOrDefault(a.id(), 0L)))
                .map(Agent::id);
    }

    /** Every department's agents, in roster order. */
    public Map<String, List<Agent>> departments() {
        return departments;
    }

    /**
     * The person who takes a case at {@code level}: up the reporting line of {@code from} (who had it), the
     * first one at that level; else the first at that level in the case's department; for leadership and the
     * discipline unit, which serve every department, else the first anywhere. Empty when nobody holds it.
     */
    public Optional<String> handlerAt(EscalationLevel level, String department, String from) {
        Set<String> seen = new HashSet<>();
        for (String at = from; at != null && seen.add(at); at = person(at).map(Agent::supervisor).orElse(null)) {
            EscalationLevel atLevel = levelOf(at);
            if (atLevel == level) {
                return Optional.of(at);
            }
            if (atLevel.compareTo(level) > 0) {
                break; // past the level on this line: the department's own holder of it takes the case
            }
        }
        Optional<String> inDepartment = departments.getOrDefault(department, List.of()).stream()
                .filter(a -> a.role() == level).findFirst().map(Agent::id);
        if (inDepartment.isPresent() || level.compareTo(EscalationLevel.LEADERSHIP) < 0) {
            return inDepartment; // supervisors and managers are a department's own
        }
        return departments.values().stream().flatMap(List::stream).filter(a -> a.role() == level)
                .findFirst().map(Agent::id);
    }

    /**
     * The level someone acts at: their role on the roster; someone named only as others' supervisor is a
     * supervisor; anyone else an agent (the least authority).
     */
    public EscalationLevel levelOf(String person) {
        return person(person).map(Agent::role).orElseGet(() -> person != null && departments.values().stream()
                .flatMap(List::stream).anyMatch(a -> person.equals(a.supervisor()))
                ? EscalationLevel.SUPERVISOR : EscalationLevel.AGENT);
    }

    private Optional<Agent> person(String id) {
        return id == null ? Optional.empty() : departments.values().stream().flatMap(List::stream)
                .filter(a -> a.id().equals(id)).findFirst();
    }
}
