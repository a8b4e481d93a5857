package org.complaintsuite.intake.config;

import org.complaintsuite.intake.domain.ClassificationRule;
import org.complaintsuite.intake.domain.Classifier;
import org.complaintsuite.intake.domain.CodeLookup;
import org.complaintsuite.intake.domain.LookupTable;
import org.complaintsuite.intake.domain.Registrar;
import org.complaintsuite.intake.projection.ComplaintView;
import org.complaintsuite.intake.domain.CustomerIdentity;
import org.complaintsuite.intake.domain.RepeatDetection;
import org.complaintsuite.intake.domain.TriggerRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Configuration
@EnableConfigurationProperties({IntakeConfiguration.ClassificationProperties.class,
        IntakeConfiguration.LookupProperties.class})
class IntakeConfiguration {

    /** {@code classification-rules.yml} (or the file in {@code INTAKE_CLASSIFICATION_RULES}), bound as typed data. */
    @ConfigurationProperties("intake.classification")
    record ClassificationProperties(List<ClassificationRule> rules, List<TriggerRule> triggers) {
    }

    /** {@code query-lookups.yml} (or the file in {@code INTAKE_QUERY_LOOKUPS}), bound as typed data. */
    @ConfigurationProperties("intake")
    record LookupProperties(List<LookupFile> queryLookups) {
    }

    /** One lookup as the file gives it: its codes inline and, optionally, from a CSV file. */
    record LookupFile(String id, List<String> subjectTypes, Map<String, LookupTable.Verdict> verdicts,
                      String unknownVerdict, String codesFile, List<LookupTable.Code> codes) {
    }

    /** The lookups of the rules file answer queries by code; an invalid one stops the start-up. */
    @Bean
    CodeLookup codeLookup(LookupProperties properties) throws IOException {
        List<LookupTable.Lookup> lookups = new ArrayList<>();
        for (LookupFile file : properties.queryLookups() == null ? List.<LookupFile>of() : properties.queryLookups()) {
            List<LookupTable.Code> codes = new ArrayList<>(file.codes() == null ? List.of() : file.codes());
            if (file.codesFile() != null && !file.codesFile().isBlank()) {
                codes.addAll(codesOf(Path.of(file.codesFile())));
            }
            lookups.add(new LookupTable.Lookup(file.id(), file.subjectTypes(), file.verdicts(), file.unknownVerdict(),
                    codes));
        }
        return new LookupTable(lookups);
    }

    /** The lines {@code code,verdict[,detail]} of a CSV file; blank lines and '#' comments skipped. */
    static List<LookupTable.Code> codesOf(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("invalid query lookups: codes-file " + file + " cannot be read");
        }
        List<LookupTable.Code> codes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] fields = content.split(",", 3);
            codes.add(new LookupTable.Code(fields[0].strip(), fields.length > 1 ? fields[1].strip() : null,
                    fields.length > 2 ? fields[2].strip() : null));
        }
        return codes;
    }

    /** The registration of every contact, matched with the customer's earlier ones through intake's view. */
    @Bean
    Registrar registrar(CustomerIdentity identity, Classifier classifier, CodeLookup lookup, RepeatDetection repeats,
                        ComplaintView view, Clock clock) {
        return new Registrar(identity, classifier, lookup, repeats, view, clock);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** An invalid rules file stops the start-up with every problem named. */
    @Bean
    Classifier classifier(ClassificationProperties properties) {
        return Classifier.of(properties.rules(), properties.triggers());
    }

    @Bean
    CustomerIdentity customerIdentity(@Value("${intake.phone-region}") String region) {
        return new CustomerIdentity(region);
    }

    @Bean
    RepeatDetection repeatDetection(@Value("${intake.repeat-window}") Duration window) {
        return new RepeatDetection(window);
    }
}
