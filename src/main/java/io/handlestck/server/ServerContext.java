package io.handlestck.server;

import io.handlestck.server.defects.Defect;
import io.handlestck.server.model.Account;

/** What every layer of a running server shares: its settings and the account's state. */
public record ServerContext(ReferenceServer.Settings settings, Account account) {

    /** True when the server was started with this defect: the one place operations ask. */
    public boolean defect(Defect defect) {
        return settings.defects().contains(defect);
    }
}
