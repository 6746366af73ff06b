package io.newsline.contracts.text;

import java.text.Normalizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The one normalisation of article text, applied by ingest before publishing and by
 * {@code POST /api/enrich} before enriching, so entity offsets always index the same string.
 * Plain text stays as given (markup is literal text); only HTML input is converted.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    /** Unicode NFC, {@code \r\n} and lone {@code \r} to {@code \n}, control characters other than line breaks and tabs removed. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < nfc.length() && nfc.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t' || !isControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isControl(char c) {
        return Character.getType(c) == Character.CONTROL;
    }

    /**
     * Turns an HTML fragment or page into plain text: tags dropped, entities decoded, block elements
     * (paragraphs, headings, list items, line breaks) kept as line breaks, then {@link #normalize}d.
     * Scripts and styles are dropped with their content.
     */
    public static String htmlToText(String html) {
        if (html == null) {
            return null;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("script, style, noscript, template").remove();
        StringBuilder out = new StringBuilder(html.length());
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    out.append(text.getWholeText().replaceAll("\\s+", " "));
                } else if (node instanceof Element el && el.nameIs("br")) {
                    out.append('\n');
                } else if (node instanceof Element el && el.isBlock()) {
                    paragraphBreak(out);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el && el.isBlock() && !el.nameIs("br")) {
                    paragraphBreak(out);
                }
            }
        }, doc.body());
        return normalize(tidy(out.toString()));
    }

    private static void paragraphBreak(StringBuilder out) {
        if (out.length() > 0) {
            out.append("\n\n");
        }
    }

    /** Trims each line and folds runs of blank lines into one paragraph break. */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blank = 0;
        for (String line : text.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty()) {
                blank++;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank > 0 ? "\n\n" : "\n");
            }
            out.append(t);
            blank = 0;
        }
        return out.toString();
    }
}
