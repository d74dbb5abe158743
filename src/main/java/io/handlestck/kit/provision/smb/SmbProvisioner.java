package io.handlestck.kit.provision.smb;

import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.smbj.common.SMBRuntimeException;
import io.handlestck.kit.PreconditionNotMet;
import io.handlestck.kit.provision.Capability;
import io.handlestck.kit.provision.ClientView;
import io.handlestck.kit.provision.HandleProvisioner;
import io.handlestck.kit.provision.HandleRequest;
import io.handlestck.kit.provision.HandleState;
import io.handlestck.kit.provision.OpenedHandle;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The provisioner {@code smb}: opens handles as a real SMB client (smbj) and learns the id the target
 * gave each one from List Handles, the only place that id exists. One instance serves one case
 * invocation; everything it opened is closed, and its sessions end, when the case ends.
 *
 * <p>Up to {@value #ONE_BY_ONE} handles per request are opened one at a time, each followed by a
 * listing, so every id belongs to one known SMB open and a case may judge each handle on its own.
 * Larger requests (paging) are opened in bulk and identified by one listing; their SMB opens are
 * interchangeable, so they are probed together ({@link ClientView#probeEvery}).
 */
public final class SmbProvisioner implements HandleProvisioner, ClientView {

    public static final String NAME = "smb";
    static final int ONE_BY_ONE = 8;
    /**
     * A real client: it opens on live shares and snapshots, with delete-on-close when asked, as the
     * client a request describes where it can be that client, sees its handles' state and answers
     * {@link ClientView}.
     */
    static final Set<Capability> CAPABILITIES = Set.of(Capability.HANDLES, Capability.SNAPSHOTS,
            Capability.FIXTURE_STATE, Capability.SMB_CLIENT, Capability.DELETE_ON_CLOSE, Capability.CLIENT_IDENTITY);
    /** Sharing that lets several opens of one file coexist, but not a delete under them. */
    private static final Set<SMB2ShareAccess> SHARE_READ_WRITE = EnumSet.of(SMB2ShareAccess.FILE_SHARE_READ,
            SMB2ShareAccess.FILE_SHARE_WRITE);

    private final SmbSettings settings;
    private final TargetRest rest;
    private final Supplier<OptionalInt> pageSize;
    private final List<SmbSession> sessions = new ArrayList<>();
    private final List<HeldOpen> opens = new ArrayList<>();
    /** The session {@link #open} uses for each client a request describes, made on first use. */
    private final Map<Client, SmbSession> sessionsByClient = new HashMap<>();

    SmbProvisioner(SmbSettings settings, TargetRest rest, Supplier<OptionalInt> pageSize) {
        this.settings = settings;
        this.rest = rest;
        this.pageSize = pageSize;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    /**
     * Opens in this case's session for the client the request describes, as far as a real client can be
     * it ({@link Capability#CLIENT_IDENTITY}): the workstation name it asks for, and its address where
     * that is an address of this machine from which the endpoint is reached ({@link LocalAddress}). The
     * port and the SessionId are never the client's to choose; {@link #identity} says what they were.
     */
    @Override
    public synchronized List<OpenedHandle> open(HandleRequest request) {
        Client client = clientOf(request);
        SmbSession session = sessionsByClient.get(client);
        if (session == null) {
            session = newSession(client);
            sessionsByClient.put(client, session);
        }
        return openIn(session, request);
    }

    @Override
    public synchronized List<OpenedHandle> openInNewSession(HandleRequest request) {
        return openIn(newSession(clientOf(request)), request);
    }

    @Override
    public synchronized HandleState state(String share, String handleId) {
        HeldOpen open = held(share, handleId);
        if (open.closedByClient()) {
            return HandleState.CLOSED;
        }
        return open.probe().succeeded() ? HandleState.OPEN : HandleState.FORCE_CLOSED;
    }

    @Override
    public synchronized void closeAsClient(String share, String handleId) {
        HeldOpen open = held(share, handleId);
        try {
            open.closeAsClient();
        } catch (SMBRuntimeException e) {
            throw new PreconditionNotMet("the SMB client could not close handle " + handleId + ": "
                    + SmbRefused.describe(e), e);
        }
    }

    @Override
    public OptionalInt forceClosePageSize() {
        return pageSize.get();
    }

    @Override
    public synchronized List<String> release() {
        List<String> problems = new ArrayList<>();
        for (HeldOpen open : opens) {
            String problem = open.release();
            if (problem != null) {
                problems.add(problem);
            }
        }
        for (SmbSession session : sessions) {
            problems.addAll(session.end());
        }
        opens.clear();
        sessions.clear();
        sessionsByClient.clear();
        return problems;
    }

    @Override
    public Optional<ClientView> clientView() {
        return Optional.of(this);
    }

    @Override
    public synchronized Probe probe(String share, String handleId) {
        return held(share, handleId).probe();
    }

    @Override
    public synchronized List<Probe> probeEvery(String share, String path, String snapshot) {
        return opens.stream().filter(open -> open.on(share, path, snapshot) && !open.closedByClient())
                .map(HeldOpen::probe).toList();
    }

    @Override
    public synchronized ClientIdentity identity(String share, String handleId) {
        HeldOpen open = held(share, handleId);
        return new ClientIdentity(open.session().clientIp(), open.session().sessionId(), open.session().workstation(),
                open.accessRights(), open.session().loopback());
    }

    private SmbSession newSession(Client client) {
        SmbSession session = SmbSession.open(settings.withWorkstation(client.workstation()), client.address());
        sessions.add(session);
        return session;
    }

    /** The client a request describes, as far as this one can be it. */
    private Client clientOf(HandleRequest request) {
        String workstation = request.clientName() == null ? settings.workstation() : request.clientName();
        if (!SmbSettings.isNetbiosName(workstation)) {
            throw new PreconditionNotMet("an SMB client cannot log on as workstation '" + workstation
                    + "': NTLM carries a NetBIOS name, 1 to 15 letters, digits or hyphens");
        }
        return new Client(workstation, LocalAddress.bindable(request.clientIp(), settings.host()).orElse(null));
    }

    /** A workstation name and the local address to connect from (null: the system's choice). */
    private record Client(String workstation, InetAddress address) {
    }

    private List<OpenedHandle> openIn(SmbSession session, HandleRequest request) {
        List<String> rights = rights(request);
        Set<SMB2ShareAccess> sharing = rights.contains("Delete") ? SMB2ShareAccess.ALL : SHARE_READ_WRITE;
        Set<String> known = listed(request);
        List<HeldOpen> made = new ArrayList<>();
        boolean oneByOne = request.count() <= ONE_BY_ONE;
        for (int i = 0; i < request.count(); i++) {
            HeldOpen open = openOne(session, request, rights, sharing);
            made.add(open);
            if (oneByOne) {
                Set<String> now = listed(request);
                List<String> fresh = fresh(now, known);
                if (fresh.size() != 1) {
                    throw notListed(request, 1, fresh);
                }
                open.identify(fresh.get(0));
                known = now;
            }
        }
        List<OpenedHandle> handles = new ArrayList<>();
        if (oneByOne) {
            made.forEach(open -> handles.add(handle(request, open.handleId(), session)));
        } else {
            List<String> fresh = fresh(listed(request), known);
            if (fresh.size() != request.count()) {
                throw notListed(request, request.count(), fresh);
            }
            fresh.forEach(id -> handles.add(handle(request, id, session)));
        }
        return handles;
    }

    private HeldOpen openOne(SmbSession session, HandleRequest request, List<String> rights,
                             Set<SMB2ShareAccess> sharing) {
        try {
            HeldOpen open = HeldOpen.open(session, request.share(), request.path(), request.snapshot(), rights, sharing,
                    request.deleteOnClose());
            opens.add(open);
            return open;
        } catch (SMBRuntimeException e) {
            throw new PreconditionNotMet("the SMB client could not open '" + request.path() + "' of share "
                    + request.share() + (request.snapshot() == null ? "" : " snapshot " + request.snapshot()) + " with "
                    + rights + (request.deleteOnClose() ? " and FILE_DELETE_ON_CLOSE" : "") + ": " + SmbRefused.describe(e), e);
        }
    }

    /**
     * The rights the request names, Read when it names none; Delete is added to a delete-on-close
     * request, because FILE_DELETE_ON_CLOSE is refused without DELETE access (MS-SMB2 §3.3.5.9).
     */
    private static List<String> rights(HandleRequest request) {
        List<String> rights = new ArrayList<>(request.accessRights().isEmpty() ? List.of("Read") : request.accessRights());
        if (request.deleteOnClose() && !rights.contains("Delete")) {
            rights.add("Delete");
        }
        return rights;
    }

    /** The ids List Handles reports on exactly the request's path (and snapshot). */
    private Set<String> listed(HandleRequest request) {
        return rest.handleIds(request.share(), request.path(), request.snapshot());
    }

    /** Ids in {@code now} not in {@code before}, smallest first (the order a target numbering its opens gives them). */
    private static List<String> fresh(Set<String> now, Set<String> before) {
        return now.stream().filter(id -> !before.contains(id))
                .sorted(Comparator.comparing(SmbProvisioner::numeric).thenComparing(Comparator.naturalOrder())).toList();
    }

    private static BigInteger numeric(String id) {
        return id.matches("[0-9]{1,20}") ? new BigInteger(id) : BigInteger.ZERO;
    }

    private static PreconditionNotMet notListed(HandleRequest request, int expected, List<String> fresh) {
        return new PreconditionNotMet("the kit opened " + expected + " SMB handle(s) on '" + request.path()
                + "' of share " + request.share() + (request.snapshot() == null ? "" : " snapshot " + request.snapshot())
                + " but List Handles of that path shows " + fresh.size() + " new one(s) " + fresh
                + "; without their ids the case cannot be set up");
    }

    private HeldOpen held(String share, String handleId) {
        return opens.stream().filter(open -> share.equals(open.share()) && handleId.equals(open.handleId()))
                .findFirst().orElseThrow(() -> new PreconditionNotMet("handle " + handleId + " of share " + share
                        + " is not one this SMB client opened on its own (handles opened in bulk cannot be told apart)"));
    }

    private static OpenedHandle handle(HandleRequest request, String id, SmbSession session) {
        return new OpenedHandle(id, request.share(), request.path(), request.snapshot(), null, null, session.sessionId());
    }
}
