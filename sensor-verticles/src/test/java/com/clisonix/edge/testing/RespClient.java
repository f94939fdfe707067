package com.clisonix.edge.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;

/**
 * A minimal blocking Redis client (RESP2) for the extension's own chores: the PING that tells
 * a real server from an open port, and deleting a test class's keys afterwards. Tests use
 * vertx-redis-client; this exists so the extension needs no event loop during JUnit callbacks.
 */
final class RespClient implements AutoCloseable {

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RespClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new BufferedInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** Connects and, when the address says so, authenticates and selects the database. */
  static RespClient connect(RedisAddress address, Duration timeout) throws IOException {
    int millis = (int) timeout.toMillis();
    Socket socket = address.tls() ? SSLSocketFactory.getDefault().createSocket() : new Socket();
    try {
      socket.connect(new InetSocketAddress(address.host(), address.port()), millis);
      socket.setSoTimeout(millis);
      RespClient client = new RespClient(socket);
      if (address.password() != null) {
        if (address.username() != null) {
          client.command("AUTH", address.username(), address.password());
        } else {
          client.command("AUTH", address.password());
        }
      }
      if (address.database() != 0) {
        client.command("SELECT", Integer.toString(address.database()));
      }
      return client;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Sends one command and reads its reply: a {@code String} for simple and bulk strings, a
   * {@code Long} for integers, a {@code List} for arrays, {@code null} for nil.
   *
   * @throws IOException when the connection fails or the server answers with an error
   */
  Object command(String... args) throws IOException {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.writeBytes(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
    for (String arg : args) {
      byte[] bytes = arg.getBytes(StandardCharsets.UTF_8);
      request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
      request.writeBytes(bytes);
      request.writeBytes(new byte[] {'\r', '\n'});
    }
    out.write(request.toByteArray());
    out.flush();
    return readReply();
  }

  private Object readReply() throws IOException {
    int type = in.read();
    if (type < 0) {
      throw new EOFException("Redis closed the connection");
    }
    String line = readLine();
    switch (type) {
      case '+':
        return line;
      case '-':
        throw new IOException("Redis error: " + line);
      case ':':
        return Long.parseLong(line);
      case '$': {
        int length = Integer.parseInt(line);
        if (length < 0) {
          return null;
        }
        byte[] data = in.readNBytes(length + 2);
        if (data.length != length + 2) {
          throw new EOFException("Redis reply cut short");
        }
        return new String(data, 0, length, StandardCharsets.UTF_8);
      }
      case '*': {
        int count = Integer.parseInt(line);
        if (count < 0) {
          return null;
        }
        List<Object> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          items.add(readReply());
        }
        return items;
      }
      default:
        throw new IOException("Not a Redis reply (type byte " + type + ")");
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("Redis closed the connection");
      }
      if (previous == '\r' && b == '\n') {
        byte[] bytes = line.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
      }
      line.write(b);
      previous = b;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
