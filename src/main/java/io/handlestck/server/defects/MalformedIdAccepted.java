package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.ServiceRequest;
import java.util.regex.Pattern;

/** Reads an {@code x-ms-handle-id} that is not a decimal uint64 as 0, an id no handle has: 200 with 0 closed instead of 400. */
final class MalformedIdAccepted implements Fault {

    private static final Pattern UINT64 = Pattern.compile("[0-9]{1,20}");

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        String id = request.header("x-ms-handle-id");
        if (Exchanges.isOperation(request, Exchanges.FORCE_CLOSE_HANDLES) && id != null && !id.trim().equals("*")
                && !isUint64(id.trim())) {
            return request.withHeader("x-ms-handle-id", "0");
        }
        return request;
    }

    private static boolean isUint64(String id) {
        if (!UINT64.matcher(id).matches()) {
            return false;
        }
        try {
            Long.parseUnsignedLong(id);
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }
}
