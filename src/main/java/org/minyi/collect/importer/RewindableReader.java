package org.minyi.collect.importer;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader that keeps what it handed out since a position the caller names, so the caller can go back there and
 * read it again: after a CSV parser gave up on a broken record, a fresh parser starts at the line after the record's
 * first line, over text the first parser already consumed. Positions count characters from the start of the input.
 *
 * <p>What is kept is bounded by the caller: it calls {@link #forgetBefore} as records are done, and the reader
 * underneath limits how far a parser can read ahead of the record it is in.
 */
final class RewindableReader extends Reader {

    private final Reader in;
    /** {@code buffer[head, tail)} holds the characters from {@link #keptFrom} to the furthest position read. */
    private char[] buffer = new char[1 << 16];
    private int head;
    private int tail;
    private long keptFrom;
    private long position;

    RewindableReader(Reader in) {
        this.in = in;
    }

    /** The position of the next character handed out. */
    long position() {
        return position;
    }

    /** Allows the characters before {@code from} to be dropped; {@link #rewind} never goes back before it. */
    void forgetBefore(long from) {
        long drop = Math.min(from, position) - keptFrom;
        if (drop > 0) {
            head += (int) drop;
            keptFrom += drop;
        }
    }

    /** The next read hands out the character at {@code to} again. */
    void rewind(long to) {
        if (to < keptFrom || to > keptEnd()) {
            throw new IllegalStateException("cannot go back to " + to + "; kept " + keptFrom + ".." + keptEnd());
        }
        position = to;
    }

    /**
     * Where the line after the one at {@code from} starts: after the first CR, LF or CR LF at or after {@code from},
     * reading on when needed; -1 when the input ends first. What it reads past is not kept (a line may be
     * gigabytes long), so the caller then {@link #rewind rewinds} to the position returned or a later one.
     */
    long lineAfter(long from) throws IOException {
        long at = from;
        while (true) {
            if (at >= keptEnd()) {
                discardBefore(at);
                if (!readMore()) {
                    return -1;
                }
            }
            char c = charAt(at++);
            if (c == '\n') {
                return at;
            }
            if (c == '\r') {
                if (at >= keptEnd()) {
                    discardBefore(at);
                    if (!readMore()) {
                        return at;
                    }
                }
                return charAt(at) == '\n' ? at + 1 : at;
            }
        }
    }

    /**
     * Where line {@code line} starts, counting lines as a CSV parser does (CR, LF and CR LF each end one), given
     * that line {@code anchorLine} starts at {@code anchor}; -1 when the input ends first. Like
     * {@link #lineAfter}, it does not keep what it reads past.
     */
    long lineStart(long anchor, long anchorLine, long line) throws IOException {
        long at = anchor;
        for (long l = anchorLine; l < line && at >= 0; l++) {
            at = lineAfter(at);
        }
        return at;
    }

    @Override
    public int read(char[] out, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= keptEnd() && !readMore()) {
            return -1;
        }
        int n = (int) Math.min(length, keptEnd() - position);
        System.arraycopy(buffer, index(position), out, offset, n);
        position += n;
        return n;
    }

    private void discardBefore(long at) {
        forgetBefore(at);
        if (at > keptFrom) {
            position = Math.max(position, at);
            forgetBefore(at);
        }
    }

    private long keptEnd() {
        return keptFrom + (tail - head);
    }

    private char charAt(long at) {
        return buffer[index(at)];
    }

    private int index(long at) {
        return head + (int) (at - keptFrom);
    }

    private boolean readMore() throws IOException {
        if (buffer.length - tail < 8192) {
            if (head >= buffer.length / 2) {
                System.arraycopy(buffer, head, buffer, 0, tail - head); // drop what was forgotten
            } else {
                char[] bigger = new char[buffer.length * 2];
                System.arraycopy(buffer, head, bigger, 0, tail - head);
                buffer = bigger;
            }
            tail -= head;
            head = 0;
        }
        int n = in.read(buffer, tail, buffer.length - tail);
        if (n < 0) {
            return false;
        }
        tail += n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
