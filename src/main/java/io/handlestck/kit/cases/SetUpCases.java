package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.assertError;
import static io.handlestck.kit.cases.CaseSupport.assertStatus;
import static io.handlestck.kit.cases.CaseSupport.parseRfc1123;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.client.TargetClient;
import io.restassured.response.Response;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The set-up operations ({@code suites/set-up.yaml}): what Create Share, Create Directory, Create File
 * and the deletes answer, the operations every other case builds its share with. A target that answers
 * them otherwise than the service does makes its handle verdicts unreliable.
 */
@HandlesTckCases
public class SetUpCases {

    /** An HTTP entity tag: a quoted string (the service's is quoted hex). */
    private static final Pattern QUOTED_ETAG = Pattern.compile("\"[^\"]+\"");

    /** The directory beneath which {@link #aMissingParentIsParentNotFound} creates and deletes: it never exists. */
    private static final String MISSING_PARENT = "missing-dir";

    /** What a create answers. */
    enum Creation {
        SHARE("Create Share"), DIRECTORY("Create Directory"), FILE("Create File");

        private final String displayName;

        Creation(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public String toString() {
            return displayName;
        }
    }

    /** A create or delete of a file or directory, each addressing a name of its own. */
    enum Write {
        CREATE_DIRECTORY("Create Directory", "new-dir"),
        CREATE_FILE("Create File", "new.txt"),
        DELETE_DIRECTORY("Delete Directory", "dir"),
        DELETE_FILE("Delete File", "file.txt");

        private final String displayName;
        private final String name;

        Write(String displayName, String name) {
            this.displayName = displayName;
            this.name = name;
        }

        /** Sends it on {@code path} of the share, or of its snapshot ({@code null}: the live share). */
        Response send(TargetClient target, String share, String snapshot, String path) {
            return switch (this) {
                case CREATE_DIRECTORY -> target.createDirectory(share, snapshot, path);
                case CREATE_FILE -> target.createFile(share, snapshot, path);
                case DELETE_DIRECTORY -> target.deleteDirectory(share, snapshot, path);
                case DELETE_FILE -> target.deleteFile(share, snapshot, path);
            };
        }

        @Override
        public String toString() {
            return displayName;
        }
    }

    @CaseId("SU-001")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Creation.class)
    void createsAnswer201WithAQuotedEtagAndAnRfc1123LastModified(Creation creation, CaseContext ctx) {
        TestShare share = ctx.newShare();
        Response answer = switch (creation) {
            case SHARE -> {
                Response created = share.createAnswer();
                assertCreated(created, creation);
                yield created;
            }
            case DIRECTORY -> {
                Response directory = ctx.target().createDirectory(share.name(), "dir");
                assertCreated(directory, creation);
                assertEquals("Directory", directory.getHeader("x-ms-file-attributes"),
                        "Create Directory must answer x-ms-file-attributes Directory");
                assertEquals("0", directory.getHeader("x-ms-file-parent-id"),
                        "a directory under the share root has x-ms-file-parent-id 0");
                yield directory;
            }
            case FILE -> {
                Response directory = ctx.target().createDirectory(share.name(), "dir");
                assertStatus(directory, 201, "Create Directory dir");
                Response file = ctx.target().createFile(share.name(), "dir/file.txt");
                assertCreated(file, creation);
                assertEquals(directory.getHeader("x-ms-file-id"), file.getHeader("x-ms-file-parent-id"),
                        "Create File dir/file.txt must answer its directory's x-ms-file-id as x-ms-file-parent-id");
                yield file;
            }
        };
        ctx.recordOutcome(creation + " answered ETag " + answer.getHeader("ETag") + ", Last-Modified "
                + answer.getHeader("Last-Modified"));
    }

    @CaseId("SU-002")
    @Test
    void anExistingDirectoryIsResourceAlreadyExists(CaseContext ctx) {
        TestShare share = ctx.newShare();
        share.directory("dir");

        assertError(ctx.target().createDirectory(share.name(), "dir"), 409, "ResourceAlreadyExists",
                "Create Directory of the existing directory dir");
    }

    @CaseId("SU-003")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Write.class)
    void aMissingParentIsParentNotFound(Write write, CaseContext ctx) {
        TestShare share = ctx.newShare();
        String path = MISSING_PARENT + "/" + write.name;

        assertError(write.send(ctx.target(), share.name(), null, path), 404, "ParentNotFound",
                write + " of " + path + ", beneath a directory that does not exist");
    }

    @CaseId("SU-004")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @EnumSource(Write.class)
    void writesInASnapshotAreRefused(Write write, CaseContext ctx) {
        TestShare share = ctx.newShare();
        share.directory(Write.DELETE_DIRECTORY.name);
        share.file(Write.DELETE_FILE.name);
        String snapshot = share.snapshot();

        assertError(write.send(ctx.target(), share.name(), snapshot, write.name), 400, "ShareSnapshotOperationNotSupported",
                write + " of " + write.name + " in share snapshot " + snapshot);
    }

    private static void assertCreated(Response answer, Creation creation) {
        assertStatus(answer, 201, creation.toString());
        assertEquals(0, answer.asByteArray().length, creation + " must answer an empty body");
        String length = answer.getHeader("Content-Length");
        assertTrue(length == null || length.equals("0"), creation + " must answer Content-Length 0, not " + length);
        String etag = answer.getHeader("ETag");
        assertNotNull(etag, creation + " must answer an ETag");
        assertTrue(QUOTED_ETAG.matcher(etag).matches(), creation + " must answer a quoted ETag, not " + etag);
        String lastModified = answer.getHeader("Last-Modified");
        assertNotNull(lastModified, creation + " must answer Last-Modified");
        parseRfc1123(lastModified, creation + " Last-Modified");
    }
}
