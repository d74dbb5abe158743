package io.handlestck.kit.cases;

import static io.handlestck.kit.cases.CaseSupport.assertClosed;
import static io.handlestck.kit.cases.CaseSupport.assertError;
import static io.handlestck.kit.cases.CaseSupport.assertMatchesControl;
import static io.handlestck.kit.cases.CaseSupport.describe;
import static io.handlestck.kit.cases.CaseSupport.forceClose;
import static io.handlestck.kit.cases.CaseSupport.listedPaths;
import static io.handlestck.kit.cases.CaseSupport.openOn;
import static io.handlestck.kit.cases.CaseSupport.onMissingPath;
import static io.handlestck.kit.cases.CaseSupport.onlyHandle;
import static io.handlestck.kit.cases.CaseSupport.openOne;
import static io.handlestck.kit.cases.ListHandlesCases.firstPage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handlestck.kit.CaseContext;
import io.handlestck.kit.CaseId;
import io.handlestck.kit.CaseNames;
import io.handlestck.kit.HandlesTckCases;
import io.handlestck.kit.TestShare;
import io.handlestck.kit.client.ForceCloseCall;
import io.handlestck.kit.client.HandleListing;
import io.handlestck.kit.client.HandleListing.ListedHandle;
import io.handlestck.kit.client.HandleOperation;
import io.handlestck.kit.client.ListHandlesCall;
import io.handlestck.kit.client.TargetClient;
import io.restassured.response.Response;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names ({@code suites/names.yaml}): every name shape travels twice, percent-encoded in the URL the
 * kit sends (and signs) and back in the listing's {@code Path}; a target must get both right for a
 * handle to be found and closed by its name.
 */
@HandlesTckCases
public class NamesCases {

