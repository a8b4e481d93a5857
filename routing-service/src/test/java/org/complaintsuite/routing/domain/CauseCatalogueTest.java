package org.complaintsuite.routing.domain;

import org.complaintsuite.events.Validity;
import org.complaintsuite.routing.domain.CauseCatalogue.Cause;
import org.complaintsuite.routing.domain.Resolution.Finding;
import org.complaintsuite.routing.domain.Resolution.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CauseCatalogueTest {

    static final CauseCatalogue CAUSES = new CauseCatalogue(List.of("production", "sales", "logistics"), List.of(
            new Cause("MATERIAL_DEFECT", "defective material", "production"),
            new Cause("PRICING_ERROR", "price or bill wrong", "sales"),
            new Cause("THIRD_PARTY_FAULT", "not ours", null)));

    private static List<String> fields(List<Problem> problems) {
        return problems.stream().map(Problem::field).toList();
    }

    @Test
    void aSubstantiatedComplaintNamesItsCauseAndACompanyFaultItsResponsibleDepartment() {
        assertThat(CAUSES.problems(Validity.SUBSTANTIATED, Finding.COMPANY_FAULT, "material_defect", null)).isEmpty();
        assertThat(CAUSES.responsibleDepartment(Finding.COMPANY_FAULT, "material_defect", null)).isEqualTo("production");
        assertThat(CAUSES.responsibleDepartment(Finding.COMPANY_FAULT, "material_defect", "sales")).isEqualTo("sales");
        assertThat(CAUSES.canonical(" material_defect ")).isEqualTo("MATERIAL_DEFECT");
        assertThat(fields(CAUSES.problems(Validity.SUBSTANTIATED, Finding.COMPANY_FAULT, null, null)))
                .containsExactly("causeCode", "responsibleDepartment");
        assertThat(fields(CAUSES.problems(Validity.SUBSTANTIATED, Finding.COMPANY_FAULT, "THIRD_PARTY_FAULT", null)))
                .as("a cause without a department: the fault's department must be named").containsExactly("responsibleDepartment");
        assertThat(fields(CAUSES.problems(Validity.SUBSTANTIATED, Finding.COMPANY_FAULT, "BAD_LUCK", "marketing")))
                .containsExactly("causeCode", "responsibleDepartment");
    }

    @Test
    void anUnfoundedComplaintNeedsNoCauseAndOnlyACompanyFaultHasAResponsibleDepartment() {
        assertThat(CAUSES.problems(Validity.UNFOUNDED, Finding.CUSTOMER_MISUNDERSTANDING, null, null)).isEmpty();
        assertThat(fields(CAUSES.problems(Validity.SUBSTANTIATED, Finding.THIRD_PARTY, "THIRD_PARTY_FAULT", "logistics")))
                .containsExactly("responsibleDepartment");
        assertThat(CAUSES.responsibleDepartment(Finding.THIRD_PARTY, "PRICING_ERROR", null)).isNull();
        assertThat(CauseCatalogue.NONE.problems(Validity.SUBSTANTIATED, Finding.COMPANY_FAULT, null, null))
                .as("a deployment without cause codes asks for none").isEmpty();
    }

    @Test
    void aCatalogueWithDuplicateOrUnknownEntriesIsRefusedWithEveryProblem() {
        assertThatThrownBy(() -> new CauseCatalogue(List.of(), List.of(new Cause("A", null, "production"),
                new Cause("A", null, null), new Cause(" ", null, null))))
                .hasMessageContaining("causes.codes[0] (A): department production is not one of the responsibleDepartments")
                .hasMessageContaining("causes.codes[1] (A): code is listed twice")
                .hasMessageContaining("causes.codes[2] ( ): code is required")
                .hasMessageContaining("causes.responsibleDepartments must name the departments");
    }
}
