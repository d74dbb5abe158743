package io.handlestck.server.defects;

import io.handlestck.server.Strategies;
import io.handlestck.server.model.AccessRights;

/**
 * Records every SMB open as opened for Read alone, whatever DesiredAccess its CREATE asked for, so
 * its AccessRightList never names Write or Delete.
 */
final class SmbAccessRightsReadOnly implements Fault {

    private static final AccessRights READ_ONLY = new AccessRights(true, false, false);

    @Override
    public Strategies strategies(Strategies strategies) {
        return strategies.with(draft -> draft.openIdentity = stated -> stated.withAccessRights(READ_ONLY));
    }
}
