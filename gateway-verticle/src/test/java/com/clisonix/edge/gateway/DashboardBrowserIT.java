package com.clisonix.edge.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coach dashboard in a real browser: Debian's headless Chromium, driven over the Chrome
 * DevTools protocol, against {@code clisonix-edge.jar --demo} with 60 simulated athletes. One
 * coach's morning in order: the floor, pairing a new strap and watching its wearer's zone rise,
 * the music, an athlete's detail, and the gateway restarting under the open page.
 */
@Tag("system")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
  static final int ATHLETES = 60;
  /** Screenshots go with the docs (README and docs/dashboard.md show them); the module's parent holds docs/. */
  static final Path IMAGES = Files.isDirectory(Path.of("..", "docs")) ? Path.of("..", "docs", "img") : Path.of("target");

  @TempDir
  static Path dir;
  static DashboardSession s;

  @BeforeAll
  static void start() throws Exception {
    s = DashboardSession.start(dir, ATHLETES);
  }

  @AfterAll
  static void stop() throws Exception {
    if (s != null) {
      s.close();
    }
  }

  @Test
  @Order(1)
  void sixtySimulatedAthletesFitOneScreenAndUpdateLive() throws Exception {
    s.until("document.querySelectorAll('#floor .tile').length >= " + ATHLETES, Duration.ofSeconds(60));
    assertThat(s.eval("getComputedStyle(document.getElementById('login-view')).display")).isEqualTo("none");
    assertThat(s.eval("sessionStorage.getItem('clisonix.token') !== null")).isEqualTo(true);

    String userId = (String) s.eval("document.querySelector('#floor .tile').dataset.userId");
    String hrOf = "document.querySelector('#floor .tile[data-user-id=\"" + userId + "\"] .hr').textContent";
    String first = (String) s.eval(hrOf);
    s.until(hrOf + " !== '" + first + "'", Duration.ofSeconds(20));
    assertThat((String) s.eval(hrOf)).as("a number of beats per minute").matches("\\d{2,3}");
    assertThat(s.eval("document.getElementById('conn').textContent")).isEqualTo("Live");

    // every tile is inside the 1920x1080 viewport, beside the side panel: nothing to scroll to
    JsonObject layout = new JsonObject((String) s.eval("(() => { const r = [...document.querySelectorAll('#floor .tile')]"
        + ".map(t => t.getBoundingClientRect()); return JSON.stringify({tiles: r.length,"
        + " bottom: Math.max(...r.map(b => b.bottom)), right: Math.max(...r.map(b => b.right)),"
        + " side: document.querySelector('.side').getBoundingClientRect().left,"
        + " width: window.innerWidth, height: window.innerHeight}); })()"));
    assertThat(layout.getInteger("tiles")).isGreaterThanOrEqualTo(ATHLETES);
    assertThat(layout.getDouble("bottom")).as("lowest tile within the screen: " + layout).isLessThanOrEqualTo(1080.0);
    assertThat(layout.getDouble("right")).as("tiles left of the side panel: " + layout)
        .isLessThanOrEqualTo(layout.getDouble("side"));
    assertThat(s.eval("document.documentElement.scrollHeight <= window.innerHeight")).as("no scrolling").isEqualTo(true);

    // the leaderboard ranks by effort points, with the number written out
    s.until("document.querySelectorAll('#leaderboard tbody tr').length >= 3", Duration.ofSeconds(20));
    // text against what is behind it, as WCAG computes it: at least 4.5:1 (AA for normal text)
    JsonArray low = new JsonArray((String) s.eval(CONTRAST + "(['#floor .tile .name', '#floor .tile .hr', '#floor .tile .pct',"
        + " '#floor .tile .stats', '#floor .tile .ex', '#floor .tile .zone', '#conn', '#athlete-count', '#class-timer',"
        + " '#leaderboard td', '.side h2', '#music-bpm', '#music-apply', '#logout', '#bridges li'])"));
    assertThat(low).as("elements below 4.5:1").isEmpty();

    JsonArray points = new JsonArray((String) s.eval("JSON.stringify([...document.querySelectorAll('#leaderboard tbody tr')]"
        + ".map(r => Number(r.cells[2].textContent)))"));
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.getDouble(i)).as("leaderboard order " + points).isLessThanOrEqualTo(points.getDouble(i - 1));
    }
  }

  @Test
  @Order(2)
  void aNewStrapIsPairedFromTheListAndItsTileChangesZoneAsTheHeartRateRises() throws Exception {
    String strap = "D0D0D0000001";
    String user = s.createAthlete("zoe_newcomer", 190);
    // a strap nobody has paired shows up as unassigned
    s.publishHeartRate("it-bridge", strap, 96);
    s.until("document.querySelector('#unassigned li[data-device-id=\"" + strap + "\"] button')", Duration.ofSeconds(40));
    s.eval("document.querySelector('#unassigned li[data-device-id=\"" + strap + "\"] button').click()");
    s.until("document.getElementById('pair-dialog').open", Duration.ofSeconds(5));
    s.type("pair-label", "Loaner strap 1");
    s.type("pair-query", "zoe_new");
    s.until("[...document.querySelectorAll('#pair-results button')].some(b => b.textContent.startsWith('zoe_newcomer'))",
        Duration.ofSeconds(10));
    s.eval("[...document.querySelectorAll('#pair-results button')].find(b => b.textContent.startsWith('zoe_newcomer')).click()");
    s.until("!document.getElementById('pair-dialog').open", Duration.ofSeconds(10));
    JsonObject device = devices().stream().map(JsonObject.class::cast).filter(d -> strap.equals(d.getString("device_id")))
        .findFirst().orElseThrow();
    assertThat(device.getString("paired_user_id")).isEqualTo(user);
    assertThat(device.getString("label")).isEqualTo("Loaner strap 1");

    // 96 bpm is 50 % of her HRmax of 190: zone 1; 180 bpm is 95 %: zone 5
    String tile = "document.querySelector('#floor .tile[data-user-id=\"" + user + "\"]')";
    publishUntil(strap, 96, tile + " && " + tile + ".classList.contains('z1')");
    String grey = (String) s.eval("getComputedStyle(" + tile + ").borderTopColor");
    assertThat(s.eval(tile + ".querySelector('.zone').textContent")).isEqualTo("Z1");
    publishUntil(strap, 180, tile + ".classList.contains('z5')");
    assertThat(s.eval(tile + ".querySelector('.zone').textContent")).as("the zone as a number, not only a colour")
        .isEqualTo("Z5");
    assertThat(s.eval(tile + ".querySelector('.hr').textContent")).isEqualTo("180");
    assertThat((String) s.eval("getComputedStyle(" + tile + ").borderTopColor")).as("zone colour")
        .isEqualTo("rgb(255, 90, 79)").isNotEqualTo(grey);

    // unpair from her detail: the strap is nobody's again
    s.eval(tile + ".click()");
    s.until("document.getElementById('athlete-dialog').open && document.querySelector('#athlete-devices button.danger')",
        Duration.ofSeconds(10));
    assertThat(s.eval("document.querySelector('#athlete-devices input').value")).isEqualTo("Loaner strap 1");
    s.eval("document.querySelector('#athlete-devices button.danger').click()");
    s.until("!document.querySelector('#athlete-devices button.danger')", Duration.ofSeconds(10));
    assertThat(devices().stream().map(JsonObject.class::cast).filter(d -> strap.equals(d.getString("device_id")))
        .findFirst().orElseThrow().getValue("paired_user_id")).isNull();
    s.key("Escape");
    s.until("!document.getElementById('athlete-dialog').open", Duration.ofSeconds(5));
  }

  @Test
  @Order(3)
  void theCoachChangesTheMusicModeAndSeesWhyAWrongValueIsRefused() throws Exception {
    s.until("document.getElementById('music-bpm').textContent !== '–'", Duration.ofSeconds(20));
    // a floor of 90 above a ceiling of 80 is refused, and the page says so
    s.eval("document.getElementById('music-min-input').value = '90'");
    s.eval("document.getElementById('music-max-input').value = '80'");
    s.eval("document.getElementById('music-apply').click()");
    s.until("document.getElementById('music-error').textContent.length > 0", Duration.ofSeconds(10));
    assertThat((String) s.eval("document.getElementById('music-error').textContent")).contains("Music not changed");
    assertThat(((JsonObject) s.api("GET", "/fitness/music", null)).getDouble("max_bpm")).isNotEqualTo(80.0);

    s.eval("document.getElementById('music-min-input').value = '90'");
    s.eval("document.getElementById('music-max-input').value = '160'");
    s.eval("document.getElementById('music-mode-input').value = 'manual'");
    s.eval("document.getElementById('music-style-input').value = 'rock'");
    s.eval("document.getElementById('music-bpm-input').value = '128'");
    s.eval("document.getElementById('music-apply').click()");
    s.until("document.getElementById('music-mode').textContent === 'manual'", Duration.ofSeconds(10));
    assertThat(s.eval("document.getElementById('music-error').textContent")).isEqualTo("");
    JsonObject tempo = (JsonObject) s.api("GET", "/fitness/music", null);
    assertThat(tempo.getString("mode")).isEqualTo("manual");
    assertThat(tempo.getString("style")).isEqualTo("rock");
    // the tempo walks to a new manual bpm at 3 % per bar (docs/music.md), about 2 s a bar
    // (the last step may stop a fraction short: the panel rounds, so 127 counts as arrived)
    s.until("Math.abs(Number(document.getElementById('music-bpm').textContent) - 128) <= 1", Duration.ofSeconds(60));
  }

  @Test
  @Order(4)
  void anAthleteOpensWithTheKeyboardAndShowsTheChartZonesAndExercises() throws Exception {
    // keyboard only: focus the first tile, move right with an arrow key, open with Enter
    s.eval("document.querySelector('#floor .tile').focus()");
    s.key("ArrowRight");
    String userId = (String) s.eval("document.activeElement.dataset.userId");
    assertThat(userId).as("the arrow key moved the focus to the next tile")
        .isEqualTo(s.eval("document.querySelectorAll('#floor .tile')[1].dataset.userId"));
    s.key("Enter");
    s.until("document.getElementById('athlete-dialog').open", Duration.ofSeconds(5));
    // the chart is drawn from the stored readings of the last 10 minutes
    s.until("Number(document.getElementById('athlete-chart').dataset.points) >= 10"
        + " && document.querySelector('#athlete-chart canvas')", Duration.ofSeconds(20));
    Number inked = (Number) s.eval("(() => { const c = document.querySelector('#athlete-chart canvas');"
        + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
        + " for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; })()");
    assertThat(inked.intValue()).as("pixels the chart painted").isGreaterThan(1000);
    assertThat((String) s.eval("document.getElementById('chart-legend').textContent")).contains("zone 1 from", "5 from");
    assertThat(((Number) s.eval("document.querySelectorAll('#athlete-zones li').length")).intValue()).isEqualTo(5);
    assertThat((String) s.eval("document.getElementById('athlete-hrv').textContent")).contains("HRV", "stress");
    assertThat((String) s.eval("document.querySelector('#athlete-dialog .explain').textContent"))
        .contains("During exercise");
    s.until("document.querySelectorAll('#athlete-exercises tbody tr').length > 0", Duration.ofSeconds(10));
    s.screenshot(IMAGES.resolve("dashboard-athlete.png"));
    s.key("Escape");
    s.until("!document.getElementById('athlete-dialog').open", Duration.ofSeconds(5));
    assertThat(s.eval("document.activeElement.dataset.userId")).as("focus back on the tile").isEqualTo(userId);
  }

  @Test
  @Order(5)
  void endingTheClassShowsAPrintableSummary() throws Exception {
    // a few minutes into the class the floor has spread over the zones: the picture for the docs
    s.screenshot(IMAGES.resolve("dashboard-floor.png"));
    s.until("!document.getElementById('class-end').hidden", Duration.ofSeconds(20));
    s.eval("document.getElementById('class-end').click()");
    s.until("!document.getElementById('summary-view').hidden", Duration.ofSeconds(20));
    int rows = ((Number) s.eval("document.querySelectorAll('#summary-table tbody tr').length")).intValue();
    assertThat(rows).as("one row per attendee").isGreaterThanOrEqualTo(ATHLETES);
    JsonArray first = new JsonArray((String) s.eval("JSON.stringify([...document.querySelector('#summary-table tbody tr')"
        + ".cells].map(c => c.textContent))"));
    assertThat(first.getString(1)).as("kcal " + first).matches("\\d+");
    assertThat(first.getString(2)).as("effort points " + first).matches("\\d+");
    assertThat(first.getString(4)).as("average heart rate " + first).matches("\\d{2,3}");
    // printed, only the summary remains
    s.cdp("Emulation.setEmulatedMedia", new JsonObject().put("media", "print"));
    assertThat(s.eval("getComputedStyle(document.getElementById('floor-view')).display")).isEqualTo("none");
    assertThat(s.eval("document.getElementById('summary-print').getClientRects().length")).isEqualTo(0);
    assertThat(s.eval("document.querySelector('#summary-table tbody tr').getClientRects().length")).isEqualTo(1);
    assertThat(s.eval("getComputedStyle(document.body).backgroundColor")).isEqualTo("rgb(255, 255, 255)");
    s.cdp("Emulation.setEmulatedMedia", new JsonObject().put("media", ""));
    s.eval("document.getElementById('summary-close').click()");
    s.until("!document.getElementById('floor-view').hidden", Duration.ofSeconds(5));
  }

  @Test
  @Order(6)
  void thePageRecoversByItselfAfterTheGatewayIsKilledAndStartedAgain() throws Exception {
    s.until("document.getElementById('conn').textContent === 'Live'", Duration.ofSeconds(20));
    s.killAndRestartGateway();
    s.until("document.getElementById('conn').textContent === 'Live'", Duration.ofSeconds(120));
    // the restarted demo has a new class of athletes: their tiles arrive and change with no click
    s.until("[...document.querySelectorAll('#floor .tile')].filter(t => !t.classList.contains('stale')).length >= "
        + ATHLETES, Duration.ofSeconds(60));
    String live = "[...document.querySelectorAll('#floor .tile')].find(t => !t.classList.contains('stale'))";
    String userId = (String) s.eval(live + ".dataset.userId");
    String hrOf = "document.querySelector('#floor .tile[data-user-id=\"" + userId + "\"] .hr').textContent";
    String before = (String) s.eval(hrOf);
    s.until(hrOf + " !== '" + before + "'", Duration.ofSeconds(20));
    assertThat(s.eval("document.getElementById('login-view').hidden")).as("still signed in").isEqualTo(true);
  }

  /** A page function: the selectors whose first visible element's text is below 4.5:1 against its background. */
  private static final String CONTRAST = "((sels) => { const lum = c => { const v = c.match(/[\\d.]+/g).slice(0, 3)"
      + ".map(Number).map(x => x / 255).map(x => x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4));"
      + " return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };"
      + " const bg = el => { for (let e = el; e; e = e.parentElement) { const b = getComputedStyle(e).backgroundColor;"
      + " const a = b.match(/[\\d.]+/g); if (a && (a.length < 4 || Number(a[3]) > 0.5)) return b; } return 'rgb(255,255,255)'; };"
      + " const out = []; for (const sel of sels) { const el = [...document.querySelectorAll(sel)]"
      + ".find(e => e.getClientRects().length); if (!el) { out.push(sel + ': not shown'); continue; }"
      + " const l1 = lum(getComputedStyle(el).color), l2 = lum(bg(el));"
      + " const r = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05); if (r < 4.5) out.push(sel + ': ' + r.toFixed(2)); }"
      + " return JSON.stringify(out); })";

  private static JsonArray devices() throws Exception {
    return (JsonArray) s.api("GET", "/fitness/devices", null);
  }

  /** Publishes the heart rate every 1.1 s (each reading past the once-a-second edge) until the page shows it. */
  private static void publishUntil(String strap, int bpm, String condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      s.publishHeartRate("it-bridge", strap, bpm);
      Thread.sleep(1100);
      if (Boolean.TRUE.equals(s.eval("!!(" + condition + ")"))) {
        return;
      }
    }
    s.until(condition, Duration.ofSeconds(1));
  }
}
