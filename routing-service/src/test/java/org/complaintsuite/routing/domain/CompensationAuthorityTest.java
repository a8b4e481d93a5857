package org.complaintsuite.routing.domain;

import org.complaintsuite.events.Compensation;
import org.complaintsuite.events.EscalationLevel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompensationAuthorityTest {

    private static final CompensationAuthority SHIPPED = new CompensationAuthority("cny", Map.of(
            EscalationLevel.AGENT, new BigDecimal("200"), EscalationLevel.SUPERVISOR, new BigDecimal("2000"),
            EscalationLevel.MANAGER, new BigDecimal("20000")));

    private static Compensation cny(String amount) {
        return new Compensation(new BigDecimal(amount), "CNY");
    }

    @Test
    void eachAmountNeedsTheLowestLevelWhoseLimitCoversIt() {
        assertThat(SHIPPED.levelFor(cny("200.00"))).isEqualTo(EscalationLevel.AGENT);
        assertThat(SHIPPED.levelFor(cny("200.01"))).isEqualTo(EscalationLevel.SUPERVISOR);
        assertThat(SHIPPED.levelFor(cny("20000"))).isEqualTo(EscalationLevel.MANAGER);
        assertThat(SHIPPED.levelFor(cny("20000.01"))).isEqualTo(EscalationLevel.LEADERSHIP);
        assertThat(SHIPPED.levelFor(new Compensation(BigDecimal.ONE, "EUR"))).as("another currency")
                .isEqualTo(EscalationLevel.LEADERSHIP);
        assertThat(SHIPPED.mayGrant(EscalationLevel.DISCIPLINE_UNIT, cny("1000000"))).isTrue();
        assertThat(CompensationAuthority.UNLIMITED.levelFor(cny("1000000"))).isEqualTo(EscalationLevel.AGENT);
    }

    @Test
    void limitsWithAGapOrFallingUpTheLadderOrWithoutACurrencyAreRefusedAllAtOnce() {
        assertThatThrownBy(() -> new CompensationAuthority(null, Map.of(EscalationLevel.SUPERVISOR,
                new BigDecimal("500"), EscalationLevel.MANAGER, new BigDecimal("100"))))
                .hasMessageContaining("compensationAuthority.currency must be an ISO 4217 code")
                .hasMessageContaining("compensationAuthority.limits.SUPERVISOR: the levels below it need a limit too")
                .hasMessageContaining("compensationAuthority.limits.MANAGER: less than the level below it may grant");
    }
}
