package org.minyi.collect.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Decodes a file's text — UTF-8, or GB18030 when {@link TextEncoding} found the file is in a Chinese Windows
 * encoding — without giving up at the first bad byte: each malformed sequence becomes U+FFFD and is remembered
 * by its character position, so the reader of a file can reject exactly the record that holds it and go on with
 * the next. A Java decoding reader (InputStreamReader) reads ahead, so its error surfaces while an earlier record is
 * read and the line it blames is wrong. A leading byte-order mark is dropped, so it cannot stick to the first cell.
 *
 * <p>A character limit guards memory: {@link #limitAt(long)} makes reads beyond that position fail with
 * {@link TooLong}, so a runaway record (an unclosed quote in a gigabyte file) stops at the limit.
 */
final class DecodingReader extends Reader {

    /** A read went past the limit set with {@link #limitAt(long)}. */
    static final class TooLong extends IOException {
        TooLong(String message) {
            super(message);
        }
    }

    /** One malformed byte sequence: where it stands in the text (chars) and in the file (bytes). */
    record Malformed(long charPosition, long byteOffset, int firstByte, String encoding) {
        String describe() {
            return String.format("invalid %s byte 0x%02X at byte offset %,d", encoding, firstByte, byteOffset);
        }
    }

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final ArrayDeque<Malformed> malformed = new ArrayDeque<>();
    private long bytesBeforeBuffer;
    private long position;
    private long limit = Long.MAX_VALUE;
    private boolean endOfInput;
    private boolean atStart = true;
    private char pending; // the low surrogate of a pair whose high half was returned by the last read

    DecodingReader(InputStream in) {
        this(in, StandardCharsets.UTF_8);
    }

    DecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Characters handed out so far (the position of the next one). */
    long position() {
        return position;
    }

    /** Reads that would hand out the character at {@code charPosition} or later fail with {@link TooLong}. */
    void limitAt(long charPosition) {
        this.limit = charPosition;
    }

    /**
     * The first malformed sequence at a position in {@code [from, to)}, or null; forgets those before {@code from}.
     * Ranges must be asked for in increasing order of {@code from} (records are read in order).
     */
    Malformed malformedIn(long from, long to) {
        while (!malformed.isEmpty() && malformed.peekFirst().charPosition() < from) {
            malformed.pollFirst();
        }
        Malformed first = malformed.peekFirst();
        return first != null && first.charPosition() < to ? first : null;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= limit) {
            throw new TooLong("more than " + limit + " characters");
        }
        int wanted = (int) Math.min(length, limit - position);
        CharBuffer out = CharBuffer.wrap(buffer, offset, wanted);
        if (pending != 0) {
            out.put(pending);
            pending = 0;
        }
        while (out.position() == offset && !(endOfInput && !bytes.hasRemaining())) {
            decodeInto(out, offset);
        }
        int n = out.position() - offset;
        if (n == 0) {
            return -1;
        }
        if (atStart) {
            atStart = false;
            if (buffer[offset] == '\uFEFF') {
                System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                n--;
                if (n == 0) {
                    return read(buffer, offset, length);
                }
            }
        }
        position += n;
        return n;
    }

    private void decodeInto(CharBuffer out, int offset) throws IOException {
        if (!bytes.hasRemaining() || !endOfInput && bytes.remaining() < 4) {
            fill();
        }
        CoderResult result = decoder.decode(bytes, out, endOfInput);
        if (result.isError()) {
            int first = bytes.get(bytes.position()) & 0xff;
            long at = position + out.position() - offset - (atStart && out.position() > offset
                    && out.get(offset) == '\uFEFF' ? 1 : 0);
            malformed.addLast(new Malformed(at, bytesBeforeBuffer + bytes.position(), first, charset.name()));
            bytes.position(bytes.position() + result.length());
            out.put('\uFFFD');
        } else if (result.isOverflow() && out.position() == offset) {
            // Room for one char only and the next is a surrogate pair: decode it aside, hand out half now.
            CharBuffer pair = CharBuffer.allocate(2);
            decoder.decode(bytes, pair, endOfInput);
            pair.flip();
            out.put(pair.get());
            if (pair.hasRemaining()) {
                pending = pair.get();
            }
        } else if (endOfInput && !bytes.hasRemaining()) {
            decoder.flush(out);
        }
    }

    private void fill() throws IOException {
        bytesBeforeBuffer += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
