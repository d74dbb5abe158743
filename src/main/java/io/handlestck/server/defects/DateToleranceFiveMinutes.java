package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import java.time.Duration;

/** Refuses a request dated more than 5 minutes from the server clock, where the service allows 15 (another store's tolerance). */
final class DateToleranceFiveMinutes implements Fault {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.authentication = draft.authentication.withDateAcceptable(
                (date, now) -> Duration.between(date, now).abs().compareTo(TOLERANCE) <= 0));
    }
}
