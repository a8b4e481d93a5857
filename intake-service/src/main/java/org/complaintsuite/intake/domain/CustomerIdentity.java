package org.complaintsuite.intake.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.complaintsuite.events.Customer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One customer recognised across channels: phone numbers in E.164 (numbers without a country code are
 * read in the intake's default region), e-mail addresses case-folded, customer ids trimmed. A contact is
 * the same customer as an earlier one when any of these keys is shared.
 */
public final class CustomerIdentity {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    public CustomerIdentity(String defaultRegion) {
        if (!PHONES.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("unknown phone region " + defaultRegion
                    + " (an ISO 3166 country code such as CN, GB, US)");
        }
        this.defaultRegion = defaultRegion;
    }

    /** The number in E.164, or empty when it is not a valid phone number. */
    public Optional<String> e164(String phone) {
        if (phone == null || phone.isBlank() || phone.length() > 40) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONES.parse(phone, defaultRegion);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The customer with its phone in E.164 and its e-mail case-folded; call after validation. */
    public Customer normalise(Customer customer) {
        return new Customer(trimmed(customer.id()), trimmed(customer.name()),
                customer.phone() == null || customer.phone().isBlank() ? null : e164(customer.phone()).orElseThrow(),
                email(customer.email()));
    }

    /** The keys under which a normalised customer is known: {@code id:…}, {@code phone:…}, {@code email:…}. */
    public static List<String> keys(Customer customer) {
        List<String> keys = new ArrayList<>();
        if (customer.id() != null) {
            keys.add("id:" + customer.id());
        }
        if (customer.phone() != null) {
            keys.add("phone:" + customer.phone());
        }
        if (customer.email() != null) {
            keys.add("email:" + customer.email());
        }
        return keys;
    }

    private static String email(String email) {
        return email == null || email.isBlank() ? null
                : Normalizer.normalize(email.trim(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
