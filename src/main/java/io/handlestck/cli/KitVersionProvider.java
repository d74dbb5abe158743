package io.handlestck.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, so {@code --version} always names the build that runs. */
public final class KitVersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = HandlesTck.class.getPackage().getImplementationVersion();
        return new String[] {"handles-tck " + (version == null ? "development build" : version)};
    }
}
