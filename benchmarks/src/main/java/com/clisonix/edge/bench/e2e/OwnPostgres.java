package com.clisonix.edge.bench.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's own PostgreSQL cluster: {@code initdb} into a temporary folder and
 * {@code pg_ctl} on a free loopback port, trust authentication for {@code postgres}. Run as the
 * {@code postgres} user when the harness runs as root (PostgreSQL refuses root). Settings are
 * PostgreSQL's defaults (fsync on): the edge box runs them so.
 */
final class OwnPostgres {
  final int port;
  private final Path dir;
  private final Path bin;

  OwnPostgres(Path dir) {
    this.dir = dir;
    this.port = Children.freePort();
    this.bin = binDir();
    try {
      Files.createDirectories(dir);
      if (Children.isRoot()) {
        Children.run(List.of("chown", "-R", "postgres:postgres", dir.toString()), 30);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Children.run(asPostgres(bin.resolve("initdb").toString(), "-D", data().toString(), "-A", "trust", "-U", "postgres",
        "-E", "UTF8", "--no-instructions"), 120);
  }

  private static Path binDir() {
    for (String v : List.of("17", "16", "15", "14")) {
      Path p = Path.of("/usr/lib/postgresql", v, "bin");
      if (Files.isExecutable(p.resolve("initdb"))) {
        return p;
      }
    }
    throw new IllegalStateException("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin "
        + "(apt-get install postgresql-15)");
  }

  private Path data() {
    return dir.resolve("data");
  }

  private static List<String> asPostgres(String... cmd) {
    List<String> out = new ArrayList<>();
    if (Children.isRoot()) {
      out.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    out.addAll(List.of(cmd));
    return out;
  }

  void start() {
    Children.run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l",
        dir.resolve("postgres.log").toString(), "-w", "-t", "60", "-o",
        "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c max_connections=100", "start"), 90);
  }

  /** {@code mode}: fast (orderly, as a service manager stops it) or immediate (as a crash does). */
  void stop(String mode) {
    Children.run(asPostgres(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", mode, "-w", "stop"), 60);
  }

  String uri(String db) {
    return "postgres://postgres@127.0.0.1:" + port + "/" + db;
  }

  Connection connect(String db) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + db + "?user=postgres");
  }

  void createDatabase(String name) {
    try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
  }

  void destroy() {
    try {
      stop("immediate");
    } catch (RuntimeException e) {
      // already down
    }
  }
}
