package com.clisonix.edge.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.clisonix.edge.gateway.config.PgUri;
import com.clisonix.edge.gateway.crypto.EncryptedColumn;
import com.clisonix.edge.gateway.crypto.StoreCrypto;
import com.clisonix.edge.testing.PostgresService;
import com.clisonix.edge.testing.RealServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The edge and cloud schemas on a real PostgreSQL. Column lists are the Fitness Training Module
 * specification's CREATE TABLE statements (fitness-module-spec.md, "Database Setup").
 */
@RealServices
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaMigratorTest {
  static final List<String> SPEC_TABLES = List.of("fitness_users", "workouts", "exercises", "biometric_data",
      "coaching_sessions", "user_achievements", "fitness_stats");
  static final List<String> FITNESS_USERS_COLUMNS = List.of("id", "user_id", "username", "email", "age", "gender",
      "height_cm", "weight_kg", "fitness_level", "primary_goal", "secondary_goals", "resting_heart_rate",
      "max_heart_rate", "vo2_max", "preferred_workout_time", "preferred_intensity", "workout_duration_minutes",
      "workouts_per_week", "linked_wearables", "camera_enabled", "microphone_enabled", "created_at", "updated_at",
      "last_login", "active");
  static final List<String> WORKOUTS_COLUMNS = List.of("id", "user_id", "name", "description", "workout_type",
      "intensity", "started_at", "ended_at", "duration_minutes", "total_calories_burned", "average_heart_rate",
      "max_heart_rate", "min_heart_rate", "total_steps", "distance_km", "elevation_m", "mood_before", "mood_after",
      "energy_before", "energy_after", "pain_level", "music_playlist_id", "adaptive_music_bpm", "motivational_cues",
      "form_corrections", "ai_feedback", "completed", "notes", "location", "weather_conditions", "created_at",
      "updated_at");
  static final List<String> EXERCISES_COLUMNS = List.of("id", "workout_id", "name", "description", "exercise_type",
      "muscle_groups", "sets", "reps", "weight_kg", "duration_seconds", "distance_m", "form_score", "form_issues",
      "recommended_form_corrections", "pose_detection_data", "audio_coaching", "difficulty_rating", "started_at",
      "ended_at", "created_at");
  static final List<String> BIOMETRIC_COLUMNS = List.of("id", "user_id", "biometric_type", "value", "unit",
      "measurement_time", "context", "device_type", "device_id", "confidence_score", "raw_data", "created_at");
  // FitnessStats fields of the specification's "FitnessStats" model
  static final List<String> STATS_COLUMNS = List.of("id", "user_id", "total_workouts", "total_workout_hours",
      "total_calories_burned", "total_distance_km", "total_steps", "current_workout_streak", "longest_workout_streak",
      "avg_workout_duration_minutes", "avg_heart_rate", "avg_calories_per_workout", "max_heart_rate_recorded",
      "longest_workout_minutes", "weekly_improvement_percent", "monthly_improvement_percent", "form_accuracy_trend");

  PgUri edge;
  PgUri cloud;

  @BeforeAll
  void migrateBoth(PostgresService pg) throws Exception {
    edge = PgUri.parse("edge_db.uri", pg.uri());
    // the cloud gets a database of its own on the same server
    String cloudDb = pg.database() + "_cloud";
    try (Connection c = connect(edge); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + cloudDb);
      s.execute("CREATE DATABASE " + cloudDb);
    }
    cloud = new PgUri(edge.host(), edge.port(), cloudDb, edge.user(), edge.password(), edge.sslmode());
    // every script of the target's folders runs once on an empty database, and the one Java
    // migration (V5, encryption at rest) on both
    assertThat(SchemaMigrator.migrateBlocking(edge, SchemaMigrator.Target.EDGE).migrationsExecuted)
        .isEqualTo(scripts("common") + scripts("edge") + 1);
    assertThat(SchemaMigrator.migrateBlocking(cloud, SchemaMigrator.Target.CLOUD).migrationsExecuted)
        .isEqualTo(scripts("common") + scripts("cloud") + 1);
  }

  static int scripts(String folder) throws Exception {
    java.nio.file.Path dir = java.nio.file.Path.of(SchemaMigratorTest.class.getResource("/db/" + folder).toURI());
    try (var files = java.nio.file.Files.list(dir)) {
      return (int) files.filter(f -> f.getFileName().toString().matches("V[0-9_]+__.*\\.sql")).count();
    }
  }

  @org.junit.jupiter.api.AfterAll
  void dropCloud() throws Exception {
    try (Connection c = connect(edge); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + cloud.database() + " WITH (FORCE)");
    }
  }

  static Connection connect(PgUri uri) throws SQLException {
    return DriverManager.getConnection(uri.jdbcUrl(), uri.user(), uri.password());
  }

  static Set<String> columns(PgUri uri, String table) throws SQLException {
    Set<String> out = new TreeSet<>();
    try (Connection c = connect(uri); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
             + "AND table_name = '" + table + "'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  static List<String> tables(PgUri uri) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = connect(uri); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
             + "AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void edgeHasTheSpecificationsTablesWithItsColumnNames() throws Exception {
    assertThat(tables(edge)).containsAll(SPEC_TABLES)
        .contains("accounts", "devices", "pairings", "camera_track_pairings", "classes", "replication_cursor",
            "replication_erasures");
    assertThat(columns(edge, "fitness_users")).containsAll(FITNESS_USERS_COLUMNS);
    assertThat(columns(edge, "workouts")).containsAll(WORKOUTS_COLUMNS);
    assertThat(columns(edge, "exercises")).containsAll(EXERCISES_COLUMNS).contains("reps_counted");
    assertThat(columns(edge, "biometric_data")).containsAll(BIOMETRIC_COLUMNS);
    assertThat(columns(edge, "fitness_stats")).containsAll(STATS_COLUMNS);
    assertThat(columns(edge, "biometric_data")).doesNotContain("gym_id");
  }

  @Test
  void cloudAddsGymIdToEveryRowAndKeepsEdgeOnlyTablesOut() throws Exception {
    List<String> cloudTables = tables(cloud);
    assertThat(cloudTables).containsAll(SPEC_TABLES).doesNotContain("accounts", "replication_cursor");
    for (String t : cloudTables) {
      assertThat(columns(cloud, t)).as(t).contains("gym_id");
      assertThat(columns(cloud, t)).as(t + " has no edge bookkeeping").doesNotContain("repl_seq");
    }
    for (String t : SPEC_TABLES) {
      assertThat(columns(cloud, t)).as(t).containsAll(columns(edge, t).stream().filter(c -> !c.equals("repl_seq")).toList());
    }
  }

  @Test
  void migratingAgainChangesNothing() {
    assertThat(SchemaMigrator.migrateBlocking(edge, SchemaMigrator.Target.EDGE).migrationsExecuted).isZero();
  }

  /** A profile row as the store writes it: the email encrypted, its keyed hash beside it. */
  static void insertUser(Connection c, String id, String username, String email) throws SQLException {
    StoreCrypto crypto = com.clisonix.edge.gateway.GatewayTestConfig.crypto();
    try (PreparedStatement p = c.prepareStatement("INSERT INTO fitness_users (id, user_id, username, email, email_hash) "
        + "VALUES (?::uuid, ?, ?, ?, ?)")) {
      p.setString(1, id);
      p.setString(2, id);
      p.setString(3, username);
      p.setBytes(4, crypto.cipher().encryptString(EncryptedColumn.USER_EMAIL, email));
      p.setBytes(5, crypto.hash().email(email));
      p.execute();
    }
  }

  @Test
  void everyInsertAndUpdateTakesANewReplicationNumber() throws Exception {
    try (Connection c = connect(edge); Statement s = c.createStatement()) {
      insertUser(c, "11111111-1111-1111-1111-111111111111", "ann", "ann@example.com");
      long first = scalar(s, "SELECT repl_seq FROM fitness_users WHERE username = 'ann'");
      s.execute("UPDATE fitness_users SET weight_kg = 61 WHERE username = 'ann'");
      long second = scalar(s, "SELECT repl_seq FROM fitness_users WHERE username = 'ann'");
      assertThat(second).isGreaterThan(first);
      try (PreparedStatement p = c.prepareStatement("INSERT INTO biometric_data (id, user_id, biometric_type, value, unit, "
          + "measurement_time) VALUES (gen_random_uuid(), '11111111-1111-1111-1111-111111111111', 'heart_rate', ?, 'bpm', "
          + "now())")) {
        p.setBytes(1, com.clisonix.edge.gateway.GatewayTestConfig.crypto().cipher()
            .encryptDouble(EncryptedColumn.READING_VALUE, 120.0));
        p.execute();
      }
      assertThat(scalar(s, "SELECT repl_seq FROM biometric_data")).isGreaterThan(second);
      // erasing a profile erases its readings on the edge (ON DELETE CASCADE)
      s.execute("DELETE FROM fitness_users WHERE username = 'ann'");
      assertThat(scalar(s, "SELECT count(*) FROM biometric_data")).isZero();
    }
  }

  @Test
  void usernamesAndEmailsAreUniqueRegardlessOfCase() throws Exception {
    try (Connection c = connect(edge)) {
      insertUser(c, java.util.UUID.randomUUID().toString(), "Bo", "bo@example.com");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> insertUser(c, java.util.UUID.randomUUID().toString(), "bo",
          "other@example.com")).isInstanceOf(SQLException.class);
      // emails are encrypted: the keyed hash of the lower-cased email is what the unique index sees
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> insertUser(c, java.util.UUID.randomUUID().toString(), "bo2",
          "BO@example.com")).isInstanceOf(SQLException.class).hasMessageContaining("fitness_users_email_key");
    }
  }

  static long scalar(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
