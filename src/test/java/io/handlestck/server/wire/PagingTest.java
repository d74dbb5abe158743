package io.handlestck.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.testsupport.EmbeddedServer;
import io.handlestck.testsupport.ForceCloseResult;
import io.handlestck.testsupport.HandleListing;
import io.handlestck.testsupport.ListedHandle;
import io.handlestck.testsupport.OpenedHandle;
import io.handlestck.testsupport.Scope;
import io.handlestck.testsupport.WireClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Paging at the wire. Force Close Handles with a page size of 3: every call closes at most 3 handles and
 * returns {@code x-ms-marker} while more remain; following the markers closes every handle exactly once.
 * List Handles with {@code maxresults} from 1 up past 5000: pages never exceed it, and following
 * {@code NextMarker} returns every handle exactly once.
 */
class PagingTest {

    private static final int PAGE_SIZE = 3;

    @RegisterExtension
    static final EmbeddedServer SERVER = EmbeddedServer.with(builder -> builder.forceClosePageSize(PAGE_SIZE));

    private final WireClient client = SERVER.client();

    @ParameterizedTest(name = "{0} handles")
    @ValueSource(ints = {1, 2, 3, 4, 6, 7, 20})
    void aRecursiveWildcardCloseIsPagedAndClosesEveryHandleOnce(int count) {
        String share = EmbeddedServer.newShareName();
        client.createTree(share, "a/", "a/b/", "a/b/f.txt", "a/g.txt");
        List<OpenedHandle> opened = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String path = List.of("a/b/f.txt", "a/g.txt", "a", "").get(i % 4);
            opened.addAll(client.openHandles(share, path, 1));
        }

        String fixtureRootSize = client.fixtureRequest("GET", "").send().json().path("forceClosePageSize").asText();
        assertThat(fixtureRootSize).isEqualTo(Integer.toString(PAGE_SIZE));

        int total = 0;
        int calls = 0;
        String marker = null;
        do {
            ForceCloseResult page = client.forceClose(Scope.root(share).recursively(), "*", marker);
            calls++;
            assertThat(page.closed()).as("call %d closes at most a page", calls).isLessThanOrEqualTo(PAGE_SIZE);
            assertThat(page.failed()).isZero();
            if (page.marker() != null) {
                assertThat(page.closed()).as("a call that returns a marker closed a full page").isEqualTo(PAGE_SIZE);
            }
            total += page.closed();
            marker = page.marker();
            assertThat(calls).as("paging ends").isLessThanOrEqualTo(count + 2);
        } while (marker != null);

        assertThat(total).isEqualTo(count);
        assertThat(calls).isBetween((count + PAGE_SIZE - 1) / PAGE_SIZE, (count + PAGE_SIZE - 1) / PAGE_SIZE + 1);
        for (OpenedHandle handle : opened) {
            assertThat(client.handleState(share, handle.handleId())).isEqualTo("force-closed");
        }
        assertThat(client.listAllHandles(Scope.root(share).recursively(), null)).isEmpty();
        assertThat(client.forceCloseAll(Scope.root(share).recursively(), "*").closed()).as("nothing left to close").isZero();
    }

    @ParameterizedTest(name = "maxresults={0}")
    @ValueSource(ints = {1, 2, 5, 22, 23, 24, 5000, 5001, 100000})
    void listHandlesPagesReturnEveryHandleExactlyOnce(int maxResults) {
        String share = EmbeddedServer.newShareName();
        client.createTree(share, "a/", "a/b/", "a/b/f.txt", "a/g.txt", "z.txt");
        List<OpenedHandle> opened = new ArrayList<>();
        opened.addAll(client.openHandles(share, "a/b/f.txt", 9));
        opened.addAll(client.openHandles(share, "a/g.txt", 6));
        opened.addAll(client.openHandles(share, "a", 4));
        opened.addAll(client.openHandles(share, "z.txt", 2));
        opened.addAll(client.openHandles(share, "", 2));

        List<String> listed = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            HandleListing page = client.listHandles(Scope.root(share).recursively(), maxResults, marker);
            pages++;
            assertThat(page.handles().size()).as("page %d", pages).isLessThanOrEqualTo(Math.min(maxResults, 5000));
            listed.addAll(page.handleIds());
            marker = page.nextMarker();
            assertThat(pages).as("paging ends").isLessThanOrEqualTo(opened.size() + 1);
        } while (marker != null);

        assertThat(listed).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(opened.stream().map(OpenedHandle::handleId).toList());
        List<String> underA = client.listAllHandles(Scope.of(share, "a").recursively(), maxResults).stream()
                .map(ListedHandle::handleId).toList();
        assertThat(underA).as("a directory's subtree").hasSize(19).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0} handles on one file")
    @ValueSource(ints = {3, 10})
    void aWildcardCloseOfOneFileIsPagedToo(int count) {
        String share = EmbeddedServer.newShareName();
        client.createTree(share, "f.txt");
        client.openHandles(share, "f.txt", count);
        ForceCloseResult first = client.forceClose(Scope.of(share, "f.txt"), "*", null);
        assertThat(first.closed()).isEqualTo(PAGE_SIZE);
        ForceCloseResult rest = client.forceCloseAll(Scope.of(share, "f.txt"), "*");
        assertThat(first.closed() + rest.closed()).isEqualTo(count);
        assertThat(rest.calls()).as("calls for the remaining %d handles", count - PAGE_SIZE)
                .isGreaterThanOrEqualTo(Math.max(1, (count - PAGE_SIZE + PAGE_SIZE - 1) / PAGE_SIZE));
    }
}
