package org.complaintsuite.intake.config;

import org.complaintsuite.intake.domain.LookupTable.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LookupCodesFileTest {

    @Test
    void aCodesFileGivesOneCodePerLineWithItsVerdictAndDetail(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("codes.csv"), """
                # exported from the product master on 2026-12-01
                6901234567892,GENUINE,kettle K-200, batch 7

                 6909999999994 , COUNTERFEIT
                """);
        assertThat(IntakeConfiguration.codesOf(file)).containsExactly(
                new Code("6901234567892", "GENUINE", "kettle K-200, batch 7"),
                new Code("6909999999994", "COUNTERFEIT", null));
    }

    @Test
    void aCodesFileThatCannotBeReadStopsTheStartUp(@TempDir Path dir) {
        assertThatThrownBy(() -> IntakeConfiguration.codesOf(dir.resolve("missing.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("codes-file").hasMessageContaining("cannot be read");
    }
}
