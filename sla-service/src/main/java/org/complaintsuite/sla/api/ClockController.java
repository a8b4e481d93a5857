package org.complaintsuite.sla.api;

import org.complaintsuite.platform.web.NotFoundException;
import org.complaintsuite.sla.domain.SlaPolicies;
import org.complaintsuite.sla.domain.SlaPolicy;
import org.complaintsuite.sla.projection.ClockView;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

@RestController
class ClockController {

    private final ClockView view;
    private final SlaPolicies policies;

    ClockController(ClockView view, SlaPolicies policies) {
        this.view = view;
        this.policies = policies;
    }

    @GetMapping(path = "/api/clocks/{complaintId}", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Map<String, Object>> clocks(@PathVariable String complaintId) {
        return view.find(complaintId).switchIfEmpty(Mono.error(new NotFoundException("no clocks for " + complaintId)));
    }

    @GetMapping(path = "/api/policies", produces = MediaType.APPLICATION_JSON_VALUE)
    List<SlaPolicy> policies() {
        return policies.all();
    }
}
