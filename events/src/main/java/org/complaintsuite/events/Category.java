package org.complaintsuite.events;

/** Default complaint taxonomy (DOMAIN.md §1). */
public enum Category {
    PRODUCT_QUALITY, SERVICE_ATTITUDE, PRICE_BILLING, AFTER_SALES, INCIDENT,
    PROCESS_SYSTEM, STAFF_COMPETENCE, CUSTOMER_MISUSE, UNREASONABLE, OTHER
}
