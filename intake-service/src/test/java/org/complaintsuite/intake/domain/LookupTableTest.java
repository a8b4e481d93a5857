package org.complaintsuite.intake.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.LookupAnswer;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Subject;
import org.complaintsuite.intake.domain.LookupTable.Code;
import org.complaintsuite.intake.domain.LookupTable.Lookup;
import org.complaintsuite.intake.domain.LookupTable.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LookupTableTest {

    private static final LookupTable AUTHENTICITY = new LookupTable(List.of(new Lookup("product-authenticity",
            List.of("BARCODE"), Map.of(
            "GENUINE", new Verdict("Code {code} is genuine: {detail}.", null, null),
            "COUNTERFEIT", new Verdict("Code {code} was never issued.", RequestKind.COMPLAINT, Category.PRODUCT_QUALITY),
            "UNVERIFIED", new Verdict("We check {code}.", RequestKind.QUERY, null)),
            "UNVERIFIED", List.of(new Code("6901234567892", "GENUINE", "kettle K-200, batch 7"),
            new Code("6909999999994", "COUNTERFEIT", null)))));

    @Test
    void aGenuineCodeIsAnsweredWithItsDetailAndOpensNoCase() {
        LookupAnswer answer = AUTHENTICITY.answer(new Subject("barcode", " 6901234567892 ")).orElseThrow();
        assertThat(answer.verdict()).isEqualTo("GENUINE");
        assertThat(answer.answer()).isEqualTo("Code 6901234567892 is genuine: kettle K-200, batch 7.");
        assertThat(answer.opensACase()).isFalse();
        assertThat(answer.lookup()).isEqualTo("product-authenticity");
    }

    @Test
    void aCounterfeitOpensAComplaintAndAnUnknownCodeGoesToTheDailyReview() {
        LookupAnswer counterfeit = AUTHENTICITY.answer(new Subject("BARCODE", "6909999999994")).orElseThrow();
        assertThat(counterfeit.opensKind()).isEqualTo(RequestKind.COMPLAINT);
        assertThat(counterfeit.opensCategory()).isEqualTo(Category.PRODUCT_QUALITY);
        LookupAnswer unknown = AUTHENTICITY.answer(new Subject("BARCODE", "123")).orElseThrow();
        assertThat(unknown.verdict()).isEqualTo("UNVERIFIED");
        assertThat(unknown.answer()).isEqualTo("We check 123.");
        assertThat(unknown.opensKind()).isEqualTo(RequestKind.QUERY);
    }

    @Test
    void aSubjectNoLookupAnswersIsLeftToPeople() {
        assertThat(AUTHENTICITY.answer(new Subject("SHOP", "S-12"))).isEmpty();
        assertThat(AUTHENTICITY.answer(null)).isEmpty();
    }

    @Test
    void invalidLookupsAreRefusedWithEveryProblem() {
        assertThatThrownBy(() -> new LookupTable(List.of(
                new Lookup("a", List.of("BARCODE"), Map.of("OK", new Verdict(" ", RequestKind.CONSULTATION, null)),
                        "MISSING", List.of(new Code("1", "NOPE", null), new Code(null, "OK", null))),
                new Lookup("a", List.of("barcode"), Map.of("X", new Verdict("x", null, Category.OTHER)), "X",
                        List.of(new Code("9", "X", null), new Code("9", "X", null))))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("query-lookups[0] (a): verdict OK needs an answer")
                .hasMessageContaining("query-lookups[0] (a): unknown-verdict must name one of its verdicts")
                .hasMessageContaining("query-lookups[0] (a): codes[0] (1) has verdict NOPE")
                .hasMessageContaining("query-lookups[0] (a): codes[1] has no code")
                .hasMessageContaining("query-lookups[1] (a): id is used by an earlier lookup")
                .hasMessageContaining("query-lookups[1] (a): subject type barcode is answered by an earlier lookup")
                .hasMessageContaining("query-lookups[1] (a): verdict X gives a category but no kind of case to open")
                .hasMessageContaining("query-lookups[1] (a): codes[1] (9) is listed twice");
    }
}
