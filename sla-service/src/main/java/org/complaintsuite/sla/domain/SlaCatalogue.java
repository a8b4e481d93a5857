package org.complaintsuite.sla.domain;

import org.complaintsuite.events.ClockSubject;
import org.complaintsuite.events.SlaTarget;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded SLA policies with their calendars and warning fractions. For each target the most
 * specific policy that defines it wins. A catalogue never changes a running clock by itself: clocks
 * keep the terms they started with unless explicitly recalculated.
 */
public final class SlaCatalogue {

    private final List<SlaPolicy> policies;
    private final Map<String, BusinessCalendar> calendars;
    private final List<Double> warnAt;

    public SlaCatalogue(List<SlaPolicy> policies, Map<String, BusinessCalendar> calendars, List<Double> warnAt) {
        this.policies = List.copyOf(policies);
        this.calendars = Map.copyOf(calendars);
        this.warnAt = warnAt.stream().sorted().toList();
        for (SlaPolicy policy : policies) {
            policy.targets().forEach((target, rule) -> {
                if (!this.calendars.containsKey(rule.calendarId())) {
                    throw new IllegalArgumentException("policy " + policy.id() + " target " + target
                            + " uses unknown calendar " + rule.calendarId());
                }
            });
        }
    }

    public Optional<ClockTerms> termsFor(SlaTarget target, ClockSubject subject, Instant start) {
        return policies.stream()
                .filter(p -> p.targets().containsKey(target) && p.match().matches(subject))
                .max(Comparator.comparingInt(p -> p.match().specificity()))
                .map(p -> {
                    TargetRule rule = p.targets().get(target);
                    BusinessCalendar calendar = calendars.get(rule.calendarId());
                    return new ClockTerms(p.id(), p.version(), rule.allowedFor(start, calendar), calendar, warnAt);
                });
    }

    public List<SlaPolicy> policies() {
        return policies;
    }

    public Map<String, BusinessCalendar> calendars() {
        return calendars;
    }

    public List<Double> warnAt() {
        return warnAt;
    }
}
