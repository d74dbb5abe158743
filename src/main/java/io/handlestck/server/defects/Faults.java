package io.handlestck.server.defects;

import io.handlestck.server.ServerContext;
import io.handlestck.server.Strategies;
import io.handlestck.server.http.Reply;
import io.handlestck.server.http.ServiceError;
import io.handlestck.server.http.ServiceRequest;
import java.util.Collection;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;

/** The faults of the defects a server was started with, applied one after the other (none: the service itself). */
public final class Faults implements Fault {

    private final List<Fault> faults;

    private Faults(List<Fault> faults) {
        this.faults = faults;
    }

    public static Faults of(Collection<Defect> defects) {
        return new Faults(defects.stream().sorted().map(Defect::newFault).toList());
    }

    @Override
    public Strategies strategies(Strategies strategies) {
        Strategies swapped = strategies;
        for (Fault fault : faults) {
            swapped = fault.strategies(swapped);
        }
        return swapped;
    }

    @Override
    public ServiceRequest request(ServerContext context, ServiceRequest request) {
        ServiceRequest rewritten = request;
        for (Fault fault : faults) {
            rewritten = fault.request(context, rewritten);
        }
        return rewritten;
    }

    @Override
    public ServiceError refusal(ServerContext context, ServiceRequest request, ServiceError error) {
        ServiceError rewritten = error;
        for (Fault fault : faults) {
            rewritten = fault.refusal(context, request, rewritten);
        }
        return rewritten;
    }

    @Override
    public void answer(ServerContext context, ServiceRequest request, HttpFields requestHeaders, Reply answer) {
        for (Fault fault : faults) {
            fault.answer(context, request, requestHeaders, answer);
        }
    }
}
