package io.handlestck.kit.provision;

import io.handlestck.kit.client.Answer;
import io.handlestck.kit.client.Target;
import io.handlestck.kit.config.KitConfig;
import java.util.Map;

/**
 * What a provisioner may use of the run (public SPI, with {@link HandleProvisionerFactory} and
 * {@link HandleProvisioner}): the target it works on, the run's configuration, and the kit's one way
 * to send a request to the target. A provisioner that speaks another protocol (an SMB client, for
 * instance) uses {@link #target()} for the host, account and key and never calls {@link #send}.
 */
public interface ProvisionerContext {

    /** Endpoint, account, key and the pinned {@code x-ms-version}. */
    Target target();

    /** The run's effective configuration, including the handles a user listed as preopened. */
    KitConfig config();

    /**
     * Sends one request to the target, authorized as every other kit request is, and recorded in the
     * trace of the case the provisioner serves (not recorded while {@link HandleProvisionerFactory#detect
     * detecting}). Never judges the answer; a transport failure is an unchecked exception.
     *
     * @param url         absolute and already encoded, e.g. from {@link Target#url} or {@code target().endpoint()}
     * @param headers     extra request headers; the kit adds {@code x-ms-version}, {@code x-ms-date} and
     *                    {@code Authorization}
     * @param contentType the body's type, or null without a body
     * @param body        the request body, or null
     */
    Answer send(String method, String url, Map<String, String> headers, String contentType, byte[] body);
}
