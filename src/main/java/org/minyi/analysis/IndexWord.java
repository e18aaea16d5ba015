package org.minyi.analysis;

/**
 * A word to index in its {@link TextFolding#word folded} form, where it sits in the text ({@code [start, end)}), and
 * whether it is a shorter dictionary word inside the word before it (indexed at the same position, so that 扰民
 * finds 噪音扰民).
 */
public record IndexWord(String text, int start, int end, boolean inner) {
}
