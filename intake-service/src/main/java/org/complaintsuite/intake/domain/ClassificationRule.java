package org.complaintsuite.intake.domain;

import org.complaintsuite.events.Category;
import org.complaintsuite.events.RequestKind;

import java.util.List;

/** A complaint whose description contains one of {@code phrases} (any language) is of this kind and category. */
public record ClassificationRule(String id, List<String> phrases, RequestKind kind, Category category) {
}
