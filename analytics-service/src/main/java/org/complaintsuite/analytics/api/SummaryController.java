package org.complaintsuite.analytics.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import org.complaintsuite.analytics.projection.Summary;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Analytics", description = "The figures management reviews")
class SummaryController {

    private final Summary summary;

    SummaryController(Summary summary) {
        this.summary = summary;
    }

    @Operation(summary = "What management reviews",
            description = "Complaints received, open, escalated, resolved, revisited and closed; SLA warnings and "
                    + "breaches; linked contacts; received contacts by kind, category and channel.")
    @GetMapping(path = "/api/analytics/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Summary.Counts> summary() {
        return summary.counts();
    }
}
