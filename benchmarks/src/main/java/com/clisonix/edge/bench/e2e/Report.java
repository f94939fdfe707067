package com.clisonix.edge.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** What a run prints, also appended to {@code report.txt} in the run's folder. */
final class Report {
  private final Path file;

  Report(Path dir) {
    this.file = dir.resolve("report.txt");
  }

  synchronized void line(String text) {
    System.out.println(text);
    System.out.flush();
    try {
      Files.writeString(file, text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
