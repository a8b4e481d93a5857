package org.complaintsuite.routing.domain;

import org.complaintsuite.events.Compensation;
import org.complaintsuite.events.Validity;
import org.complaintsuite.routing.domain.Resolution.Finding;
import org.complaintsuite.routing.domain.Resolution.Problem;
import org.complaintsuite.routing.domain.Resolution.Remedy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules a resolution obeys before the case accepts it (DOMAIN.md §2.5). */
class ResolutionTest {

    private static final Compensation TWO_HUNDRED = new Compensation(new BigDecimal("200.00"), "cny");

    @Test
    void aSubstantiatedComplaintResolvedWithACompensationIsWholeAndItsCurrencyIsNormalised() {
        Resolution resolution = new Resolution(Validity.SUBSTANTIATED, Finding.COMPANY_FAULT, Remedy.COMPENSATION,
                TWO_HUNDRED, "late repair", "We pay 200 yuan for the delay.");
        assertThat(resolution.compensation()).isEqualTo(new Compensation(new BigDecimal("200.00"), "CNY"));
    }

    @Test
    void anUnfoundedComplaintIsNeverTheCompanysFaultAndNeedsNoRootCause() {
        assertThat(Resolution.problems(Validity.UNFOUNDED, Finding.COMPANY_FAULT, Remedy.EXPLANATION, null, null,
                "The second charge is the deposit.")).extracting(Problem::field).containsExactly("finding");
        assertThat(Resolution.problems(Validity.UNFOUNDED, Finding.CUSTOMER_MISUNDERSTANDING, Remedy.EXPLANATION,
                null, null, "The second charge is the deposit.")).isEmpty();
    }

    @Test
    void aSubstantiatedComplaintNamesItsRootCauseAndEveryResolutionTellsTheCustomerSomething() {
        assertThat(Resolution.problems(Validity.SUBSTANTIATED, Finding.COMPANY_FAULT, Remedy.REPAIR, null, " ", ""))
                .extracting(Problem::field).containsExactly("rootCause", "note");
        assertThat(Resolution.problems(Validity.SUBSTANTIATED, Finding.COMPANY_FAULT, Remedy.REPAIR, null,
                "x".repeat(Resolution.MAX_ROOT_CAUSE + 1), "y".repeat(Resolution.MAX_NOTE + 1)))
                .extracting(Problem::reason).containsExactly("is longer than 2000 characters",
                        "is longer than 4000 characters");
    }

    @Test
    void aCompensationIsGivenExactlyWhenTheRemedyIsCompensationAsAPositiveAmountInACurrency() {
        assertThat(Resolution.problems(Validity.SUBSTANTIATED, Finding.COMPANY_FAULT, Remedy.APOLOGY, TWO_HUNDRED,
                "rude", "sorry")).extracting(Problem::field).containsExactly("compensation");
        assertThat(Resolution.problems(Validity.SUBSTANTIATED, Finding.COMPANY_FAULT, Remedy.COMPENSATION, null,
                "rude", "sorry")).extracting(Problem::field).containsExactly("compensation");
        assertThat(Resolution.problems(Validity.SUBSTANTIATED, Finding.COMPANY_FAULT, Remedy.COMPENSATION,
                new Compensation(new BigDecimal("-5.123"), "yuan"), "rude", "sorry"))
                .extracting(Problem::field).containsExactly("compensation.amount", "compensation.currency");
        assertThat(Resolution.problems(Validity.SUBSTANTIATED, Finding.COMPANY_FAULT, Remedy.COMPENSATION,
                new Compensation(Resolution.MAX_COMPENSATION.add(BigDecimal.ONE), "CNY"), "rude", "sorry"))
                .extracting(Problem::field).containsExactly("compensation.amount");
    }

    @Test
    void everyMissingPartIsReportedAtOnceAndNoResolutionCanBeMadeOfThem() {
        assertThat(Resolution.problems(null, null, null, null, null, null)).extracting(Problem::field)
                .containsExactly("validity", "finding", "remedy", "note");
        assertThatThrownBy(() -> new Resolution(null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("validity");
    }
}
