package cn.fengxing.common.storage;

import java.util.List;
import java.util.Optional;

/**
 * Where the platform keeps files (report photos), by key. Keys are chosen by the platform (never by a
 * client) and start with the township's code, so a township's files can be listed, exported or removed.
 */
public interface BlobStore {

    void put(String key, byte[] bytes);

    Optional<byte[]> get(String key);

    void delete(String key);

    /** Every key that starts with {@code prefix} (e.g. a township's code and '/'), sorted. */
    List<String> list(String prefix);
}
