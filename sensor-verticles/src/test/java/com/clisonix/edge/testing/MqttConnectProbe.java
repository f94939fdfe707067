package com.clisonix.edge.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks an MQTT broker whether it accepts an account, with a bare MQTT 3.1.1 CONNECT and the
 * broker's CONNACK. Used to wait until a freshly started (or reloaded) broker really serves
 * clients: an open TCP port alone does not prove the password file has been read.
 */
final class MqttConnectProbe {

  /** CONNACK return code 0: connection accepted. */
  static final int ACCEPTED = 0;
  /** No answer at all (refused TCP connection, timeout, closed socket). */
  static final int NO_ANSWER = -1;

  private MqttConnectProbe() {
  }

  /**
   * Connects with a clean session and disconnects again.
   *
   * @param credentials the account, or {@code null} for an anonymous attempt
   * @return the CONNACK return code (0 accepted, 4 bad user name or password, 5 not
   *     authorised), or {@link #NO_ANSWER}
   */
  static int connect(String host, int port, Credentials credentials, Duration timeout) {
    int millis = (int) timeout.toMillis();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), millis);
      socket.setSoTimeout(millis);
      OutputStream out = socket.getOutputStream();
      out.write(connectPacket("probe-" + Long.toHexString(System.nanoTime()), credentials));
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int type = in.readUnsignedByte();
      int length = in.readUnsignedByte();
      if (type != 0x20 || length != 2) {
        return NO_ANSWER;
      }
      in.readUnsignedByte();
      int code = in.readUnsignedByte();
      if (code == ACCEPTED) {
        out.write(new byte[] {(byte) 0xE0, 0});
        out.flush();
      }
      return code;
    } catch (IOException e) {
      return NO_ANSWER;
    }
  }

  static byte[] connectPacket(String clientId, Credentials credentials) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    writeString(body, "MQTT");
    body.write(4);
    int flags = 0x02;
    if (credentials != null) {
      flags |= 0x80 | 0x40;
    }
    body.write(flags);
    body.write(0);
    body.write(10);
    writeString(body, clientId);
    if (credentials != null) {
      writeString(body, credentials.username());
      writeString(body, credentials.password());
    }
    ByteArrayOutputStream packet = new ByteArrayOutputStream();
    packet.write(0x10);
    int remaining = body.size();
    do {
      int digit = remaining % 128;
      remaining /= 128;
      packet.write(remaining > 0 ? digit | 0x80 : digit);
    } while (remaining > 0);
    packet.writeBytes(body.toByteArray());
    return packet.toByteArray();
  }

  private static void writeString(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.write(bytes.length >> 8);
    out.write(bytes.length & 0xFF);
    out.writeBytes(bytes);
  }
}
