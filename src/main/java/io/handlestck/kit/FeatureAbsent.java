package io.handlestck.kit;

/**
 * Thrown by a case (through {@link CaseContext#notImplemented(String)}) when the target lacks an
 * optional feature; the case reports {@link io.handlestck.kit.result.Status#NOT_IMPLEMENTED}
 * instead of failing, because the catalogue allows a target to lack it.
 */
public final class FeatureAbsent extends RuntimeException {
    public FeatureAbsent(String why) {
        super(why);
    }
}
