package com.clisonix.edge.gateway.livecache;

/**
 * The seam through which every value the live cache keeps in Redis passes: metrics objects and
 * readings are serialised to UTF-8 JSON bytes, then {@link #encode} turns them into the bytes
 * Redis stores, and {@link #decode} reverses it on the way back. Keys, scores and athlete ids
 * stay in clear (they are ids and times, which the product keeps readable everywhere); only the
 * values go through here.
 *
 * <p>Today the values are stored as they are ({@link PlaintextCacheValueCodec}). Encryption at
 * rest plugs an AES-256-GCM implementation in here without touching the cache: it may bind each
 * ciphertext to {@code key} (as associated data) so a value copied under another key does not
 * decrypt, and it must throw from {@link #decode} when a value cannot be authenticated (wrong
 * key, tampering) rather than return anything. A throwing decode makes the read fail; the
 * gateway then answers from memory and logs the failure.
 *
 * <p>Implementations are called on the live cache's event loop: they must not block and must be
 * safe to call from one thread at a time (they need not be thread-safe).
 */
public interface CacheValueCodec {

  /**
   * @param key the Redis key the value is stored under (for a sorted set, the set's key)
   * @param plain the value as UTF-8 JSON
   * @return the bytes to store
   */
  byte[] encode(String key, byte[] plain);

  /**
   * @param key the Redis key the value was read from
   * @param stored the bytes as Redis returned them
   * @return the UTF-8 JSON that was encoded
   * @throws IllegalStateException when the stored bytes cannot be turned back into a value
   */
  byte[] decode(String key, byte[] stored);
}
