package io.statusnotify.cli;

/** Counted words that read right for one and for many: "1 record", "2 records", never "record(s)". */
final class Words {
    private Words() {
    }

    /** {@code n} and the noun, with an {@code s} for any count but one: {@code count(2, "dead letter")} is "2 dead letters". */
    static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    /** {@code n} and the noun, for nouns whose plural is not an added {@code s}. */
    static String count(long n, String singular, String plural) {
        return n + " " + oneOrMany(n, singular, plural);
    }

    /** The word that agrees with {@code n}, without the number: a verb ("is"/"are") or a pronoun ("it"/"them"). */
    static String oneOrMany(long n, String one, String many) {
        return n == 1 ? one : many;
    }
}
