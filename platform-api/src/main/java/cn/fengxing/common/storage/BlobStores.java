package cn.fengxing.common.storage;

import cn.fengxing.common.config.FengxingConfig;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import java.nio.file.Path;

/** The blob store the configuration names: a directory by default, or an S3-compatible bucket. */
@ApplicationScoped
public class BlobStores {

    @Produces
    @DefaultBean
    @ApplicationScoped
    BlobStore blobStore(FengxingConfig config) {
        FengxingConfig.Storage storage = config.storage();
        return switch (storage.kind()) {
            case filesystem -> new FileSystemBlobStore(Path.of(storage.directory()));
            case s3 -> new S3BlobStore(storage.s3());
        };
    }

    void close(@Disposes BlobStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
