package com.clisonix.edge.bench;

import com.clisonix.edge.sensor.pose.PoseFrame;
import com.clisonix.edge.sensor.pose.PoseFrameDecoder;
import com.clisonix.edge.sensor.sim.pose.PoseSample;
import com.clisonix.edge.sensor.sim.pose.PoseSequence;
import com.clisonix.edge.sensor.sim.pose.PoseSequenceSynthesizer;
import com.clisonix.edge.sensor.sim.pose.SequenceSpec;
import com.clisonix.edge.sensor.sim.pose.SimExercise;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Param;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A camera pose frame with four athletes in the BlazePose 33-landmark format, as a camera
 * watching a small group publishes it. The athletes are synthesised (squat, push-up, lunge,
 * deadlift, each with its own body size and noise) and the frame is written with a streaming
 * JSON writer, as a camera's JSON library would.
 *
 * <p>Parameters: {@code world} adds the 33 world landmarks per person (MediaPipe's landmarker
 * sends both); {@code precision} writes every number either with full double precision, the
 * way a camera that serialises float values unrounded does, or rounded to four decimals
 * (0.1 px on a 1280 px frame), the way a camera that trims its payload does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class PoseFrameBenchmark {

  static final int PEOPLE = 4;
  private static final SimExercise[] EXERCISES = {
    SimExercise.SQUAT, SimExercise.PUSH_UP, SimExercise.LUNGE, SimExercise.DEADLIFT,
  };

  @Param({"true", "false"})
  public boolean world;

  @Param({"full", "4dp"})
  public String precision;

  private final PoseFrameDecoder decoder = new PoseFrameDecoder();
  byte[][] frames;
  private int next;

  @Setup
  public void setUp() {
    boolean rounded = switch (precision) {
      case "full" -> false;
      case "4dp" -> true;
      default -> throw new IllegalArgumentException("precision must be full or 4dp: " + precision);
    };
    frames = buildFrames(world, rounded);
    for (int i = 0; i < frames.length; i++) {
      PoseFrame f = Fixtures.requireParsed(decoder.decode(frames[i]), "pose frame " + i);
      if (f.people().size() != PEOPLE || !f.dropped().isEmpty()
          || f.people().get(0).hasWorld() != world) {
        throw new IllegalStateException("pose frame " + i + " decoded as " + f.people().size()
            + " people, dropped " + f.dropped());
      }
    }
  }

  /** Frames of four people, {@link Fixtures#RING} of them, each a different moment of the sets. */
  static byte[][] buildFrames(boolean world, boolean rounded) {
    List<List<PoseSample>> people = sequences(world);
    byte[][] out = new byte[Fixtures.RING][];
    JsonFactory json = new JsonFactory();
    for (int i = 0; i < Fixtures.RING; i++) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream(32 * 1024);
      try (JsonGenerator g = json.createGenerator(buf)) {
        int sample = 30 + 7 * i;
        g.writeStartObject();
        g.writeNumberField("ts", people.get(0).get(sample).tsMillis());
        g.writeNumberField("frame", people.get(0).get(sample).frame());
        g.writeNumberField("width", 1280);
        g.writeNumberField("height", 720);
        g.writeArrayFieldStart("people");
        for (int p = 0; p < PEOPLE; p++) {
          PoseSample s = people.get(p).get(sample);
          g.writeStartObject();
          g.writeStringField("track", Integer.toString(p + 1));
          g.writeStringField("format", "mediapipe33");
          g.writeFieldName("landmarks");
          writeRows(g, s.landmarks(), rounded);
          if (world) {
            g.writeFieldName("world");
            writeRows(g, s.world(), rounded);
          }
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out[i] = buf.toByteArray();
    }
    return out;
  }

  private static List<List<PoseSample>> sequences(boolean world) {
    List<List<PoseSample>> people = new ArrayList<>(PEOPLE);
    for (int p = 0; p < PEOPLE; p++) {
      SequenceSpec spec = SequenceSpec.of(EXERCISES[p], 12, 1_000 + p)
          .withNoise(1.5 + p * 0.5, 0.1, 0.0)
          .withWorld(world);
      PoseSequence seq = PoseSequenceSynthesizer.generate(spec);
      people.add(seq.samples());
    }
    return people;
  }

  private static void writeRows(JsonGenerator g, double[][] rows, boolean rounded) throws IOException {
    g.writeStartArray();
    for (double[] row : rows) {
      g.writeStartArray();
      for (double v : row) {
        g.writeNumber(rounded ? Math.round(v * 10_000.0) / 10_000.0 : v);
      }
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  @Benchmark
  public void decodeFourPeople(Blackhole bh) {
    bh.consume(decoder.decode(frames[next++ & Fixtures.RING_MASK]));
  }
}
