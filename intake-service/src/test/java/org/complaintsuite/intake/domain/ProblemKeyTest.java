package org.complaintsuite.intake.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Subject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemKeyTest {

    private static final Subject KETTLE = new Subject("product", "sku-42");

    @Test
    void subjectsCompareWithoutCaseWidthOrSpacing() {
        assertThat(ProblemKey.of(RequestKind.COMPLAINT, KETTLE, Category.OTHER, "leaks"))
                .isEqualTo(ProblemKey.of(RequestKind.COMPLAINT, new Subject("PRODUCT", "ＳＫＵ 42"),
                        Category.PRODUCT_QUALITY, "a different text"));
    }

    @Test
    void aComplaintIsNeverTheSameProblemAsAQueryOrAConsultationAboutTheSameSubject() {
        ProblemKey complaint = ProblemKey.of(RequestKind.COMPLAINT, KETTLE, Category.PRODUCT_QUALITY, "leaks");
        assertThat(ProblemKey.of(RequestKind.QUERY, KETTLE, Category.PRODUCT_QUALITY, "leaks"))
                .isNotEqualTo(complaint);
        assertThat(ProblemKey.of(RequestKind.CONSULTATION, KETTLE, Category.PRODUCT_QUALITY, "leaks"))
                .isNotEqualTo(complaint);
        assertThat(ProblemKey.of(RequestKind.SERVICE_REQUEST, KETTLE, Category.PRODUCT_QUALITY, "leaks"))
                .isNotEqualTo(complaint);
    }

    @Test
    void withoutASubjectTwoDifferentProblemsOfOneCategoryStayApart() {
        assertThat(ProblemKey.of(RequestKind.COMPLAINT, null, Category.PRICE_BILLING, "Charged twice in March"))
                .isNotEqualTo(ProblemKey.of(RequestKind.COMPLAINT, null, Category.PRICE_BILLING,
                        "The roaming fee is wrong"));
    }

    @Test
    void withoutASubjectTheSameTextSentThroughAnotherChannelIsTheSameProblem() {
        assertThat(ProblemKey.of(RequestKind.COMPLAINT, null, Category.PRICE_BILLING, "Charged twice in March!"))
                .isEqualTo(ProblemKey.of(RequestKind.COMPLAINT, null, Category.PRICE_BILLING,
                        "  charged TWICE in march "));
        assertThat(ProblemKey.of(RequestKind.COMPLAINT, null, Category.PRICE_BILLING, "多收费了，请退款。"))
                .isEqualTo(ProblemKey.of(RequestKind.COMPLAINT, null, Category.PRICE_BILLING, "多收费了 请退款"))
                .isNotEqualTo(ProblemKey.of(RequestKind.COMPLAINT, null, Category.AFTER_SALES, "多收费了 请退款"));
    }

    @Test
    void aLongDescriptionMakesAKeyOfBoundedLength() {
        assertThat(ProblemKey.of(RequestKind.COMPLAINT, null, Category.OTHER, "x".repeat(100_000)).value())
                .hasSizeLessThan(80);
    }
}
