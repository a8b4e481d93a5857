package org.complaintsuite.intake.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.Classification;
import org.complaintsuite.events.Customer;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.PriorityTrigger;
import org.complaintsuite.events.RequestKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassifierTest {

    private static final Customer NOBODY = new Customer(null, null, "+8613800138000", null);

    private final Classifier classifier = Classifier.of(List.of(
                    new ClassificationRule("billing", List.of("多收费", "overcharg"), RequestKind.COMPLAINT,
                            Category.PRICE_BILLING),
                    new ClassificationRule("quality", List.of("漏水", "leak"), RequestKind.COMPLAINT,
                            Category.PRODUCT_QUALITY),
                    new ClassificationRule("consultation", List.of("请问", "how do i"), RequestKind.CONSULTATION,
                            Category.OTHER)),
            List.of(new TriggerRule("safety", PriorityTrigger.Kind.SAFETY_INCIDENT, List.of("起火", "fire"), null,
                            null, Priority.URGENT),
                    new TriggerRule("media", PriorityTrigger.Kind.MEDIA_OR_LEGAL_THREAT, List.of("记者", "lawyer"),
                            null, null, Priority.HIGH),
                    new TriggerRule("vip", PriorityTrigger.Kind.VIP, null, List.of("VIP-1"), null, Priority.HIGH),
                    new TriggerRule("major", PriorityTrigger.Kind.MAJOR_ACCOUNT, null, null,
                            List.of("bigcorp.example.com"), Priority.HIGH)));

    @Test
    void whatTheChannelSaysIsKept() {
        Classifier.Result r = classifier.classify(RequestKind.SERVICE_REQUEST, Category.AFTER_SALES, null,
                "the kettle leaks", NOBODY);
        assertThat(r.kind()).isEqualTo(RequestKind.SERVICE_REQUEST);
        assertThat(r.category()).isEqualTo(Category.AFTER_SALES);
        assertThat(r.classification()).isEqualTo(Classification.fromChannel());
        assertThat(r.priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void chineseAndEnglishPhrasesClassifyAndTheRuleAndPhraseAreRecorded() {
        Classifier.Result zh = classifier.classify(null, null, null, "热水器漏水了，请尽快处理", NOBODY);
        assertThat(zh.category()).isEqualTo(Category.PRODUCT_QUALITY);
        assertThat(zh.kind()).isEqualTo(RequestKind.COMPLAINT);
        assertThat(zh.classification())
                .isEqualTo(new Classification(Classification.Source.RULE, "quality", "漏水"));
        Classifier.Result en = classifier.classify(null, null, null, "I was OVERCHARGED twice", NOBODY);
        assertThat(en.category()).isEqualTo(Category.PRICE_BILLING);
        assertThat(en.classification().matched()).isEqualTo("overcharg");
    }

    @Test
    void theFirstMatchingRuleWinsAndAGivenKindIsKept() {
        // both billing and quality phrases: billing comes first in the file
        Classifier.Result r = classifier.classify(RequestKind.SERVICE_REQUEST, null, null,
                "overcharged for a kettle that leaks", NOBODY);
        assertThat(r.category()).isEqualTo(Category.PRICE_BILLING);
        assertThat(r.kind()).isEqualTo(RequestKind.SERVICE_REQUEST);
    }

    @Test
    void anEnglishPhraseMustStartAWord() {
        Classifier.Result r = classifier.classify(null, null, null, "a bleak outlook, nothing else", NOBODY);
        assertThat(r.classification().source()).isEqualTo(Classification.Source.DEFAULT);
        assertThat(r.category()).isEqualTo(Category.OTHER);
        assertThat(r.kind()).isEqualTo(RequestKind.COMPLAINT);
    }

    @Test
    void fullWidthAndCaseDifferencesDoNotMatter() {
        assertThat(classifier.classify(null, null, null, "ＨＯＷ ＤＯ Ｉ pay my bill?", NOBODY).kind())
                .isEqualTo(RequestKind.CONSULTATION);
    }

    @Test
    void everyMatchingTriggerRaisesThePriorityAndIsRecorded() {
        Classifier.Result r = classifier.classify(RequestKind.COMPLAINT, Category.INCIDENT, Priority.LOW,
                "插座起火了，我已经联系了记者", new Customer("VIP-1", null, null, "boss@bigcorp.example.com"));
        assertThat(r.priority()).isEqualTo(Priority.URGENT);
        assertThat(r.triggers()).containsExactly(
                new PriorityTrigger(PriorityTrigger.Kind.SAFETY_INCIDENT, "safety", "起火"),
                new PriorityTrigger(PriorityTrigger.Kind.MEDIA_OR_LEGAL_THREAT, "media", "记者"),
                new PriorityTrigger(PriorityTrigger.Kind.VIP, "vip", "customer VIP-1"),
                new PriorityTrigger(PriorityTrigger.Kind.MAJOR_ACCOUNT, "major", "e-mail domain bigcorp.example.com"));
    }

    @Test
    void aTriggerNeverLowersAPriority() {
        Classifier.Result r = classifier.classify(RequestKind.COMPLAINT, Category.OTHER, Priority.URGENT,
                "my lawyer will call", NOBODY);
        assertThat(r.priority()).isEqualTo(Priority.URGENT);
        assertThat(r.triggers()).hasSize(1);
    }

    @Test
    void invalidRulesAreAllReportedAtOnce() {
        assertThatThrownBy(() -> Classifier.of(List.of(
                        new ClassificationRule("a", List.of(), RequestKind.COMPLAINT, Category.OTHER),
                        new ClassificationRule("a", List.of("x"), null, Category.OTHER)),
                List.of(new TriggerRule(null, PriorityTrigger.Kind.VIP, null, null, null, Priority.HIGH))))
                .hasMessageContaining("rules[0] (a): needs at least one phrase")
                .hasMessageContaining("rules[1] (a): id a is used twice")
                .hasMessageContaining("rules[1] (a): needs a kind and a category")
                .hasMessageContaining("triggers[0]: needs an id")
                .hasMessageContaining("triggers[0]: needs phrases, customerIds or emailDomains");
    }
}
