package org.minyi.index;

/**
 * How a text match is scored, the same in every adapter so that both rank alike: a word counts most in the title,
 * then among the keywords, places and departments (the mentions), then in the text; the query's words appearing
 * together — at most {@link #PHRASE_SLOP} words apart — lift a message further, in the title most.
 */
public final class Relevance {

    public static final float TITLE_BOOST = 3f;
    public static final float MENTIONS_BOOST = 2f;
    public static final float TEXT_PHRASE_BOOST = 2f;
    public static final float TITLE_PHRASE_BOOST = 4f;
    public static final int PHRASE_SLOP = 2;

    private Relevance() {
    }
}
