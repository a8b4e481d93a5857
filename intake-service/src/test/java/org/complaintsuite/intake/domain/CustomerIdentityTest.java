package org.complaintsuite.intake.domain;

import org.complaintsuite.events.Customer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerIdentityTest {

    private final CustomerIdentity identity = new CustomerIdentity("CN");

    @Test
    void everyUsualNotationOfOneNumberIsTheSameE164Number() {
        assertThat(identity.e164("+86 138 0013 8000")).contains("+8613800138000");
        assertThat(identity.e164("138-0013-8000")).contains("+8613800138000");
        assertThat(identity.e164("(0086) 13800138000")).contains("+8613800138000");
        assertThat(identity.e164("+44 20 7946 0958")).contains("+442079460958");
    }

    @Test
    void whatIsNotAPhoneNumberIsRecognised() {
        assertThat(identity.e164("12345")).isEmpty();
        assertThat(identity.e164("call me")).isEmpty();
        assertThat(identity.e164("+86 138 0013 8000 1234 5678 9999 0000 11111")).isEmpty();
        assertThat(identity.e164("")).isEmpty();
    }

    @Test
    void theSameCustomerIsKnownByTheSameKeysOnEveryChannel() {
        Customer byPhone = identity.normalise(new Customer(" c-1 ", "Li Wei", "138 0013 8000", null));
        Customer byMail = identity.normalise(new Customer(null, null, null, " Li.Wei@Example.ORG "));
        assertThat(byPhone).isEqualTo(new Customer("c-1", "Li Wei", "+8613800138000", null));
        assertThat(CustomerIdentity.keys(byPhone)).containsExactly("id:c-1", "phone:+8613800138000");
        assertThat(CustomerIdentity.keys(byMail)).containsExactly("email:li.wei@example.org");
    }

    @Test
    void anUnknownDefaultRegionStopsTheStartUp() {
        assertThatThrownBy(() -> new CustomerIdentity("XX")).hasMessageContaining("unknown phone region XX");
    }
}
