package org.minyi.index;

/** Order of search hits. */
public enum SearchOrder {
    /** Best text match first; newest first when there is no text. */
    RELEVANCE,
    NEWEST,
    OLDEST,
    /** Most negative first. */
    MOST_NEGATIVE,
    /** Most liked (点赞数) first: the votes against a message say nothing for it. */
    MOST_VOTES
}
