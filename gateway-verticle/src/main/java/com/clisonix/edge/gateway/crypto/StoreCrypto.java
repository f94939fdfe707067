package com.clisonix.edge.gateway.crypto;

/**
 * What a repository needs to keep values encrypted at rest: the cipher for values and the keyed
 * hash for lookups. One instance per process is enough (both are thread-safe); the Redis live
 * cache uses the same {@link FieldCipher} for its values.
 */
public record StoreCrypto(FieldCipher cipher, KeyedHash hash) {}
