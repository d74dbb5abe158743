package io.handlestck.kit.client;

import io.handlestck.kit.xml.XmlChecks;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The typed view of a List Handles body ({@code EnumerationResults}). Element names follow the real
 * service ({@code Entries}, not the documentation's {@code HandleList}); a body in another shape
 * throws {@link AssertionError}, because an unreadable listing is itself a wrong answer.
 *
 * @param marker     the {@code Marker} echo, or null when absent
 * @param maxResults the {@code MaxResults} echo, or null when absent
 * @param nextMarker the continuation; null when the element is absent, {@code ""} when empty (done)
 */
public record HandleListing(String marker, String maxResults, String nextMarker, List<ListedHandle> handles,
                            List<String> rootChildren) {

    /**
     * One {@code Handle} element.
     *
     * @param path        the text of {@code Path}, still percent-encoded when {@code pathEncoded}
     * @param accessRights the {@code AccessRight} values, or null when {@code AccessRightList} is absent
     * @param children    the child element names in document order, for order checks
     */
    public record ListedHandle(String handleId, String path, boolean pathEncoded, String fileId, String parentId,
                               String sessionId, String clientIp, String clientName, String openTime,
                               String lastReconnectTime, List<String> accessRights, List<String> children) {

        /** The path with {@code Encoded="true"} percent-encoding undone. */
        public String decodedPath() {
            return pathEncoded ? XmlChecks.percentDecode(path) : path;
        }
    }

    /** True when the listing says there is no further page (an empty or absent {@code NextMarker}). */
    public boolean complete() {
        return nextMarker == null || nextMarker.isEmpty();
    }

    public List<String> handleIds() {
        return handles.stream().map(ListedHandle::handleId).toList();
    }

    public static HandleListing of(Response response) {
        return parse(response.asByteArray());
    }

    public static HandleListing parse(byte[] body) {
        Document document = XmlChecks.parse(body);
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("EnumerationResults")) {
            throw new AssertionError("List Handles body has root <" + root.getTagName() + ">, expected <EnumerationResults>");
        }
        Element entries = child(root, "Entries");
        if (entries == null) {
            throw new AssertionError("List Handles body has no <Entries> element (children: " + childNames(root) + ")");
        }
        List<ListedHandle> handles = new ArrayList<>();
        for (Element handle : children(entries)) {
            if (!handle.getTagName().equals("Handle")) {
                throw new AssertionError("<Entries> contains <" + handle.getTagName() + ">, expected only <Handle>");
            }
            Element path = child(handle, "Path");
            Element rights = child(handle, "AccessRightList");
            handles.add(new ListedHandle(text(handle, "HandleId"), path == null ? null : path.getTextContent(),
                    path != null && "true".equals(path.getAttribute("Encoded")), text(handle, "FileId"),
                    text(handle, "ParentId"), text(handle, "SessionId"), text(handle, "ClientIp"),
                    text(handle, "ClientName"), text(handle, "OpenTime"), text(handle, "LastReconnectTime"),
                    rights == null ? null : children(rights).stream().map(Element::getTextContent).toList(),
                    childNames(handle)));
        }
        return new HandleListing(text(root, "Marker"), text(root, "MaxResults"), text(root, "NextMarker"),
                List.copyOf(handles), childNames(root));
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent();
    }

    private static Element child(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst().orElse(null);
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                out.add(element);
            }
        }
        return out;
    }

    private static List<String> childNames(Element parent) {
        return children(parent).stream().map(Element::getTagName).toList();
    }
}
