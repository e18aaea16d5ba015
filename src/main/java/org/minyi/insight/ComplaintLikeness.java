package org.minyi.insight;

import java.util.List;
import java.util.function.Function;
import org.minyi.index.IndexedMessage;
import org.minyi.index.MessageIndex;

/**
 * Whether two messages complain of the same kind of thing, the check every issue link needs besides shared places,
 * title names or keywords. It replaced "same predicted topic": the classifier may file two messages about one
 * construction site under different topics, and an issue must not split on that. With sentence vectors in the index
 * (encoder on) it compares their meaning; without them, {@link #LEXICAL} leaves it to the keyword evidence.
 */
interface ComplaintLikeness {

    /** No evidence beyond the lexical links themselves (encoder off, or vectors missing). */
    ComplaintLikeness LEXICAL = (i, j) -> true;

    /** @param i index of one message in the list being grouped; @param j of the other */
    boolean alike(int i, int j);

    /** A likeness for one list of messages. */
    interface Source {
        ComplaintLikeness over(List<IndexedMessage> messages);

        Source LEXICAL = messages -> ComplaintLikeness.LEXICAL;

        /**
         * Cosine of the stored sentence vectors at least {@code minCosine}; a message without a vector is alike
         * to every other (its links then rest on the lexical evidence alone).
         */
        static Source vectors(MessageIndex index, double minCosine) {
            return messages -> new VectorLikeness(messages, m -> index.vector(m.id()).orElse(null), minCosine);
        }

        /** As {@link #vectors(MessageIndex, double)} with vectors from a function (for tests and offline use). */
        static Source vectors(Function<IndexedMessage, float[]> vectorOf, double minCosine) {
            return messages -> new VectorLikeness(messages, vectorOf, minCosine);
        }
    }
}
