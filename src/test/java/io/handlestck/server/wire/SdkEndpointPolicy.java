package io.handlestck.server.wire;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import java.net.URI;
import java.net.URL;
import reactor.core.publisher.Mono;

/**
 * Points the official Azure Storage SDK for Java at a path-style endpoint such as
 * {@code http://127.0.0.1:10004/devstoreaccount1}.
 *
 * <p>Why it is needed: the share SDK's builders ({@code ShareServiceClientBuilder.endpoint}, and
 * {@code connectionString} which calls it) keep only {@code protocol://host} of the endpoint, dropping the port
 * and the account path segment (checked in azure-storage-file-share 12.29.1). This policy puts both back into
 * every request URL. It runs per call, before the SDK's own {@code StorageSharedKeyCredentialPolicy}, so the
 * SDK signs the final path-style URL exactly as the server receives it.
 */
final class SdkEndpointPolicy implements HttpPipelinePolicy {

    private final String endpoint;

    /** @param endpoint the server's path-style endpoint, {@code http://HOST:PORT/ACCOUNT} */
    SdkEndpointPolicy(URI endpoint) {
        String text = endpoint.toString();
        this.endpoint = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        URL sdkUrl = context.getHttpRequest().getUrl();
        String query = sdkUrl.getQuery() == null ? "" : "?" + sdkUrl.getQuery();
        context.getHttpRequest().setUrl(endpoint + sdkUrl.getPath() + query);
        return next.process();
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_CALL;
    }
}
