package org.complaintsuite.events;

/** Where a complaint came in. */
public enum Channel { PHONE, WEB, APP, SMS, EMAIL, LETTER, VISIT, SOCIAL, PARTNER }
