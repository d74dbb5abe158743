package io.handlestck.cli;

import io.handlestck.kit.run.KitRunner;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, so {@code --version} always names the build that runs, as the reports do. */
public final class KitVersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"handles-tck " + KitRunner.kitVersion()};
    }
}
