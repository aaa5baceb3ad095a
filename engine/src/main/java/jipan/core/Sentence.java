package jipan.core;

import java.util.List;

/**
 * A rule's sentence in the form that serves every language: the values the rule gave ({@code args}, each written
 * once as text — numbers in plain digits, dates as {@code 2012-09-30}, so both languages show the same figures),
 * to be put into the rule's own sentence in the language a reader asks for ({@link RuleTexts#render}); or, for a
 * sentence a rule wrote out itself, that {@code text}, shown as it is.
 */
public record Sentence(String text, List<String> args) {
    /** The sentence keeps {@code args} (no copy: it is made for every reason of every customer). */
    public Sentence {
        args = args == null ? List.of() : java.util.Collections.unmodifiableList(args);
    }

    public static Sentence text(String text) {
        return new Sentence(text, List.of());
    }
}
