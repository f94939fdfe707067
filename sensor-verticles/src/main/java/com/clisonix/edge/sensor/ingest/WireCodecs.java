package com.clisonix.edge.sensor.ingest;

import com.clisonix.edge.sensor.pose.PoseFormat;
import com.clisonix.edge.sensor.pose.PoseFrame;
import com.clisonix.edge.sensor.pose.PosePerson;
import com.clisonix.edge.sensor.reading.ReadingType;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The codecs of the records that travel from ingestion to the athletes' owners. Within one box a
 * record is passed by reference ({@code transform} returns it); between the members of a gym's
 * cluster it is written in a compact binary form (a reading is about 60 bytes plus its strings,
 * a pose person 33 x 4 float landmarks) instead of JSON, which would cost several times the bytes
 * and a parse on every hop.
 *
 * <p>Every encoded record starts with a format version byte; a member that meets another version
 * refuses the record (the boxes of one gym run the same release).
 */
public final class WireCodecs {
  static final byte VERSION = 1;

  private WireCodecs() {}

  /** Registers both codecs as the defaults of their types, once per Vert.x instance. */
  public static void register(Vertx vertx) {
    registerOnce(vertx, Reading.class, new ReadingCodec());
    registerOnce(vertx, IngestOutcome.PoseFrames.class, new PoseFramesCodec());
  }

  private static <T> void registerOnce(Vertx vertx, Class<T> type, MessageCodec<T, T> codec) {
    try {
      vertx.eventBus().registerDefaultCodec(type, codec);
    } catch (IllegalStateException alreadyRegistered) {
      // another verticle of this Vert.x registered it first
    }
  }

  /** A decoded reading: by reference locally, binary on the wire. */
  public static final class ReadingCodec implements MessageCodec<Reading, Reading> {
    @Override
    public void encodeToWire(Buffer buffer, Reading r) {
      int start = buffer.length();
      buffer.appendInt(0); // length, patched below
      buffer.appendByte(VERSION);
      writeReading(buffer, r);
      buffer.setInt(start, buffer.length() - start - 4);
    }

    @Override
    public Reading decodeFromWire(int pos, Buffer buffer) {
      Cursor c = new Cursor(buffer, pos + 4);
      checkVersion(c.readByte());
      return readReading(c);
    }

    @Override
    public Reading transform(Reading r) {
      return r;
    }

    @Override
    public String name() {
      return "clisonix.reading.v1";
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }

  /**
   * A pose frame with its paired people. The frame's dropped-field list and unassigned tracks are
   * not sent: analysis does not read them (ingestion already counted and reported them).
   */
  public static final class PoseFramesCodec implements MessageCodec<IngestOutcome.PoseFrames, IngestOutcome.PoseFrames> {
    @Override
    public void encodeToWire(Buffer buffer, IngestOutcome.PoseFrames p) {
      int start = buffer.length();
      buffer.appendInt(0);
      buffer.appendByte(VERSION);
      writeString(buffer, p.cameraId());
      PoseFrame f = p.frame();
      buffer.appendByte((byte) (f.ts().isPresent() ? 1 : 0));
      buffer.appendLong(f.ts().orElse(0));
      buffer.appendLong(f.frame());
      buffer.appendInt(f.width());
      buffer.appendInt(f.height());
      buffer.appendShort((short) f.people().size());
      for (PosePerson person : f.people()) {
        writeString(buffer, person.track());
        buffer.appendByte((byte) person.format().ordinal());
        writeRows(buffer, person.landmarks());
        writeRows(buffer, person.world());
      }
      buffer.appendShort((short) p.people().size());
      for (IngestOutcome.TrackedPerson tp : p.people()) {
        writeUuid(buffer, tp.userId());
        writeString(buffer, tp.track());
        writeString(buffer, tp.exercise());
        buffer.appendShort((short) tp.index());
      }
      buffer.appendInt(p.discarded());
      buffer.setInt(start, buffer.length() - start - 4);
    }

    @Override
    public IngestOutcome.PoseFrames decodeFromWire(int pos, Buffer buffer) {
      Cursor c = new Cursor(buffer, pos + 4);
      checkVersion(c.readByte());
      String camera = c.readString();
      boolean hasTs = c.readByte() == 1;
      long ts = c.readLong();
      long frameNo = c.readLong();
      int width = c.readInt();
      int height = c.readInt();
      int n = c.readShort();
      List<PosePerson> persons = new ArrayList<>(n);
      PoseFormat[] formats = PoseFormat.values();
      for (int i = 0; i < n; i++) {
        String track = c.readString();
        PoseFormat format = formats[c.readByte()];
        double[][] landmarks = c.readRows();
        double[][] world = c.readRows();
        persons.add(new PosePerson(track, format, landmarks, world));
      }
      int m = c.readShort();
      List<IngestOutcome.TrackedPerson> tracked = new ArrayList<>(m);
      for (int i = 0; i < m; i++) {
        tracked.add(new IngestOutcome.TrackedPerson(c.readUuid(), c.readString(), c.readString(), c.readShort()));
      }
      int discarded = c.readInt();
      PoseFrame frame = new PoseFrame(hasTs ? OptionalLong.of(ts) : OptionalLong.empty(), frameNo, width, height,
          persons, List.of());
      return new IngestOutcome.PoseFrames(camera, frame, tracked, List.of(), discarded);
    }