    @CaseId("NM-001")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"with space.txt", "dir with spaces/file name.txt", "a  b/c   d", "dir/trailing space .txt"})
    void namesWithSpaces(String path, CaseContext ctx) {
        listedVerbatimAndClosable(ctx, path);
    }

    @CaseId("NM-002")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"café/naïve.txt", "日本語/ファイル.txt", "Ελληνικά.txt", "עברית/קובץ.txt", "emoji😀/🎉.txt",
            "Ａｓｃｉｉ全角", "edge\uD7FF.txt", "private\uE000.txt", "replacement\uFFFD.txt", "supplementary\uD800\uDC00.txt",
            "top\uDBFF\uDFFF.txt"})
    void unicodeNames(String path, CaseContext ctx) {
        listedVerbatimAndClosable(ctx, path);
    }

    @CaseId("NM-003")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"plus+sign.txt", "100%.txt", "hash#tag.txt", "amp&ersand.txt", "semi;colon=equals.txt",
            "it's.txt", "[brackets]/x.txt", "bang!tilde~.txt", "dir&co/a+b=c%20d.txt", "comma,dollar$at@.txt", "two&amps&.txt"})
    void namesWithUrlAndXmlSpecialCharacters(String path, CaseContext ctx) {
        listedVerbatimAndClosable(ctx, path);
    }

    @CaseId("NM-004")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(ints = {1, 5, 10, 25})
    void deepPaths(int depth, CaseContext ctx) {
        TestShare share = ctx.newShare();
        StringBuilder directory = new StringBuilder();
        for (int level = 1; level <= depth; level++) {
            directory.append(level == 1 ? "" : "/").append("level").append(level);
        }
        String deepest = share.directory(directory.toString());
        String file = share.file(deepest + "/leaf.txt");
        String onDirectory = openOne(ctx, share, deepest);
        String onFile = openOne(ctx, share, file);

        Map<String, String> listing = listedPaths(ctx, ListHandlesCall.on(share.name(), "").recursive(true));
        assertEquals(Map.of(onDirectory, deepest, onFile, file), listing,
                "a recursive listing of the root must show both handles " + depth + " levels deep with their full paths");

        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), "").allHandles().recursive(true)), 2,
                "recursive Force Close * on the root");
        assertEquals(Set.of(), openOn(ctx, share, List.of(deepest, file)), "nothing may stay open");
    }

    @CaseId("NM-005")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(LongestName.class)
    void longestNameComponent(LongestName name, CaseContext ctx) {
        listedVerbatimAndClosable(ctx, name.path());
    }

    /** Paths whose one long component is 255 characters, the longest a name may be; the labels are the variants. */
    enum LongestName {
        FILE("file", "f".repeat(251) + ".txt"),
        DIRECTORY("directory", "d".repeat(255) + "/x.txt"),
        UNICODE_FILE("unicode file", "é".repeat(251) + ".txt"),
        /** Eight of them: 2047 characters, within the 2048 a whole path may have however its leading '/' is counted. */
        LONGEST_PATH("2047-character path", ("d".repeat(255) + "/").repeat(7) + "f".repeat(251) + ".txt");

        private final String label;
        private final String path;

        LongestName(String label, String path) {
            this.label = label;
            this.path = path;
        }

        String path() {
            return path;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @CaseId("NM-006")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"enc\uFFFEdir", "enc\uFFFFdir", "dir/x\uFFFEy.txt", "a\uFFFE/b\uFFFF/c.txt"})
    void xmlInvalidCharactersAreEncoded(String path, CaseContext ctx) {
        TestShare share = ctx.newShare();
        create(share, path);
        String id = openOne(ctx, share, path);

        Response response = ctx.target().listHandles(ListHandlesCall.on(share.name(), path).header("x-ms-version", "2019-02-02"));
        CaseSupport.assertStatus(response, 200, "List Handles of a name XML cannot carry");
        assertMatchesControl(ctx, "list-handles-encoded-path.xml", response);
        ListedHandle handle = CaseSupport.onlyHandle(HandleListing.of(response), id);
        assertTrue(handle.pathEncoded(), "Path must carry Encoded=\"true\"");
        assertEquals(path, handle.decodedPath(), "the percent-decoded Path must be the name");
    }

    @CaseId("NM-007")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"trim/name.txt", "trim/dirname"})
    void trailingDotIsTrimmedByDefault(String path, CaseContext ctx) {
        TestShare share = ctx.newShare();
        create(share, path);
        String id = openOne(ctx, share, path);
        String dotted = path + ".";

        Map<String, String> listing = listedPaths(ctx, ListHandlesCall.on(share.name(), dotted));
        assertEquals(Map.of(id, path), listing, "'" + dotted + "' must address '" + path + "' and list its handle");
        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), dotted).allHandles()), 1,
                "Force Close * on '" + dotted + "'");
    }

    @CaseId("NM-008")
    @ParameterizedTest(name = CaseNames.VARIANT)
    @ValueSource(strings = {"kept.txt.", "kept-dir."})
    void trailingDotIsKeptWhenAllowed(String name, CaseContext ctx) {
        TestShare share = ctx.newShare();
        boolean directory = !name.contains(".txt");
        String url = ctx.target().url(share.name(), name);
        Response created = directory
                ? ctx.target().request().header("x-ms-allow-trailing-dot", "true")
                        .header("x-ms-file-attributes", "Directory").header("x-ms-file-creation-time", "now")
                        .header("x-ms-file-last-write-time", "now").header("x-ms-file-permission", "inherit")
                        .put(TargetClient.withQuery(url, "restype", "directory"))
                : ctx.target().request().header("x-ms-allow-trailing-dot", "true").header("x-ms-type", "file")
                        .header("x-ms-content-length", "0").header("x-ms-file-attributes", "None")
                        .header("x-ms-file-creation-time", "now").header("x-ms-file-last-write-time", "now")
                        .header("x-ms-file-permission", "inherit").put(url);
        if (created.getStatusCode() != 201) {
            ctx.notImplemented("the target does not create '" + name + "' with x-ms-allow-trailing-dot: " + describe(created));
        }
        String trimmed = name.substring(0, name.length() - 1);
        Response trimmedProbe = directory
                ? ctx.target().request().get(TargetClient.withQuery(ctx.target().url(share.name(), trimmed), "restype", "directory"))
                : ctx.target().request().head(ctx.target().url(share.name(), trimmed));
        if (trimmedProbe.getStatusCode() != 404) {
            ctx.notImplemented("the target trimmed the dot of '" + name + "' despite x-ms-allow-trailing-dot");
        }
        String id = openOne(ctx, share, name);

        Map<String, String> listing = listedPaths(ctx, ListHandlesCall.on(share.name(), name)
                .header("x-ms-allow-trailing-dot", "true"));
        assertEquals(Map.of(id, name), listing, "the handle must be listed with the dot kept");
        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), name).allHandles()
                .header("x-ms-allow-trailing-dot", "true")), 1, "Force Close * on '" + name + "'");
    }

    /** The deepest a path may go: 250 directories (the naming rules' limit). */
    private static final int DEEPEST = 250;

    @CaseId("NM-009")
    @ParameterizedTest(name = CaseNames.NAMED_VARIANT)
    @EnumSource(HandleOperation.class)
    void deepestPathIsAValidName(HandleOperation operation, CaseContext ctx) {
        String deepest = String.join("/", Collections.nCopies(DEEPEST, "d"));
        assertError(onMissingPath(ctx, operation, deepest), 404, "ResourceNotFound",
                operation + " of a missing path " + DEEPEST + " directories deep (a name within the naming rules)");
    }

    /**
     * Creates {@code path} (a file when its last name has an extension, else a directory), opens a
     * handle on it, lists the name (percent-encoded in the URL) and finds the handle with the name
     * verbatim in Path, then closes it through the name.
     */
    private static void listedVerbatimAndClosable(CaseContext ctx, String path) {
        TestShare share = ctx.newShare();
        create(share, path);
        String id = openOne(ctx, share, path);

        ListedHandle listed = onlyHandle(firstPage(ctx, ListHandlesCall.on(share.name(), path)), id);
        assertFalse(listed.pathEncoded(), "'" + path + "' holds only characters XML carries, so its Path must not be Encoded");
        assertEquals(path, listed.path(), "a listing of the name must show its handle with the name verbatim in Path");
        assertClosed(forceClose(ctx, ForceCloseCall.on(share.name(), path).allHandles()), 1, "Force Close * on '" + path + "'");
        assertEquals(Set.of(), openOn(ctx, share, List.of(path)), "nothing may stay open");
    }

    private static void create(TestShare share, String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.contains(".")) {
            share.file(path);
        } else {
            share.directory(path);
        }
    }
}
