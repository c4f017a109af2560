package com.audioextraction.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.audioextraction.StartupFailure;
import com.audioextraction.ffmpeg.InputPolicy;
import com.audioextraction.s3.S3Connection;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.PropertyInject;
import org.apache.camel.component.minio.MinioComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where videos are read from: the bucket folder (audio.minio-data-path, audio.bucket-name) and the
 * S3 store (audio.s3.*), whose client camel-minio uses.
 */
@Configuration
public class SourceConfiguration implements CamelConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SourceConfiguration.class);

    /** The S3 store, or none when audio.s3.endpoint is empty. Nothing is contacted until a request needs it. */
    @BindToRegistry(lazy = true)
    public S3Connection s3Connection(CamelContext context, @PropertyInject("audio.s3.endpoint") String endpoint,
            @PropertyInject("audio.s3.access-key") String accessKey, @PropertyInject("audio.s3.secret-key") String secretKey,
            @PropertyInject("audio.s3.region") String region, @PropertyInject("audio.s3.timeout") Duration timeout)
            throws Exception {
        S3Connection s3 = S3Connection.of(endpoint, accessKey, secretKey, region, timeout);
        if (s3.configured()) {
            // every minio: endpoint uses this client
            context.getComponent("minio", MinioComponent.class).getConfiguration().setMinioClient(s3.client());
            context.addService(new ServiceSupport() {
                @Override
                protected void doStop() throws Exception {
                    s3.close();
                }
            }, true, true);
        }
        return s3;
    }

    @BindToRegistry(lazy = true)
    public SourceResolver sourceResolver(@PropertyInject("audio.minio-data-path") String dataPath,
            @PropertyInject("audio.bucket-name") String bucket, @PropertyInject("audio.source") String mode, S3Connection s3) {
        Path root = Path.of(dataPath.trim(), bucket.trim()).toAbsolutePath().normalize();
        return new SourceResolver(root, SourceResolver.Mode.parse(mode), s3.configured() ? bucket.trim() : null);
    }

    @BindToRegistry(lazy = true)
    public LocalFileOpener localFiles(SourceResolver resolver, InputPolicy policy) {
        return new LocalFileOpener(resolver.bucketRoot(), policy);
    }

    @BindToRegistry(lazy = true)
    public S3Sources s3Sources(S3Connection s3, @PropertyInject("audio.s3.url-expiry") Duration urlExpiry, InputPolicy policy) {
        return new S3Sources(s3, urlExpiry, policy);
    }

    @Override
    public void configure(CamelContext context) {
        String dataPath = context.resolvePropertyPlaceholders("{{audio.minio-data-path}}").trim();
        SourceResolver resolver = context.getRegistry().findSingleByType(SourceResolver.class);
        S3Connection s3 = context.getRegistry().findSingleByType(S3Connection.class);
        dataPathReadable(Path.of(dataPath), resolver.bucketRoot());
        LocalFileOpener.checkSupported();
        LOG.info("videos: {}", resolver.describe(s3.endpoint()));
        if (resolver.mode() == SourceResolver.Mode.LOCAL && !Files.isDirectory(resolver.bucketRoot())) {
            LOG.warn("the bucket folder {} does not exist: every request will be 404 and readiness DOWN until it does",
                    resolver.bucketRoot());
        }
    }

    /** A data path that exists but cannot be read is a mistake; a missing one is only a warning (fresh checkout). */
    private static void dataPathReadable(Path dataPath, Path bucketRoot) {
        for (Path path : new Path[] {dataPath, bucketRoot}) {
            if (Files.exists(path) && (!Files.isDirectory(path) || !Files.isReadable(path) || !Files.isExecutable(path))) {
                throw new StartupFailure(path.toAbsolutePath() + " is not a readable directory: check audio.minio-data-path"
                        + " and audio.bucket-name, and the permissions of the user running the service");
            }
        }
    }
}
