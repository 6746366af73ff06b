package io.newsline.contracts.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void composesToNfcAndUnifiesLineBreaks() {
        assertEquals("Kyiv\u00e9\nsecond\nthird", TextNormalizer.normalize("Kyive\u0301\r\nsecond\rthird"));
    }

    @Test
    void dropsControlCharactersButKeepsTabsAndLineBreaks() {
        assertEquals("a\tb\nc", TextNormalizer.normalize("a\u0000\tb\u0007\nc\u001b"));
    }

    @Test
    void keepsMarkupInPlainTextAsLiteralCharacters() {
        String title = "<img src=x onerror=alert(1)>";
        assertEquals(title, TextNormalizer.normalize(title));
    }

    @Test
    void htmlBecomesPlainTextWithParagraphs() {
        String html = "<p>Shelling hit <b>Kharkiv</b> &amp; Izium.</p><script>alert(1)</script><p>Two&nbsp;killed.<br>More later</p>";
        assertEquals("Shelling hit Kharkiv & Izium.\n\nTwo\u00a0killed.\nMore later", TextNormalizer.htmlToText(html));
    }
}
