package org.complaintsuite.sla.config;

import org.complaintsuite.events.Area;
import org.complaintsuite.events.Category;
import org.complaintsuite.events.Channel;
import org.complaintsuite.events.ClockSubject;
import org.complaintsuite.events.Priority;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.SlaTarget;
import org.complaintsuite.sla.domain.ClockTerms;
import org.complaintsuite.sla.domain.SlaCatalogue;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaCatalogueFileTest {

    private static final ClockSubject COMPLAINT = new ClockSubject(RequestKind.COMPLAINT, Category.PRODUCT_QUALITY,
            Priority.NORMAL, Channel.PHONE, "quality");

    static SlaCatalogue shipped() throws Exception {
        try (Reader r = new InputStreamReader(SlaCatalogueFileTest.class.getResourceAsStream("/sla-policies.yml"),
                StandardCharsets.UTF_8)) {
            return SlaCatalogueFile.parse("sla-policies.yml", r, Path.of("."));
        }
    }

    @Test
    void theShippedPoliciesCarryTheDomainDefaults() throws Exception {
        SlaCatalogue catalogue = shipped();
        Instant tenAm = Instant.parse("2026-11-23T02:00:00Z"); // Monday 10:00 in Shanghai
        assertThat(catalogue.termsFor(SlaTarget.RESOLUTION, COMPLAINT, tenAm)).get()
                .extracting(ClockTerms::allowed).isEqualTo(Duration.ofDays(3));
        assertThat(catalogue.termsFor(SlaTarget.TRANSFER, COMPLAINT, tenAm)).get()
                .extracting(ClockTerms::allowed).isEqualTo(Duration.ofHours(12));
        assertThat(catalogue.warnAt()).containsExactly(0.5, 0.8);
        // a follow-up is due when its plan says; the policy names the calendar its time is counted on
        ClockTerms followUp = catalogue.termsFor(SlaTarget.FOLLOW_UP, COMPLAINT, tenAm).orElseThrow();
        assertThat(followUp.allowed()).isNull();
        Instant friday = Instant.parse("2026-11-20T02:00:00Z");
        Instant endOfNextFriday = Instant.parse("2026-11-27T15:59:59Z");
        ClockTerms scheduled = followUp.dueBy(friday, endOfNextFriday);
        assertThat(scheduled.allowed()).as("working time from Friday 10:00 to the end of the next Friday: "
                + "14 h that Friday and 5 whole working days but a second")
                .isEqualTo(Duration.ofHours(14 + 5 * 24).minusSeconds(1));
        assertThat(scheduled.dueAt(friday)).isEqualTo(endOfNextFriday);
    }

    @Test
    void aFollowUpTargetTakesNoDurationOfItsOwn() {
        assertThatThrownBy(() -> SlaCatalogueFile.parse("test.yml", """
                policies:
                  - id: default
                    version: "1"
                    targets:
                      FOLLOW_UP: {duration: PT120H}
                """))
                .hasMessageContaining("line 5")
                .hasMessageContaining("FOLLOW_UP is due when the follow-up plan says");
    }

    @Test
    void fieldArrivalDependsOnTheTimeOfDay() throws Exception {
        SlaCatalogue catalogue = shipped();
        assertThat(allowed(catalogue, "2026-11-23T02:00:00Z")).isEqualTo(Duration.ofMinutes(20)); // 10:00
        assertThat(allowed(catalogue, "2026-11-23T14:30:00Z")).isEqualTo(Duration.ofMinutes(30)); // 22:30
        assertThat(allowed(catalogue, "2026-11-22T19:00:00Z")).isEqualTo(Duration.ofHours(8));    // 03:00
        // in a rural area 48 h, whatever the hour
        assertThat(catalogue.termsFor(SlaTarget.ON_SITE_ARRIVAL, COMPLAINT.inArea(Area.RURAL),
                Instant.parse("2026-11-23T02:00:00Z")).orElseThrow())
                .extracting(ClockTerms::policyId, ClockTerms::allowed).containsExactly("rural-field-visits",
                        Duration.ofHours(48));
        assertThat(catalogue.termsFor(SlaTarget.ON_SITE_ARRIVAL, COMPLAINT.inArea(Area.TOWN),
                Instant.parse("2026-11-23T02:00:00Z")).orElseThrow().allowed()).isEqualTo(Duration.ofMinutes(20));
        // an area does not pick the rural policy for other targets
        assertThat(catalogue.termsFor(SlaTarget.RESOLUTION, COMPLAINT.inArea(Area.RURAL),
                Instant.parse("2026-11-23T02:00:00Z")).orElseThrow().policyId()).isEqualTo("default");
    }


    private static Duration allowed(SlaCatalogue catalogue, String at) {
        return catalogue.termsFor(SlaTarget.ON_SITE_ARRIVAL, COMPLAINT, Instant.parse(at)).orElseThrow().allowed();
    }

    @Test
    void theMostSpecificPolicyWins() throws Exception {
        ClockSubject urgent = new ClockSubject(RequestKind.COMPLAINT, Category.INCIDENT, Priority.URGENT,
                Channel.APP, "service");
        ClockTerms terms = shipped().termsFor(SlaTarget.RESOLUTION, urgent, Instant.now()).orElseThrow();
        assertThat(terms.policyId()).isEqualTo("urgent");
        assertThat(terms.allowed()).isEqualTo(Duration.ofHours(24));
        // a target the specific policy does not set comes from the general one
        assertThat(shipped().termsFor(SlaTarget.FOLLOW_UP, urgent, Instant.now()).orElseThrow().policyId())
                .isEqualTo("default");
    }

    @Test
    void consultationsHaveNoResolutionClock() throws Exception {
        ClockSubject consultation = new ClockSubject(RequestKind.CONSULTATION, Category.OTHER, Priority.NORMAL,
                Channel.WEB, "hotline");
        assertThat(shipped().termsFor(SlaTarget.RESOLUTION, consultation, Instant.now())).isEmpty();
    }

    @Test
    void anInvalidFileIsRejectedWithEveryLineAndReason() {
        String yaml = """
                zone: Asia/Shanghai
                warnAt: [0.5, 1.5]
                calendars:
                  office:
                    hours:
                      MONDAY: ["08:30-12:00"]
                      FUNDAY: ["08:30-12:00"]
                policies:
                  - id: default
                    version: "1"
                    targets:
                      RESOLUTION: {duration: P3X}
                      TRANSFER: {duration: PT12H, calendar: night-shift}
                  - id: default
                    version: "2"
                    colour: blue
                    targets:
                      ON_SITE_ARRIVAL:
                        bands:
                          - {hours: "08:00-21:00", duration: PT20M}
                """;
        assertThatThrownBy(() -> SlaCatalogueFile.parse("broken.yml", yaml))
                .isInstanceOf(SlaCatalogueFile.InvalidPolicyFile.class)
                .hasMessageContaining("line 2: warning fractions lie strictly between 0 and 1")
                .hasMessageContaining("line 7: 'FUNDAY' is not a weekday")
                .hasMessageContaining("line 12: 'P3X' is not an ISO-8601 duration")
                .hasMessageContaining("line 13: unknown calendar night-shift")
                .hasMessageContaining("line 16: unknown key 'colour'")
                .hasMessageContaining("line 20: time-of-day bands must cover the whole day")
                .hasMessageContaining("policy id default is used twice");
    }

    @Test
    void holidaysCanComeFromAnICalendarFile() throws Exception {
        Path dir = Files.createTempDirectory("sla");
        Files.writeString(dir.resolve("holidays.ics"), """
                BEGIN:VCALENDAR
                BEGIN:VEVENT
                SUMMARY:National Day
                DTSTART;VALUE=DATE:20261001
                DTEND;VALUE=DATE:20261004
                END:VEVENT
                END:VCALENDAR
                """);
        String yaml = """
                calendars:
                  office:
                    hours: {MONDAY: ["09:00-17:00"], THURSDAY: ["09:00-17:00"], FRIDAY: ["09:00-17:00"]}
                    holidaysFile: holidays.ics
                policies:
                  - id: p
                    version: "1"
                    targets: {RESOLUTION: {duration: PT8H, calendar: office}}
                """;
        SlaCatalogue catalogue = SlaCatalogueFile.parse("p.yml", new java.io.StringReader(yaml), dir);
        assertThat(catalogue.calendars().get("office").holidays())
                .containsExactlyInAnyOrder(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
                        LocalDate.of(2026, 10, 3));
    }
}
