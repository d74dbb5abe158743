package io.handlestck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.handlestck.kit.client.Target;
import io.handlestck.kit.client.TargetClient;
import io.handlestck.kit.config.KitConfig;
import io.handlestck.server.ReferenceServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/** {@code clean} removes what runs with a prefix left behind, snapshots included, and nothing else. */
class CleanCommandTest {

    ReferenceServer server;
    TargetClient client;

    @BeforeEach
    void startServerWithLeftovers() throws Exception {
        server = ReferenceServer.builder().build().start();
        client = new TargetClient(new Target(server.endpoint(), server.account(), server.key(), KitConfig.DEFAULT_VERSION),
                exchange -> { });
        for (String share : List.of("leftover-a1", "leftover-b2", "leftoverx", "keep-me")) {
            assertThat(client.createShare(share).statusCode()).isEqualTo(201);
        }
        assertThat(client.createSnapshot("leftover-b2").statusCode()).isEqualTo(201);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void dryRunListsThePrefixedSharesAndDeletesNothing() {
        Cli.Result result = clean("--dry-run");

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).contains("would delete leftover-a1", "would delete leftover-b2");
        assertThat(shares()).containsExactly("keep-me", "leftover-a1", "leftover-b2", "leftoverx");
    }

    @Test
    void deletesOnlySharesNamedPrefixDashWithTheirSnapshots() {
        Cli.Result result = clean();

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.outLines()).contains("deleted leftover-a1", "deleted leftover-b2");
        assertThat(shares()).containsExactly("keep-me", "leftoverx");
    }

    @Test
    void aWrongKeyIsOneLineAndNothingIsDeleted() {
        Cli.Result result = Cli.run("clean", "--endpoint", server.endpoint().toString(), "--account", server.account(),
                "--key", "d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXk=", "--run-prefix", "leftover");

        assertThat(result.exitCode()).isEqualTo(HandlesTck.EXIT_USAGE);
        assertThat(result.errLines()).singleElement().asString().contains("403");
        assertThat(shares()).hasSize(4);
    }

    @Test
    void anUnreachableTargetIsOneLineAndExitCode1() {
        Cli.Result result = Cli.run("clean", "--endpoint", "http://127.0.0.1:1/devstoreaccount1", "--account",
                "devstoreaccount1", "--key", server.key());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("handles-tck: cannot reach http://127.0.0.1:1/devstoreaccount1: ");
    }

    private Cli.Result clean(String... more) {
        List<String> args = new ArrayList<>(List.of("clean", "--endpoint", server.endpoint().toString(),
                "--account", server.account(), "--key", server.key(), "--run-prefix", "leftover"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The account's shares, parsed with the JDK's DOM (the body starts with a byte order mark, as Azure's do). */
    private List<String> shares() {
        byte[] body = client.request().get(TargetClient.withQuery(server.endpoint().toString(), "comp", "list")).asByteArray();
        try {
            NodeList names = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(body)).getElementsByTagName("Name");
            List<String> shares = new ArrayList<>();
            for (int i = 0; i < names.getLength(); i++) {
                shares.add(names.item(i).getTextContent());
            }
            return shares;
        } catch (Exception e) {
            throw new AssertionError("List Shares answered no XML: " + new String(body, StandardCharsets.UTF_8), e);
        }
    }
}