    @Override
    public IngestOutcome.PoseFrames transform(IngestOutcome.PoseFrames p) {
      return p;
    }

    @Override
    public String name() {
      return "clisonix.pose_frames.v1";
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }

  /**
   * The same frame with only the people {@code keep} accepts (and only their landmarks): what one
   * owner needs. Indexes are renumbered to the smaller list.
   */
  public static IngestOutcome.PoseFrames only(IngestOutcome.PoseFrames p,
      java.util.function.Predicate<IngestOutcome.TrackedPerson> keep) {
    List<PosePerson> persons = new ArrayList<>();
    List<IngestOutcome.TrackedPerson> tracked = new ArrayList<>();
    for (IngestOutcome.TrackedPerson tp : p.people()) {
      if (keep.test(tp) && tp.index() < p.frame().people().size()) {
        tracked.add(new IngestOutcome.TrackedPerson(tp.userId(), tp.track(), tp.exercise(), persons.size()));
        persons.add(p.frame().people().get(tp.index()));
      }
    }
    PoseFrame f = p.frame();
    return new IngestOutcome.PoseFrames(p.cameraId(), new PoseFrame(f.ts(), f.frame(), f.width(), f.height(), persons,
        List.of()), tracked, List.of(), p.discarded());
  }

  static void writeReading(Buffer b, Reading r) {
    writeUuid(b, r.userId());
    b.appendShort((short) r.type().ordinal());
    b.appendDouble(r.value());
    writeString(b, r.unit());
    b.appendLong(r.measuredAt());
    writeString(b, r.deviceId());
    writeString(b, r.deviceType());
    writeString(b, r.source());
    writeString(b, r.rawJson());
  }

  static Reading readReading(Cursor c) {
    UUID user = c.readUuid();
    ReadingType type = ReadingType.values()[c.readShort()];
    double value = c.readDouble();
    String unit = c.readString();
    long at = c.readLong();
    return new Reading(user, type, value, unit, at, c.readString(), c.readString(), c.readString(), c.readString());
  }

  private static void checkVersion(byte v) {
    if (v != VERSION) {
      throw new IllegalStateException("record format " + v + " from another release of the gateway; this one reads "
          + VERSION);
    }
  }

  private static void writeUuid(Buffer b, UUID id) {
    b.appendLong(id.getMostSignificantBits());
    b.appendLong(id.getLeastSignificantBits());
  }

  /** Length-prefixed UTF-8; length -1 is null. */
  private static void writeString(Buffer b, String s) {
    if (s == null) {
      b.appendInt(-1);
      return;
    }
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    b.appendInt(bytes.length);
    b.appendBytes(bytes);
  }

  /** Rows of equal length as floats: landmarks are normalised or in metres, float keeps 7 digits. */
  private static void writeRows(Buffer b, double[][] rows) {
    if (rows == null) {
      b.appendShort((short) -1);
      return;
    }
    b.appendShort((short) rows.length);
    b.appendByte((byte) (rows.length == 0 ? 0 : rows[0].length));
    for (double[] row : rows) {
      for (double v : row) {
        b.appendFloat((float) v);
      }
    }
  }

  /** Reads what the writers above wrote, front to back. */
  static final class Cursor {
    private final Buffer b;
    private int pos;

    Cursor(Buffer b, int pos) {
      this.b = b;
      this.pos = pos;
    }

    byte readByte() {
      return b.getByte(pos++);
    }

    short readShort() {
      short v = b.getShort(pos);
      pos += 2;
      return v;
    }

    int readInt() {
      int v = b.getInt(pos);
      pos += 4;
      return v;
    }

    long readLong() {
      long v = b.getLong(pos);
      pos += 8;
      return v;
    }

    double readDouble() {
      double v = b.getDouble(pos);
      pos += 8;
      return v;
    }

    UUID readUuid() {
      return new UUID(readLong(), readLong());
    }

    String readString() {
      int n = readInt();
      if (n < 0) {
        return null;
      }
      String s = b.getString(pos, pos + n, "UTF-8");
      pos += n;
      return s;
    }

    double[][] readRows() {
      int n = readShort();
      if (n < 0) {
        return null;
      }
      int width = readByte();
      double[][] rows = new double[n][width];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < width; j++) {
          rows[i][j] = b.getFloat(pos);
          pos += 4;
        }
      }
      return rows;
    }
  }
}
