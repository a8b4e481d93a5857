package org.complaintsuite.sla.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.RequestKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The loaded policies; the most specific match wins. Invalid policies fail at start-up with every reason. */
public final class SlaPolicies {

    private final List<SlaPolicy> policies;

    public SlaPolicies(List<SlaPolicy> policies) {
        List<String> errors = new ArrayList<>();
        if (policies == null || policies.isEmpty()) {
            errors.add("no SLA policies");
        } else {
            for (int i = 0; i < policies.size(); i++) {
                SlaPolicy p = policies.get(i);
                String at = "policies[" + i + "]" + (p.id() == null ? "" : " (" + p.id() + ")");
                if (p.id() == null || p.id().isBlank()) {
                    errors.add(at + ": id is required");
                }
                if (p.version() == null || p.version().isBlank()) {
                    errors.add(at + ": version is required");
                }
                if (p.resolution() == null || p.resolution().isNegative() || p.resolution().isZero()) {
                    errors.add(at + ": resolution must be a positive ISO-8601 duration such as P3D or PT12H");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid SLA policies: " + String.join("; ", errors));
        }
        this.policies = List.copyOf(policies);
    }

    public Optional<SlaPolicy> resolutionPolicyFor(RequestKind kind, Category category) {
        return policies.stream().filter(p -> p.matches(kind, category))
                .max(Comparator.comparingInt(SlaPolicy::specificity));
    }

    public List<SlaPolicy> all() {
        return policies;
    }
}
