package com.clisonix.edge.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clisonix.edge.sensor.decode.DecodeResult;
import com.clisonix.edge.sensor.gatt.HeartRateMeasurementDecoder;
import com.clisonix.edge.sensor.reading.Measurement;
import com.clisonix.edge.sensor.reading.ReadingType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The harness's pure parts: percentiles, the summary line, the rate search, packets, /proc, GC log, metrics text. */
class HarnessPureTest {

  @Test
  void percentilesAreNearestRank() {
    Latencies l = new Latencies();
    for (int i = 100; i >= 1; i--) {
      l.add(i * 1000L); // 1..100 ms, added out of order
    }
    assertThat(l.count()).isEqualTo(100);
    assertThat(l.percentile(0.50)).isEqualTo(50_000);
    assertThat(l.percentile(0.99)).isEqualTo(99_000);
    assertThat(l.percentile(0.999)).isEqualTo(100_000);
    assertThat(l.percentile(1.0)).isEqualTo(100_000);
    assertThat(l.max()).isEqualTo(100_000);
    // a single slow sample among 1,000 is the p99.9 but not the p99
    Latencies tail = new Latencies();
    for (int i = 0; i < 999; i++) {
      tail.add(1_000);
    }
    tail.add(500_000);
    assertThat(tail.percentile(0.99)).isEqualTo(1_000);
    assertThat(tail.percentile(0.999)).isEqualTo(1_000);
    assertThat(tail.percentile(1.0)).isEqualTo(500_000);
    assertThat(new Latencies().percentile(0.99)).isEqualTo(-1);
    assertThatThrownBy(() -> l.percentile(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void summaryLineHasExactlyTheIssuesFields() {
    String line = new SummaryLine(51_234, 80_000, 410, 12_345, 2_500, 187).format();
    assertThat(line).isEqualTo(
        "e2e_readings_per_s=51234 copy_ratio=0.64 naive_ratio=124.96 p99_ms=12.35 broker_p99_ms=2.50 rss_mb=187");
    assertThat(line).matches(Pattern.compile("e2e_readings_per_s=\\d+ copy_ratio=[0-9.]+ naive_ratio=[0-9.]+ "
        + "p99_ms=[0-9.]+ broker_p99_ms=[0-9.]+ rss_mb=\\d+"));
    // what was not measured says so rather than printing a made-up number
    assertThat(new SummaryLine(-1, 0, -1, -1, -1, -1).format()).isEqualTo(
        "e2e_readings_per_s=-1 copy_ratio=n/a naive_ratio=n/a p99_ms=n/a broker_p99_ms=n/a rss_mb=n/a");
  }

  @Test
  void rateSearchDoublesThenBisects() {
    RateSearch s = new RateSearch(1000, 100_000, 0.1, 20);
    List<Integer> tried = new ArrayList<>();
    int capacity = 5000;
    while (s.next() > 0) {
      tried.add(s.next());
      s.record(s.next() <= capacity);
    }
    assertThat(tried).startsWith(1000, 2000, 4000, 8000, 6000, 5000, 5500);
    assertThat(s.best()).isEqualTo(5000);
    // within 10 % of the first failure when it stops
    assertThat(tried.get(tried.size() - 1)).isBetween(5000, 5500);
  }

  @Test
  void rateSearchHalvesWhenTheFirstStepFailsAndRespectsTheBudget() {
    RateSearch s = new RateSearch(4000, 10_000, 0.1, 3);
    s.record(false);
    assertThat(s.next()).isEqualTo(2000);
    s.record(true);
    assertThat(s.next()).isEqualTo(3000);
    s.record(true);
    assertThat(s.next()).isEqualTo(-1);
    assertThat(s.best()).isEqualTo(3000);
    RateSearch capped = new RateSearch(6000, 10_000, 0.1, 10);
    capped.record(true);
    assertThat(capped.next()).isEqualTo(10_000);
    capped.record(true);
    assertThat(capped.next()).isEqualTo(-1);
  }

  @Test
  void packetsAreHeartRateMeasurementsThatCarryTheirSequenceNumber() {
    // GATT 0x2A37 (Bluetooth GSS, Heart Rate Measurement): flags bit 3 = Energy Expended present
    for (int seq : new int[] {0, 1, 199, 200, 65_535}) {
      byte[] p = HrPackets.packet(seq);
      assertThat(HrPackets.seqOf(p)).isEqualTo(seq & 0xFFFF);
      DecodeResult r = new HeartRateMeasurementDecoder().decode(p);
      assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
      List<Measurement> m = ((DecodeResult.Decoded) r).measurements();
      assertThat(m).contains(new Measurement(ReadingType.HEART_RATE, HrPackets.bpm(seq)),
          new Measurement(ReadingType.ENERGY_EXPENDED, seq & 0xFFFF));
    }
    assertThat(HrPackets.bpm(0)).isEqualTo(40);
    assertThat(HrPackets.bpm(HrPackets.TAGS)).isEqualTo(40);
    assertThat(HrPackets.tagOf(HrPackets.bpm(123))).isEqualTo(123);
    assertThat(HrPackets.tagOf(39)).isEqualTo(-1);
  }

  @Test
  void procFieldsAreReadAfterTheCommandName() {
    // proc(5): utime and stime are fields 14 and 15; a command name may hold spaces and ')'
    String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 567 0 0 20 0 40 0 100 0 0";
    assertThat(ProcFs.parseCpuTicks(stat)).isEqualTo(1234 + 567);
    assertThat(ProcFs.parseRssKb("Name:\tjava\nVmHWM:\t  300000 kB\nVmRSS:\t  204800 kB\n")).isEqualTo(204_800);
  }

  @Test
  void gcPausesAreSummedFromTheUnifiedLog() {
    String log = """
        [0.012s][info][gc] Using G1
        [1.234s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->8M(256M) 3.456ms
        [2.000s][info][gc] GC(1) Concurrent Mark Cycle
        [2.100s][info][gc] GC(1) Pause Remark 30M->30M(256M) 1.500ms
        [2.300s][info][gc] GC(1) Concurrent Mark Cycle 300.000ms
        [3.000s][info][gc] GC(2) Pause Young (Normal) (G1 Evacuation Pause) 40M->9M(256M) 10.044ms
        """;
    GcLog.Pauses p = GcLog.pauses(log);
    assertThat(p.count()).isEqualTo(3);
    assertThat(p.totalMs()).isCloseTo(15.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(p.maxMs()).isEqualTo(10.044);
  }

  @Test
  void metricFamiliesAreSummedOverLabels() {
    String text = """
        # HELP clisonix_ingest_rejected_total rejected payloads
        # TYPE clisonix_ingest_rejected_total counter
        clisonix_ingest_rejected_total{reason="malformed",source="ble"} 12.0
        clisonix_ingest_rejected_total{reason="ts_window",source="ble"} 3.0
        clisonix_ingest_rejected_totals_other 99.0
        clisonix_live_dropped_total 0.0
        """;
    assertThat(PromText.sum(text, "clisonix_ingest_rejected_total")).isEqualTo(15.0);
    assertThat(PromText.sum(text, "clisonix_live_dropped_total")).isEqualTo(0.0);
    assertThat(PromText.sum(text, "absent_total")).isEqualTo(0.0);
  }

  @Test
  void crowdFramesAreJsonOfTheAskedSize() {
    String four = Faults.crowdFrame(4, false);
    assertThat(new io.vertx.core.json.JsonObject(four).getJsonArray("people")).hasSize(4);
    assertThat(Faults.crowdFrame(2, true)).contains("NaN");
  }
}
