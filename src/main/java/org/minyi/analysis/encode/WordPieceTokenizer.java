package org.minyi.analysis.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * BERT's tokenizer for Chinese models (BertNormalizer + BertPreTokenizer + WordPiece), in plain Java. The reference
 * is the Hugging Face tokenizer of the model's own {@code tokenizer.json}; {@code WordPieceTokenizerTest} holds this
 * class to it on real messages.
 *
 * <p>Unlike the published {@code tokenizer.json} of the ONNX conversion, Latin letters are lower-cased, as the
 * original BGE model was trained ({@code do_lower_case}): its vocabulary holds {@code a3} and {@code etc}, not
 * {@code A3} or {@code ETC}, so without lower-casing every "A3区" of a message became an unknown token.
 *
 * <p>Thread-safe and allocation-light: one instance serves every thread.
 */
public final class WordPieceTokenizer {

    public static final int PAD = 0;
    private static final int MAX_WORD_CHARS = 100;

    private final Map<String, Integer> vocabulary;
    private final int unknown;
    private final int cls;
    private final int sep;

    private WordPieceTokenizer(Map<String, Integer> vocabulary) {
        this.vocabulary = vocabulary;
        this.unknown = required(vocabulary, "[UNK]");
        this.cls = required(vocabulary, "[CLS]");
        this.sep = required(vocabulary, "[SEP]");
    }

    /** Reads the vocabulary of a Hugging Face {@code tokenizer.json} with a WordPiece model. */
    public static WordPieceTokenizer fromTokenizerJson(InputStream json) throws IOException {
        JsonNode model = new ObjectMapper().readTree(json).path("model");
        if (!"WordPiece".equals(model.path("type").asText())) {
            throw new IOException("not a WordPiece tokenizer.json (model.type is '" + model.path("type").asText()
                    + "')");
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        model.path("vocab").properties().forEach(e -> vocabulary.put(e.getKey(), e.getValue().asInt()));
        if (vocabulary.isEmpty()) {
            throw new IOException("tokenizer.json has no vocabulary");
        }
        return new WordPieceTokenizer(Map.copyOf(vocabulary));
    }

    private static int required(Map<String, Integer> vocabulary, String token) {
        Integer id = vocabulary.get(token);
        if (id == null) {
            throw new IllegalArgumentException("vocabulary lacks " + token);
        }
        return id;
    }

    /**
     * Token ids of {@code [CLS] text [SEP]}, the text cut so that the whole is at most {@code maxTokens} long.
     *
     * @param maxTokens at least 3
     */
    public int[] encode(String text, int maxTokens) {
        if (maxTokens < 3) {
            throw new IllegalArgumentException("maxTokens must be >= 3, was " + maxTokens);
        }
        IdSink ids = new IdSink(maxTokens - 1);
        ids.add(cls);
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < text.length() && !ids.full()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                continue; // clean_text drops them
            }
            if (isWhitespace(cp)) {
                wordPiece(word, ids);
            } else if (isChinese(cp) || isPunctuation(cp)) {
                wordPiece(word, ids);
                word.appendCodePoint(cp);
                wordPiece(word, ids);
            } else {
                appendNormalised(word, cp);
            }
        }
        wordPiece(word, ids);
        return ids.close(sep);
    }

    /** Lower case and accents stripped, as BertNormalizer does when lower-casing. */
    private static void appendNormalised(StringBuilder word, int cp) {
        if (cp < 0x80) {
            word.append((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
            return;
        }
        String lower = new String(Character.toChars(Character.toLowerCase(cp)));
        String decomposed = java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD);
        for (int j = 0; j < decomposed.length(); j++) {
            char c = decomposed.charAt(j);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                word.append(c);
            }
        }
    }

    /** Greedy longest-match-first WordPiece of one pre-token; the whole word is [UNK] when a piece is missing. */
    private void wordPiece(StringBuilder word, IdSink ids) {
        if (word.isEmpty()) {
            return;
        }
        String w = word.toString();
        word.setLength(0);
        if (w.codePointCount(0, w.length()) > MAX_WORD_CHARS) {
            ids.add(unknown);
            return;
        }
        int mark = ids.size();
        int start = 0;
        while (start < w.length()) {
            int end = w.length();
            Integer found = null;
            while (start < end) {
                String piece = start == 0 ? w.substring(start, end) : "##" + w.substring(start, end);
                found = vocabulary.get(piece);
                if (found != null) {
                    break;
                }
                end = w.offsetByCodePoints(end, -1);
            }
            if (found == null) {
                ids.truncate(mark);
                ids.add(unknown);
                return;
            }
            ids.add(found);
            start = end;
        }
    }

    private static boolean isWhitespace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || Character.getType(cp) == Character.SPACE_SEPARATOR;
    }

    private static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }

    private static boolean isPunctuation(int cp) {
        if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    /** The CJK blocks BERT splits into single characters. */
    private static boolean isChinese(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F)
                || (cp >= 0x2B820 && cp <= 0x2CEAF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    /** Ids collected up to a capacity; later ids are ignored once full. */
    private static final class IdSink {
        private final int[] ids;
        private int size;

        IdSink(int capacity) {
            ids = new int[capacity + 1];
        }

        void add(int id) {
            if (size < ids.length - 1) {
                ids[size++] = id;
            }
        }

        boolean full() {
            return size >= ids.length - 1;
        }

        int size() {
            return size;
        }

        void truncate(int newSize) {
            size = newSize;
        }

        int[] close(int sep) {
            ids[size++] = sep;
            return java.util.Arrays.copyOf(ids, size);
        }
    }
}
