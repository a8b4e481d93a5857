package org.complaintsuite.sla;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The sla domain (aggregate, commands, rules) knows no Spring, Kafka, Mongo or HTTP; only Axon's annotations. */
@AnalyzeClasses(packages = "org.complaintsuite.sla", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoFrameworks = noClasses().that().resideInAPackage("..sla.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.mongodb..", "org.bson..", "reactor..", "jakarta.persistence..", "tools.jackson..");

    @ArchTest
    static final ArchRule domainDoesNotReachOut = noClasses().that().resideInAPackage("..sla.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..sla.api..", "..sla.projection..",
                    "..sla.config..", "org.complaintsuite.platform..");
}
