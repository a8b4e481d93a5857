package org.complaintsuite.intake.domain;

import org.complaintsuite.events.ComplaintId;
import org.complaintsuite.events.LinkedComplaint;
import org.complaintsuite.intake.domain.RepeatDetection.EarlierComplaint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatDetectionTest {

    private static final ComplaintId EARLIER = ComplaintId.of("c-1");
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private final RepeatDetection repeats = new RepeatDetection(Duration.ofDays(30));

    @Test
    void aContactWhileTheEarlierComplaintIsOpenIsAMultiChannelDuplicate() {
        assertThat(repeats.link(new EarlierComplaint(EARLIER, null), NOW))
                .isEqualTo(new LinkedComplaint(EARLIER, LinkedComplaint.Reason.MULTI_CHANNEL_DUPLICATE));
    }

    @Test
    void aContactWithinTheWindowAfterTheResolutionIsARepeatComplaint() {
        assertThat(repeats.link(new EarlierComplaint(EARLIER, NOW.minus(Duration.ofDays(29))), NOW))
                .isEqualTo(new LinkedComplaint(EARLIER, LinkedComplaint.Reason.REPEAT_COMPLAINT));
    }

    @Test
    void afterTheWindowOrWithoutAnEarlierComplaintItIsANewComplaint() {
        assertThat(repeats.link(new EarlierComplaint(EARLIER, NOW.minus(Duration.ofDays(30))), NOW)).isNull();
        assertThat(repeats.link(null, NOW)).isNull();
    }
}
