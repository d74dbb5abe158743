package io.handlestck.mutation;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * In the mutation run the target is the embedded reference server, which has every feature the
 * catalogue knows and every capability the fixtures offer: a case that reports COULD_NOT_TEST or
 * NOT_IMPLEMENTED there has seen the mutant (a setup or a feature probe broke), so it fails instead
 * of being skipped, which PIT would count as a pass. NOT_APPLICABLE and DISABLED stay skipped.
 */
public final class EveryFeaturePresent implements TestExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        String message = thrown.getMessage();
        if (thrown instanceof TestAbortedException && message != null
                && (message.startsWith("COULD_NOT_TEST:") || message.startsWith("NOT_IMPLEMENTED:"))) {
            throw new AssertionFailedError("the reference server has every feature, yet " + message, thrown);
        }
        throw thrown;
    }
}
