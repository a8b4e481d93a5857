package org.complaintsuite.events;

/**
 * Where a complaint's kind and category came from: the channel ({@code CHANNEL}), a rule of the
 * classification file ({@code RULE}, with the rule's id and the phrase it matched), or nothing matched
 * ({@code DEFAULT}: a complaint of category OTHER).
 */
public record Classification(Source source, String rule, String matched) {

    public enum Source { CHANNEL, RULE, DEFAULT }

    public static Classification fromChannel() {
        return new Classification(Source.CHANNEL, null, null);
    }
}
