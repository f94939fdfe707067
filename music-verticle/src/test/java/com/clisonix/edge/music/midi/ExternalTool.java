package com.clisonix.edge.music.midi;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Debian command-line tool for the system tests. A missing tool fails the test and says
 * which package to install; it never skips.
 */
final class ExternalTool {

    record Output(int exitCode, String stdout) {
    }

    private ExternalTool() {
    }

    /** Fails unless {@code command} is on the PATH. */
    static void require(String command, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return;
            }
        }
        fail("'" + command + "' is not installed: install the Debian package " + debianPackage
                + " (apt-get install -y " + debianPackage + ")");
    }

    /** Fails unless a file installed by a Debian package exists. */
    static void requireFile(Path file, String debianPackage) {
        if (!Files.isRegularFile(file)) {
            fail(file + " is missing: install the Debian package " + debianPackage
                    + " (apt-get install -y " + debianPackage + ")");
        }
    }

    /** Runs a command, capturing standard output; stderr goes to a temporary file shown on failure. */
    static Output run(Path workDir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile(workDir, "out", ".txt");
        Path stderr = Files.createTempFile(workDir, "err", ".txt");
        Process process = new ProcessBuilder(List.of(command)).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
        }
        if (process.exitValue() != 0) {
            fail(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return new Output(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8));
    }

    /** Splits one midicsv line into trimmed fields (the tool's text fields are not used here). */
    static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        for (String field : line.split(",")) {
            fields.add(field.strip());
        }
        return fields;
    }
}
