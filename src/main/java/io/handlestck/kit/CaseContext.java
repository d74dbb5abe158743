package io.handlestck.kit;

import io.handlestck.kit.catalogue.CatalogueEntry;
import io.handlestck.kit.client.Answers;
import io.handlestck.kit.client.TargetClient;
import io.handlestck.kit.provision.Capability;
import io.handlestck.kit.provision.ClientView;
import io.handlestck.kit.provision.HandleProvisioner;
import io.handlestck.kit.provision.HandleRequest;
import io.handlestck.kit.provision.HandleState;
import io.handlestck.kit.provision.OpenedHandle;
import io.handlestck.kit.result.Exchange;
import io.handlestck.kit.xml.XmlChecks;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything a case needs, handed to it as its last parameter: the target, fresh shares, handles,
 * the version under test, its catalogue entry and XML checks. One instance per case invocation; it
 * records the invocation's exchanges and cleans up what the invocation made.
 */
public final class CaseContext {

    private static final XmlChecks XML = new XmlChecks();

    private final KitSession session;
    private final CatalogueEntry entry;
    private final TargetClient client;
    private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    private final List<TestShare> shares = Collections.synchronizedList(new ArrayList<>());
    private final List<OpenedHandle> opened = Collections.synchronizedList(new ArrayList<>());
    private volatile HandleProvisioner provisioner;
    private volatile String outcome;

    CaseContext(KitSession session, CatalogueEntry entry) {
        this.session = session;
        this.entry = entry;
        this.client = new TargetClient(session.target(), this::record);
    }

    /** The target, with signed and recorded requests. */
    public TargetClient target() {
        return client;
    }

    /** A new, empty share named with the run's prefix; the kit deletes it (and its snapshots) after the case. */
    public TestShare newShare() {
        TestShare share = new TestShare(client, session.newShareName(entry.id()));
        share.create();
        shares.add(share);
        return share;
    }

    /** The run's way of opening handles; what it cannot do ends the case as COULD_NOT_TEST. */
    public HandleProvisioner handles() {
        HandleProvisioner current = provisioner;
        if (current == null) {
            synchronized (this) {
                if (provisioner == null) {
                    provisioner = new Tracking(session.provisionerFactory().create(client.provisioning(session.config())));
                }
                current = provisioner;
            }
        }
        return current;
    }

    /** The x-ms-version under test. */
    public String version() {
        return client.version();
    }

    /** Whether the version under test is {@code version} or newer (versions are ISO dates). */
    public boolean versionAtLeast(String version) {
        return version().compareTo(version) >= 0;
    }

    /** This case's catalogue entry: level, sources, allowed answer sets. */
    public CatalogueEntry entry() {
        return entry;
    }

    public XmlChecks xml() {
        return XML;
    }

    /** Ends the case as NOT_IMPLEMENTED: the target lacks an optional feature. Always throws. */
    public void notImplemented(String why) {
        throw new FeatureAbsent(why);
    }

    /** Ends the case as COULD_NOT_TEST: a precondition cannot be made on this target. Always throws. */
    public void couldNotTest(String why) {
        throw new PreconditionNotMet(why);
    }

    /**
     * Records which of the outcomes the catalogue accepts the target chose (a Force Close that deletes a
     * delete-on-close file, or keeps it): a passing case's result carries it as its message, so the
     * report shows the choice. The last one recorded wins; a verdict other than PASS keeps its own reason.
     */
    public void recordOutcome(String what) {
        outcome = what;
    }

    /** What {@link #recordOutcome} recorded, or null. */
    String outcome() {
        return outcome;
    }

    List<Exchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    private void record(Exchange exchange) {
        exchanges.add(exchange);
        session.noticeServerHeader(exchange);
    }

    /**
     * Deletes the case's shares with share deletes only (never the operation under test). A share the
     * target refuses to delete while handles are open is retried after the kit's handles are closed
     * the way their client would close them.
     *
     * @return what could not be cleaned up, for the report beside the verdict
     */
    List<String> cleanup() {
        List<String> problems = new ArrayList<>();
        HandleProvisioner held = provisioner;
        if (held != null) {
            try {
                problems.addAll(held.release());
            } catch (RuntimeException e) {
                problems.add("provisioner " + held.name() + " did not release its handles: " + e);
            }
        }
        List<TestShare> toDelete;
        synchronized (shares) {
            toDelete = List.copyOf(shares);
        }
        for (TestShare share : toDelete) {
            try {
                Response response = client.deleteShare(share.name());
                if (response.getStatusCode() == 409 && closeOpenedHandles(share.name())) {
                    response = client.deleteShare(share.name());
                }
                if (response.getStatusCode() != 202 && response.getStatusCode() != 404) {
                    problems.add("share " + share.name() + " was not deleted: Delete Share answered "
                            + Answers.statusAndCode(response));
                }
            } catch (RuntimeException e) {
                problems.add("share " + share.name() + " was not deleted: " + e);
            }
        }
        return problems;
    }

    private boolean closeOpenedHandles(String share) {
        List<OpenedHandle> mine;
        synchronized (opened) {
            mine = opened.stream().filter(h -> h.share().equals(share)).toList();
        }
        boolean any = false;
        for (OpenedHandle handle : mine) {
            try {
                provisioner.closeAsClient(share, handle.handleId());
                any = true;
            } catch (RuntimeException e) {
                // The handle may already be closed (often by the case itself); the retried delete tells.
            }
        }
        return any;
    }

    /** Remembers the handles a case opened so that cleanup can close them if a share delete is blocked. */
    private final class Tracking implements HandleProvisioner {
        private final HandleProvisioner delegate;

        Tracking(HandleProvisioner delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public Set<Capability> capabilities() {
            return delegate.capabilities();
        }

        @Override
        public List<OpenedHandle> open(HandleRequest request) {
            List<OpenedHandle> handles = delegate.open(request);
            opened.addAll(handles);
            return handles;
        }

        @Override
        public HandleState state(String share, String handleId) {
            return delegate.state(share, handleId);
        }

        @Override
        public void closeAsClient(String share, String handleId) {
            delegate.closeAsClient(share, handleId);
        }

        @Override
        public OptionalInt forceClosePageSize() {
            return delegate.forceClosePageSize();
        }

        @Override
        public List<String> release() {
            return delegate.release();
        }

        @Override
        public Optional<ClientView> clientView() {
            return delegate.clientView();
        }
    }
}
