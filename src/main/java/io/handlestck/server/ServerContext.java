package io.handlestck.server;

import io.handlestck.server.http.Rewrites;
import io.handlestck.server.model.Account;

/**
 * What every layer of a running server shares: its settings, the account's state, the strategies
 * the layers take and the rewrites the HTTP exchange goes through (both the service's own unless a
 * defect was switched on).
 */
public record ServerContext(ReferenceServer.Settings settings, Account account, Strategies strategies, Rewrites rewrites) {
}
