package org.minyi.collect.crawl;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an element as a reader sees it: {@code <br>} and block ends become line breaks (Jsoup's
 * {@code text()} would run a whole letter into one line), runs of spaces collapse, blank lines are dropped.
 */
final class ReadableText {

    private ReadableText() {
    }

    static String of(Element element) {
        StringBuilder out = new StringBuilder();
        element.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element e && e.nameIs("br")) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock() && depth > 0) {
                    out.append('\n');
                }
            }
        });
        StringBuilder tidy = new StringBuilder();
        for (String line : out.toString().split("\n")) {
            String clean = line.replace('\u00a0', ' ').replace('\u3000', ' ').replaceAll("[ \\t]+", " ").strip();
            if (!clean.isEmpty()) {
                if (!tidy.isEmpty()) {
                    tidy.append('\n');
                }
                tidy.append(clean);
            }
        }
        return tidy.toString();
    }
}
