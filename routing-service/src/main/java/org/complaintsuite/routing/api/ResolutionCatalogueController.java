package org.complaintsuite.routing.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.complaintsuite.events.EscalationLevel;
import org.complaintsuite.events.Validity;
import org.complaintsuite.routing.domain.CauseCatalogue;
import org.complaintsuite.routing.domain.CompensationAuthority;
import org.complaintsuite.routing.domain.Resolution.Finding;
import org.complaintsuite.routing.domain.Resolution.Remedy;
import org.complaintsuite.routing.domain.RoutingRules;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What a resolution may say, for the agent desktop's lists: the same data the resolution is checked against. */
@RestController
@Tag(name = "Cases")
class ResolutionCatalogueController {

    @Schema(description = "What a resolution may record: validity, finding, remedy, the cause codes (each with the "
            + "department usually responsible), the departments a company fault can lie with, and how much "
            + "compensation each level may grant (levels not listed: without limit).")
    record ResolutionCatalogue(List<Validity> validities, List<Finding> findings, List<Remedy> remedies,
                               List<CauseCatalogue.Cause> causes, List<String> responsibleDepartments,
                               String compensationCurrency, Map<EscalationLevel, BigDecimal> compensationLimits) {
    }

    private final ResolutionCatalogue catalogue;

    ResolutionCatalogueController(RoutingRules rules) {
        CauseCatalogue causes = rules.causes();
        CompensationAuthority authority = rules.compensationAuthority();
        this.catalogue = new ResolutionCatalogue(Arrays.asList(Validity.values()), Arrays.asList(Finding.values()),
                Arrays.asList(Remedy.values()), causes.codes(), causes.responsibleDepartments(), authority.currency(),
                authority.limits());
    }

    @Operation(summary = "What a resolution may record",
            description = "The lists a resolution is checked against, from the routing rules file.")
    @GetMapping(path = "/api/resolution-catalogue", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResolutionCatalogue> catalogue() {
        return Mono.just(catalogue);
    }
}
