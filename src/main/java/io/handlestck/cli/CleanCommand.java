package io.handlestck.cli;

import io.handlestck.kit.client.Target;
import io.handlestck.kit.client.TargetClient;
import io.handlestck.kit.config.KitConfig;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code clean}: deletes the shares runs left behind (a crash or a killed run skips their cleanup).
 * Finds them with List Shares by the run prefix and deletes each with its snapshots, using only the
 * share operations, never the handle operations the kit tests.
 */
@Command(name = "clean", mixinStandardHelpOptions = true,
        description = {"Delete the shares that runs with the given prefix left behind on a target (with their snapshots).",
                "Only shares named PREFIX-... are touched. Exit 0 when all are gone, 1 when one could not be deleted."})
final class CleanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TargetOptions target;

    @Option(names = "--dry-run", description = "List the shares that would be deleted; delete nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        KitConfig config = target.resolve(Map.of());
        if (config.embedded()) {
            throw new UsageException("clean needs a target (--endpoint, --connection-string or --config); "
                    + "the embedded reference server keeps nothing between runs");
        }
        TargetClient client = new TargetClient(new Target(config.endpoint(), config.account(), config.key(),
                config.version()), exchange -> { });
        String prefix = config.runPrefix() + "-";
        PrintWriter out = spec.commandLine().getOut();
        List<String> shares;
        try {
            shares = leftBehind(client, prefix);
        } catch (UsageException e) {
            throw e;
        } catch (RuntimeException e) {
            // The kit's transport reports a connection failure unchecked.
            spec.commandLine().getErr().println("handles-tck: cannot reach " + config.endpoint() + ": " + e.getMessage());
            return 1;
        }
        int failed = 0;
        for (String share : shares) {
            if (dryRun) {
                out.println("would delete " + share);
                continue;
            }
            Response deleted = client.deleteShare(share);
            if (deleted.statusCode() == 202 || deleted.statusCode() == 404) {
                out.println("deleted " + share);
            } else {
                failed++;
                out.println("could not delete " + share + ": " + deleted.statusCode() + " "
                        + deleted.header("x-ms-error-code"));
            }
        }
        out.println(shares.size() + " share" + (shares.size() == 1 ? "" : "s") + " named " + prefix + "* on "
                + config.endpoint() + (dryRun ? " (dry run)" : ", " + (shares.size() - failed) + " deleted"));
        return failed == 0 ? 0 : 1;
    }

    /** Every share whose name starts with {@code prefix}, following List Shares markers. */
    private static List<String> leftBehind(TargetClient client, String prefix) {
        List<String> names = new ArrayList<>();
        String marker = "";
        do {
            Response listed = client.request().get(TargetClient.withQuery(client.endpoint().toString(),
                    "comp", "list", "prefix", prefix, "marker", marker.isEmpty() ? null : marker));
            if (listed.statusCode() != 200) {
                throw new UsageException("List Shares on " + client.endpoint() + " answered " + listed.statusCode()
                        + " " + listed.header("x-ms-error-code") + "; check the endpoint, account and key");
            }
            Document body = parse(listed.asByteArray());
            NodeList shareNames = body.getElementsByTagName("Name");
            for (int i = 0; i < shareNames.getLength(); i++) {
                if (((Element) shareNames.item(i).getParentNode()).getTagName().equals("Share")) {
                    names.add(shareNames.item(i).getTextContent());
                }
            }
            NodeList next = body.getElementsByTagName("NextMarker");
            marker = next.getLength() == 0 ? "" : next.item(0).getTextContent();
        } while (!marker.isEmpty());
        return names;
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new UsageException("the target's List Shares answer is not XML: " + e.getMessage());
        }
    }
}
