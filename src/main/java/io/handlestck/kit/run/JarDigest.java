package io.handlestck.kit.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SHA-256 of a jar, remembered in {@code NAME.jar.sha256} beside it together with the jar's size and
 * modification time, and computed again whenever either differs. The shaded jar is about 45 MB:
 * hashing it took about half a second of CPU in every run under the C1-only settings of
 * {@code bin/handles-tck} (no SHA intrinsics there), one tenth of a run's budget. Where the folder is
 * read-only the digest is simply computed each time.
 */
final class JarDigest {

    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    private JarDigest() {
    }

    static String of(Path jar) throws IOException, NoSuchAlgorithmException {
        Path memo = jar.resolveSibling(jar.getFileName() + ".sha256");
        String stamp = Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        String remembered = remembered(memo, stamp);
        if (remembered != null) {
            return remembered;
        }
        String digest = compute(jar);
        try {
            Path fresh = Files.createTempFile(jar.toAbsolutePath().getParent(), memo.getFileName().toString(), ".tmp");
            Files.writeString(fresh, stamp + "\n" + digest + "\n", StandardCharsets.US_ASCII);
            Files.move(fresh, memo, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            // Not writable here: the next run computes it again, which is only slower.
        }
        return digest;
    }

    private static String remembered(Path memo, String stamp) {
        try {
            List<String> lines = Files.readAllLines(memo, StandardCharsets.US_ASCII);
            if (lines.size() == 2 && lines.get(0).equals(stamp) && SHA_256_HEX.matcher(lines.get(1)).matches()) {
                return lines.get(1);
            }
        } catch (IOException e) {
            // No memo yet, or an unreadable one: compute.
        }
        return null;
    }

    private static String compute(Path jar) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(jar), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
