package io.handlestck.server.smb;

import io.handlestck.testsupport.EmbeddedServer;
import io.handlestck.testsupport.WireClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A reference server with its SMB endpoint for the test class, a REST client, and fresh smbj clients per test. */
abstract class SmbjTestBase {

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.with(builder -> builder.smbPort(0));

    final WireClient rest = SERVER.client();
    SmbjClients smbj;

    @BeforeEach
    void startSmbj() {
        smbj = new SmbjClients(SERVER.server());
    }

    @AfterEach
    void closeSmbj() {
        smbj.close();
    }
}
