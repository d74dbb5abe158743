package io.handlestck.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** One List Handles page parsed from its XML body with the JDK DOM. */
public record HandleListing(String marker, String maxResults, List<ListedHandle> handles, String nextMarker,
                            List<String> elementOrder) {

    /** Parses an {@code <EnumerationResults>} body; fails with the body in the message when it is not one. */
    public static HandleListing parse(WireResponse response) {
        Document document = response.xml();
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("EnumerationResults")) {
            throw new AssertionError("expected <EnumerationResults> from " + response + ":\n" + response.text());
        }
        String marker = null;
        String maxResults = null;
        String nextMarker = null;
        List<ListedHandle> handles = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (Element child : children(root)) {
            order.add(child.getTagName());
            switch (child.getTagName()) {
                case "Marker" -> marker = child.getTextContent();
                case "MaxResults" -> maxResults = child.getTextContent();
                case "NextMarker" -> nextMarker = child.getTextContent().isEmpty() ? null : child.getTextContent();
                case "Entries" -> children(child).forEach(handle -> handles.add(handle(handle)));
                default -> { }
            }
        }
        return new HandleListing(marker, maxResults, List.copyOf(handles), nextMarker, List.copyOf(order));
    }

    public List<String> handleIds() {
        return handles.stream().map(ListedHandle::handleId).toList();
    }

    private static ListedHandle handle(Element handle) {
        List<String> order = new ArrayList<>();
        String[] values = new String[8];
        boolean encoded = false;
        List<String> rights = null;
        for (Element field : children(handle)) {
            order.add(field.getTagName());
            switch (field.getTagName()) {
                case "HandleId" -> values[0] = field.getTextContent();
                case "Path" -> {
                    values[1] = field.getTextContent();
                    encoded = "true".equals(field.getAttribute("Encoded"));
                }
                case "FileId" -> values[2] = field.getTextContent();
                case "ParentId" -> values[3] = field.getTextContent();
                case "SessionId" -> values[4] = field.getTextContent();
                case "ClientIp" -> values[5] = field.getTextContent();
                case "ClientName" -> values[6] = field.getTextContent();
                case "OpenTime" -> values[7] = field.getTextContent();
                case "AccessRightList" -> rights = children(field).stream().map(Node::getTextContent).toList();
                default -> { }
            }
        }
        return new ListedHandle(values[0], values[1], encoded, values[2], values[3], values[4], rights,
                values[5], values[6], values[7], List.copyOf(order));
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
