package io.handlestck.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, so {@code --version} always names the build that runs. */
public final class KitVersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"handles-tck " + version()};
    }

    /** The kit's version, or {@code development build} when not run from the built jar. */
    static String version() {
        String version = HandlesTck.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
