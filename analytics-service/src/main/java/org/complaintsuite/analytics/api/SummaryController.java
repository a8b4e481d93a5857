package org.complaintsuite.analytics.api;

import org.complaintsuite.analytics.projection.Summary;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class SummaryController {

    private final Summary summary;

    SummaryController(Summary summary) {
        this.summary = summary;
    }

    @GetMapping(path = "/api/analytics/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Summary.Counts> summary() {
        return summary.counts();
    }
}
