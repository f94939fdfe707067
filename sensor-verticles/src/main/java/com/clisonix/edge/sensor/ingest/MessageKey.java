package com.clisonix.edge.sensor.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The identity of an MQTT message for the contract's once-only rule.
 *
 * <p>A message with a {@code ts} is the same message as any other with the same device,
 * characteristic, payload and {@code ts}: its key is a digest of those ({@link Kind#TIMESTAMPED}),
 * kept as long as such a {@code ts} is accepted.
 *
 * <p>A message without {@code ts} has no identity of its own: a steady heart rate repeats its
 * bytes every second, and those are genuine readings. Only the broker's redelivery (DUP flag)
 * can repeat it, and a redelivery keeps its packet id, which no other unacknowledged message of
 * the session can hold. So its key is a digest of packet id, topic and payload
 * ({@link Kind#IN_FLIGHT}), kept only from commit until its acknowledgement is sent; a DUP
 * message whose key is still kept was committed before the acknowledgement was lost.
 */
public record MessageKey(byte[] digest, Kind kind) {

  /** How long a key is kept. */
  public enum Kind {
    TIMESTAMPED((short) 1), IN_FLIGHT((short) 2);

    private final short code;

    Kind(short code) {
      this.code = code;
    }

    public short code() {
      return code;
    }
  }

  public static MessageKey timestamped(String deviceId, String characteristic, byte[] payload, long ts) {
    MessageDigest md = sha256();
    md.update(("ts|" + deviceId + "|" + characteristic + "|" + ts + "|").getBytes(StandardCharsets.UTF_8));
    md.update(payload);
    return new MessageKey(Arrays.copyOf(md.digest(), 16), Kind.TIMESTAMPED);
  }

  public static MessageKey inFlight(int packetId, String topic, byte[] payload) {
    MessageDigest md = sha256();
    md.update(("mid|" + packetId + "|" + topic + "|").getBytes(StandardCharsets.UTF_8));
    md.update(payload);
    return new MessageKey(Arrays.copyOf(md.digest(), 16), Kind.IN_FLIGHT);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  public String hex() {
    return HexFormat.of().formatHex(digest);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MessageKey k && k.kind == kind && Arrays.equals(k.digest, digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest) * 31 + kind.hashCode();
  }

  @Override
  public String toString() {
    return kind + ":" + hex();
  }
}
