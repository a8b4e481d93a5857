package org.complaintsuite.events;

/** What the complaint is about: a product code, barcode, shop, staff id... */
public record Subject(String type, String code) {
}
