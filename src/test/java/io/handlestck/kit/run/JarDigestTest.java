package io.handlestck.kit.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarDigestTest {

    /** SHA-256 of the ASCII text "abc" (FIPS 180-2, appendix B.1). */
    private static final String SHA_256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    @Test
    void computesTheDigestAndRemembersItBesideTheJar() throws Exception {
        Path jar = Files.writeString(dir.resolve("kit.jar"), "abc", StandardCharsets.US_ASCII);

        assertThat(JarDigest.of(jar)).isEqualTo(SHA_256_OF_ABC);
        assertThat(Files.readAllLines(dir.resolve("kit.jar.sha256")))
                .containsExactly("3 " + Files.getLastModifiedTime(jar).toMillis(), SHA_256_OF_ABC);
    }

    @Test
    void aJarChangedSinceTheMemoIsHashedAgain() throws Exception {
        Path jar = Files.writeString(dir.resolve("kit.jar"), "abc", StandardCharsets.US_ASCII);
        FileTime first = FileTime.fromMillis(1_700_000_000_000L);
        Files.setLastModifiedTime(jar, first);
        JarDigest.of(jar);

        // Same size, other content: only the modification time tells them apart.
        Files.writeString(jar, "abd", StandardCharsets.US_ASCII);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(first.toMillis() + 1000));

        assertThat(JarDigest.of(jar)).isNotEqualTo(SHA_256_OF_ABC)
                .isEqualTo("a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9");
    }

    @Test
    void aMemoThatIsNotADigestIsIgnored() throws Exception {
        Path jar = Files.writeString(dir.resolve("kit.jar"), "abc", StandardCharsets.US_ASCII);
        Files.writeString(dir.resolve("kit.jar.sha256"),
                "3 " + Files.getLastModifiedTime(jar).toMillis() + "\nnot a digest\n");

        assertThat(JarDigest.of(jar)).isEqualTo(SHA_256_OF_ABC);
    }
}
