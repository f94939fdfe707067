package com.clisonix.edge.bench.e2e;

/**
 * Heart Rate Measurement (GATT 0x2A37) packets that name themselves: flags 0x08 (uint8 heart rate,
 * Energy Expended present), the heart rate, then the energy field (uint16, little-endian) carrying
 * the message's sequence number. The gateway stores the energy field as an
 * {@code energy_expended} reading, so counting distinct values per device tells lost messages from
 * duplicated ones. The heart rate cycles through {@link #TAGS} values, so a live metrics frame's
 * {@code heart_rate} names the reading that triggered it.
 */
public final class HrPackets {
  /** Heart rates used as tags: 40 .. 40 + TAGS - 1 bpm, inside the decoders' 20-300 range. */
  public static final int TAGS = 200;
  public static final int MIN_BPM = 40;

  private HrPackets() {
  }

  public static byte[] packet(int seq) {
    int energy = seq & 0xFFFF;
    return new byte[] {0x08, (byte) bpm(seq), (byte) energy, (byte) (energy >>> 8)};
  }

  public static int bpm(int seq) {
    return MIN_BPM + Math.floorMod(seq, TAGS);
  }

  /** The tag of a heart rate seen in a metrics frame, or -1 if it is not one of ours. */
  public static int tagOf(int bpm) {
    int tag = bpm - MIN_BPM;
    return tag >= 0 && tag < TAGS ? tag : -1;
  }

  /** The sequence number a packet carries. */
  public static int seqOf(byte[] packet) {
    if (packet.length < 4 || packet[0] != 0x08) {
      throw new IllegalArgumentException("not a harness packet");
    }
    return (packet[2] & 0xFF) | (packet[3] & 0xFF) << 8;
  }
}
