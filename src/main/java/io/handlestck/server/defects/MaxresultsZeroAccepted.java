package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;

/** Accepts {@code maxresults} of 0 or below as if absent (and echoes it), instead of refusing it with 400. */
final class MaxresultsZeroAccepted implements Fault {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,30}");
    private static final Pattern BEFORE_MAX_RESULTS =
            Pattern.compile("^(.*?<EnumerationResults>(?:<Marker>[^<]*</Marker>|<Marker />)?)", Pattern.DOTALL);

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        return notPositive(request) == null ? request : request.withQuery("maxresults", null);
    }

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        Long echoed = notPositive(request);
        if (echoed != null) {
            ListingXml.edit(request, answer, xml -> BEFORE_MAX_RESULTS.matcher(xml)
                    .replaceFirst("$1" + Matcher.quoteReplacement("<MaxResults>" + echoed + "</MaxResults>")));
        }
    }

    /** The List Handles request's maxresults when it is an integer below 1, else null. */
    private static Long notPositive(ServiceRequest request) {
        String maxResults = Exchanges.isOperation(request, Exchanges.LIST_HANDLES) ? request.query("maxresults") : null;
        if (maxResults == null || !INTEGER.matcher(maxResults).matches()) {
            return null;
        }
        long value;
        try {
            value = Long.parseLong(maxResults);
        } catch (NumberFormatException tooLong) {
            value = maxResults.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return value < 1 ? value : null;
    }
}
