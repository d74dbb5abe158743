package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import io.handlestck.server.xml.XmlText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Echoes a header or query value holding a character XML cannot carry as an empty error detail, instead
 * of the value with only that character replaced: the shortcut of a writer that gives up on such values.
 */
final class ErrorDetailBlankedWhenNotXml implements Fault {

    @Override
    public ServiceError refusal(ServerContext context, ServiceRequest request, ServiceError error) {
        if (error.details().values().stream().allMatch(XmlText::isXmlSafe)) {
            return error;
        }
        Map<String, String> blanked = new LinkedHashMap<>();
        error.details().forEach((name, value) -> blanked.put(name, XmlText.isXmlSafe(value) ? value : ""));
        ServiceError changed = new ServiceError(error.status(), error.code(), error.getMessage(), blanked);
        error.replyHeaders().forEach(changed::withReplyHeader);
        return changed;
    }
}
