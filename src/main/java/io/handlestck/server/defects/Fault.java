package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.http.Rewrites;

/**
 * One deliberate misbehaviour, acting at one seam: it rewrites the request before the operation,
 * a refusal or the answer after it ({@link Rewrites}), or swaps one of the strategies the
 * operations take. Each {@link Defect} has its own small fault class, named after it.
 */
public interface Fault extends Rewrites {

    /** The strategies with this fault's swap made; unchanged for a fault that only rewrites. */
    default Strategies strategies(Strategies strategies) {
        return strategies;
    }
}
