package io.newsline.nlp.geo;

/** Where a body's dateline ("KYIV, Ukraine (AP) —", "KHARKIV —") ends, for readers outside the geocoder. */
public final class Datelines {

    /** The end of the dateline at the start of {@code text}, or -1 when it has none. */
    public static int end(String text) {
        return text == null ? -1 : MentionCues.datelineEnd(text);
    }

    private Datelines() {}
}
