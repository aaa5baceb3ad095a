package jipan.core.facts;

/**
 * A fact a rule inserts together with what explains it ({@link Because}: the values of the sentences the rule
 * writes beside itself, or a sentence written out). The engine records it, with the name of the rule that inserted
 * the fact, among the answer's reasons.
 */
public interface Explained {
    Because getBecause();
}
