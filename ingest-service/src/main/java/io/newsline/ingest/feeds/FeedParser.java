package io.newsline.ingest.feeds;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads RSS 2.0 and Atom 1.0 documents with the JDK's StAX parser. DTDs and external entities are
 * refused, so a hostile feed cannot read local files or expand entities without bound.
 */
public final class FeedParser {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

    private final XMLInputFactory factory;

    public FeedParser() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /** Parses a feed; throws {@link FeedFormatException} when it is neither RSS 2.0 nor Atom, or not XML. */
    public ParsedFeed parse(byte[] document) {
        try {
            XMLStreamReader r = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            try {
                r.nextTag();
                String root = r.getLocalName();
                if ("rss".equals(root)) {
                    return rss(r);
                }
                if ("feed".equals(root) && ATOM.equals(r.getNamespaceURI())) {
                    return atom(r);
                }
                throw new FeedFormatException("not an RSS 2.0 or Atom feed: the root element is <" + root + ">");
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof FeedFormatException f) {
                throw f;
            }
            throw new FeedFormatException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    private ParsedFeed rss(XMLStreamReader r) throws XMLStreamException {
        String feedTitle = null;
        List<FeedItem> items = new ArrayList<>();
        int depth = 1;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = r.getLocalName();
                if (depth == 3 && "title".equals(name) && noNamespace(r)) {
                    feedTitle = text(r);
                    depth--;
                } else if (depth == 3 && "item".equals(name)) {
                    items.add(rssItem(r));
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return new ParsedFeed(feedTitle, items);
    }

    /** Reads one {@code <item>}, leaving the reader on its end tag. */
    private FeedItem rssItem(XMLStreamReader r) throws XMLStreamException {
        String guid = null;
        String link = null;
        String title = null;
        String description = null;
        String encoded = null;
        String pubDate = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT && "item".equals(r.getLocalName())) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
            String name = r.getLocalName();
            if (CONTENT.equals(ns) && "encoded".equals(name)) {
                encoded = text(r);
            } else if (!ns.isEmpty()) {
                skip(r);
            } else {
                switch (name) {
                    case "guid" -> guid = text(r);
                    case "link" -> link = text(r);
                    case "title" -> title = text(r);
                    case "description" -> description = text(r);
                    case "pubDate" -> pubDate = text(r);
                    default -> skip(r);
                }
            }
        }
        return new FeedItem(blankToNull(guid), blankToNull(link), title, encoded != null ? encoded : description,
                blankToNull(pubDate));
    }

    private ParsedFeed atom(XMLStreamReader r) throws XMLStreamException {
        String feedTitle = null;
        List<FeedItem> items = new ArrayList<>();
        while (r.hasNext()) {
            int event = r.next();
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = r.getLocalName();
            if ("title".equals(name)) {
                feedTitle = text(r);
            } else if ("entry".equals(name)) {
                items.add(atomEntry(r));
            } else {
                skip(r);
            }
        }
        return new ParsedFeed(feedTitle, items);
    }

    private FeedItem atomEntry(XMLStreamReader r) throws XMLStreamException {
        String id = null;
        String link = null;
        String title = null;
        String summary = null;
        String content = null;
        String published = null;
        String updated = null;
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.END_ELEMENT && "entry".equals(r.getLocalName())) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (r.getLocalName()) {
                case "id" -> id = text(r);
                case "link" -> {
                    String rel = r.getAttributeValue(null, "rel");
                    String href = r.getAttributeValue(null, "href");
                    // The alternate link is the article; others (self, enclosure, related) are not.
                    if ((rel == null || "alternate".equals(rel)) && link == null) {
                        link = href;
                    }
                    skip(r);
                }
                case "title" -> title = text(r);
                case "summary" -> summary = text(r);
                case "content" -> content = text(r);
                case "published" -> published = text(r);
                case "updated" -> updated = text(r);
                default -> skip(r);
            }
        }
        return new FeedItem(blankToNull(id), blankToNull(link), title, content != null ? content : summary,
                blankToNull(published != null ? published : updated));
    }

    /**
     * All character data inside the current element, child elements included (Atom's {@code type="xhtml"}
     * puts markup there), leaving the reader on its end tag.
     */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                sb.append(r.getText());
            }
        }
        return sb.toString();
    }

    private static boolean noNamespace(XMLStreamReader r) {
        return r.getNamespaceURI() == null || r.getNamespaceURI().isEmpty();
    }

    /** Skips the current element with everything inside it. */
    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
