package io.newsline.timeline.api;

import io.newsline.contracts.model.EventLocation;
import io.newsline.contracts.model.EventSource;
import io.newsline.contracts.model.TimelineEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Events as an RFC 4287 Atom feed, for feed readers and chat integrations: one entry per event, its id stable
 * across revisions ({@code urn:newsline:event:<id>}) so a reader updates the entry it has, {@code updated} the
 * event's last change, a link to the event and to each source's article.
 */
final class AtomWriter implements EventWriter {

    static final String MEDIA_TYPE = "application/atom+xml";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    private final XMLStreamWriter xml;
    private final OutputStream out;
    private final String feedId;
    private final String title;
    private final String selfUrl;
    private final String eventsUrl;
    private final UnaryOperator<String> pageUrl;

    /**
     * @param feedId    the feed's own permanent id
     * @param selfUrl   where this feed is read from
     * @param eventsUrl the absolute URL of {@code /api/events/}; an entry's link is it plus the event's id
     * @param pageUrl   the URL of the page that starts at a cursor
     */
    AtomWriter(OutputStream out, String feedId, String title, String selfUrl, String eventsUrl,
            UnaryOperator<String> pageUrl) throws IOException {
        try {
            this.xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
        this.out = out;
        this.feedId = feedId;
        this.title = title;
        this.selfUrl = selfUrl;
        this.eventsUrl = eventsUrl;
        this.pageUrl = pageUrl;
    }

    @Override
    public void begin(long sequence) throws IOException {
        try {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(ATOM);
            element("id", feedId);
            element("title", title);
            element("updated", Instant.now().toString());
            xml.writeStartElement("author");
            element("name", "Newsline");
            xml.writeEndElement();
            link("self", selfUrl, MEDIA_TYPE);
            element("generator", "Newsline timeline-service");
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void event(TimelineEvent e) throws IOException {
        try {
            xml.writeStartElement("entry");
            element("id", "urn:newsline:event:" + e.id());
            element("title", e.title() == null ? e.id() : e.title());
            element("updated", e.updatedAt() == null ? Instant.EPOCH.toString() : e.updatedAt());
            if (e.firstSeen() != null) {
                element("published", e.firstSeen());
            }
            link("alternate", eventsUrl + e.id(), "application/json");
            for (EventSource s : e.sources() == null ? List.<EventSource>of() : e.sources()) {
                if (s.url() != null && (s.url().startsWith("http://") || s.url().startsWith("https://"))) {
                    link("related", s.url(), null);
                }
            }
            if (e.type() != null) {
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", e.type().name());
            }
            element("summary", summary(e));
            xml.writeEndElement();
        } catch (XMLStreamException x) {
            throw new IOException(x);
        }
    }

    @Override
    public void end(String nextCursor) throws IOException {
        try {
            if (nextCursor != null) {
                // RFC 5005 paging: where the next page of this feed starts.
                link("next", pageUrl.apply(nextCursor), MEDIA_TYPE);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            out.flush();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** "11 Mar 2025 · Kharkiv, UA · 4 killed, 14 injured · corroborated · 2 sources", as far as known. */
    static String summary(TimelineEvent e) {
        List<String> parts = new ArrayList<>();
        if (e.date() != null) {
            parts.add(e.dateEnd() == null ? e.date() : e.date() + " to " + e.dateEnd());
        }
        EventLocation l = e.location();
        if (l != null && l.name() != null) {
            parts.add(l.countryCode() == null ? l.name() : l.name() + ", " + l.countryCode());
        }
        List<String> figures = new ArrayList<>();
        if (e.killed() != null) {
            figures.add(e.killed() + " killed");
        }
        if (e.injured() != null) {
            figures.add(e.injured() + " injured");
        }
        if (!figures.isEmpty()) {
            parts.add(String.join(", ", figures));
        }
        if (e.status() != null) {
            parts.add(e.status().json());
        }
        parts.add(e.sourceCount() + (e.sourceCount() == 1 ? " source" : " sources"));
        return String.join(" · ", parts);
    }

    private void element(String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    private void link(String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", xmlText(href));
        if (type != null) {
            xml.writeAttribute("type", type);
        }
    }

    /** Drops the characters XML 1.0 cannot carry at all (most control characters, lone surrogates). */
    static String xmlText(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if (!ok && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
