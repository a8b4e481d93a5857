package org.complaintsuite.routing.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.PriorityTrigger;
import org.complaintsuite.events.RequestKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The routing rules, in file order: the first rule that matches decides. The last must match anything.
 * {@code escalationTriggers} says to which level a case escalates at once when intake's rules flagged the
 * complaint (VIP, major account, safety incident, media or legal threat); {@code compensationAuthority} how
 * much compensation each level may grant; {@code causes} the cause codes resolutions are classified by.
 */
public final class RoutingRules {

    private final List<RoutingRule> rules;
    private final Map<PriorityTrigger.Kind, EscalationLevel> escalationTriggers;
    private final CompensationAuthority compensationAuthority;
    private final CauseCatalogue causes;

    public RoutingRules(List<RoutingRule> rules) {
        this(rules, Map.of());
    }

    public RoutingRules(List<RoutingRule> rules, Map<PriorityTrigger.Kind, EscalationLevel> escalationTriggers) {
        this(rules, escalationTriggers, CompensationAuthority.UNLIMITED, CauseCatalogue.NONE);
    }

    public RoutingRules(List<RoutingRule> rules, Map<PriorityTrigger.Kind, EscalationLevel> escalationTriggers,
                        CompensationAuthority compensationAuthority, CauseCatalogue causes) {
        List<String> errors = new ArrayList<>();
        if (rules == null || rules.isEmpty()) {
            errors.add("no routing rules");
        } else {
            for (int i = 0; i < rules.size(); i++) {
                RoutingRule r = rules.get(i);
                String at = "rules[" + i + "]" + (r.id() == null ? "" : " (" + r.id() + ")");
                if (r.id() == null || r.id().isBlank()) {
                    errors.add(at + ": id is required");
                }
                if (r.handlingMode() == null) {
                    errors.add(at + ": handlingMode is required");
                }
                if (r.department() == null || r.department().isBlank()) {
                    errors.add(at + ": department is required");
                }
            }
            RoutingRule last = rules.get(rules.size() - 1);
            if (!last.matchesEverything()) {
                errors.add("the last rule must match every complaint (no kinds, categories, priorities, channels or subjectTypes)");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid routing rules: " + String.join("; ", errors));
        }
        this.rules = List.copyOf(rules);
        this.escalationTriggers = escalationTriggers == null || escalationTriggers.isEmpty()
                ? Map.of() : new EnumMap<>(escalationTriggers);
        this.compensationAuthority = compensationAuthority;
        this.causes = causes;
    }

    /** The cause codes a resolution is classified by, and the departments a company fault can lie with. */
    public CauseCatalogue causes() {
        return causes;
    }

    /** How much compensation each level may grant. */
    public CompensationAuthority compensationAuthority() {
        return compensationAuthority;
    }

    /** The level a complaint flagged by {@code trigger} escalates to on arrival; empty when it does not. */
    public Optional<EscalationLevel> escalationFor(PriorityTrigger.Kind trigger) {
        return Optional.ofNullable(escalationTriggers.get(trigger));
    }

    public RoutingDecision route(RequestKind kind, Category category, Priority priority, Channel channel) {
        return route(kind, category, priority, channel, null);
    }

    /** {@code subjectType}: what the complaint is about (PRODUCT, STAFF...), null without a subject. */
    public RoutingDecision route(RequestKind kind, Category category, Priority priority, Channel channel,
                                 String subjectType) {
        RoutingRule rule = rules.stream().filter(r -> r.matches(kind, category, priority, channel, subjectType))
                .findFirst().orElseThrow();
        return new RoutingDecision(rule.id(), rule.handlingMode(), rule.department(), rule.entryLevel());
    }
}
