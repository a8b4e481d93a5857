package org.complaintsuite.intake.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.RequestKind;
import org.complaintsuite.events.Subject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What makes two contacts of one customer the same problem, so the later one is linked to the earlier
 * instead of opening a case: the same request kind (a complaint is never linked to a consultation or a
 * query) about the same subject, compared without case, width or spacing. Without a subject the category
 * alone would merge different problems (two billing errors a month apart), so only the same category with
 * the same wording matches — a customer sending one text through two channels.
 */
public record ProblemKey(String value) {

    public static ProblemKey of(RequestKind kind, Subject subject, Category category, String description) {
        String what = subject != null
                ? "SUBJECT:" + fold(subject.type()) + ":" + fold(subject.code())
                : "CATEGORY:" + category.name() + ":" + fingerprint(fold(description));
        return new ProblemKey(kind.name() + "|" + what);
    }

    private static String fold(String value) {
        return value == null ? ""
                : Normalizer.normalize(value, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT)
                        .replaceAll("[\\p{Z}\\s\\p{P}]+", "");
    }

    /** A short fixed-length stand-in for a text, so keys stay small whatever the description's length. */
    private static String fingerprint(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
