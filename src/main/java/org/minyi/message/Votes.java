package org.minyi.message;

/** Public reactions to a message on a board: likes (点赞数) and against (反对数). */
public record Votes(int likes, int against) {

    public Votes {
        if (likes < 0 || against < 0) {
            throw new IllegalArgumentException("votes cannot be negative: likes=" + likes + ", against=" + against);
        }
    }

    public int total() {
        return likes + against;
    }
}
