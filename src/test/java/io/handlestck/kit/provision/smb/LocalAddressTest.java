package io.handlestck.kit.provision.smb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** Which of the addresses a request asks for a real SMB client can bind its socket to. */
class LocalAddressTest {

    @Test
    void anotherLoopbackAddressAgainstAnEndpointOnThisMachine() throws Exception {
        assertThat(LocalAddress.bindable("127.0.0.2:49152", "127.0.0.1")).contains(InetAddress.getByName("127.0.0.2"));
    }

    @Test
    void aLoopbackAddressCannotReachAnEndpointElsewhere() {
        assertThat(LocalAddress.bindable("127.0.0.2:49152", "192.0.2.10")).isEmpty();
    }

    @Test
    void addressesThisMachineDoesNotHaveAreNotTheClients() {
        assertThat(LocalAddress.bindable("10.0.0.5:49152", "127.0.0.1")).isEmpty();
        assertThat(LocalAddress.bindable("[2001:db8::7]:50352", "127.0.0.1")).isEmpty();
        assertThat(LocalAddress.bindable("[::1]:50352", "127.0.0.1")).as("another family than the endpoint's").isEmpty();
    }

    @Test
    void onlyLiteralAddressesAreTaken() {
        assertThat(LocalAddress.bindable(null, "127.0.0.1")).isEmpty();
        assertThat(LocalAddress.bindable("localhost:445", "127.0.0.1")).as("a name is never looked up").isEmpty();
        assertThat(LocalAddress.bindable("127.0.0.2", "127.0.0.1")).as("no port").isEmpty();
    }
}
