package org.complaintsuite.intake.api;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportFormatsTest {

    @Test
    void ndjsonLinesAreNumberedAndAnUnreadableLineCarriesItsReason() {
        List<ImportFormats.Line> lines = ImportFormats.ndjson("""
                {"channel":"web","externalId":"w-1","description":"leak","customer":{"id":"c-1"}}

                {"channel": "web",
                ["not", "an", "object"]
                """);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).number()).isEqualTo(1);
        assertThat(lines.get(0).request().externalId()).isEqualTo("w-1");
        assertThat(lines.get(1).number()).isEqualTo(3);
        assertThat(lines.get(1).problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).startsWith("is not a valid submission"));
        assertThat(lines.get(2).problems()).isNotEmpty();
    }

    @Test
    void csvFieldsMayHoldQuotedCommasQuotesAndLineBreaks() {
        List<ImportFormats.Line> lines = ImportFormats.csv("""
                channel,externalId,phone,subjectType,subjectCode,description
                letter,L-1,138 0013 8000,PRODUCT,SKU-42,"Leaks, ""badly""
                second line"
                letter,L-2,,,,too few
                """);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).request().description()).isEqualTo("Leaks, \"badly\"\nsecond line");
        assertThat(lines.get(0).request().customer().phone()).isEqualTo("138 0013 8000");
        assertThat(lines.get(0).request().subject().code()).isEqualTo("SKU-42");
        assertThat(lines.get(1).request().subject()).isNull();
        assertThat(lines.get(1).request().customer().phone()).isNull();
    }

    @Test
    void anUnknownColumnOrAShortRecordIsReported() {
        assertThat(ImportFormats.csv("channel,colour\nweb,red\n").get(0).problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).startsWith("unknown column colour"));
        assertThat(ImportFormats.csv("channel,description\nweb\n").get(0).problems()).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("has 1 fields, the header 2"));
    }
}
